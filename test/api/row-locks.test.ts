import { Writable } from 'node:stream';
import pino from 'pino';
import { Opd } from '../../src/entities';
import { OpdKind } from '../../src/entities/enums';
import { findOrFail } from '../../src/services/repository-helpers';
import { TransactionRunner } from '../../src/services/transaction-runner';
import { testDriver } from '../support/test-database';
import { startTestServer, type LogLine, type TestServer } from '../support/test-server';

// SQLite runs one transaction at a time, so only MySQL and MariaDB take row locks and deadlock.
const describeOnMysql = testDriver() === 'mysql' ? describe : describe.skip;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) {
      open();
    }
    return opened;
  };
}

describeOnMysql('deadlock retry', () => {
  test('both transactions commit after deadlock', async () => {
    const { manager } = server.app.dataSource;
    const [first, second] = await manager.save(
      Opd,
      ['DL-1', 'DL-2'].map((code) =>
        manager.create(Opd, { code, name: code, kind: OpdKind.OTHER, headName: 'H' }),
      ),
    );
    const logs: LogLine[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const runner = new TransactionRunner(server.app.dataSource, pino(sink));
    const bothLocked = barrier(2);
    const attempts = { forward: 0, backward: 0 };

    // Each transaction locks one row, waits until the other holds its row, then updates the
    // other row: a lock cycle that InnoDB breaks by rolling one of them back.
    const lockInOrder = (direction: 'forward' | 'backward', one: Opd, other: Opd) =>
      runner.run(async (transaction) => {
        attempts[direction] += 1;
        await transaction.query('SELECT id FROM opd WHERE id = ? FOR UPDATE', [one.id]);
        if (attempts[direction] === 1) {
          await bothLocked();
        }
        await transaction.update(Opd, { id: other.id }, { headName: `by ${direction}` });
        await transaction.update(Opd, { id: one.id }, { name: `${one.code} ${direction}` });
      });

    await Promise.all([
      lockInOrder('forward', first, second),
      lockInOrder('backward', second, first),
    ]);

    expect(attempts.forward + attempts.backward).toBe(3);
    const retries = logs.filter((line) => line.msg === 'transaction deadlocked; retrying');
    expect(retries).toHaveLength(1);
    const rows = await manager.find(Opd, { where: [{ id: first.id }, { id: second.id }] });
    expect(rows.map((row) => row.name).sort()).toEqual(['DL-1 forward', 'DL-2 backward']);
  });
});

describeOnMysql('row locks', () => {
  test('locked load holds the row', async () => {
    const { dataSource } = server.app;
    const opd = await dataSource.manager.save(
      dataSource.manager.create(Opd, {
        code: 'LOCK-1',
        name: 'Locked',
        kind: OpdKind.OTHER,
        headName: 'H',
      }),
    );
    const runner = new TransactionRunner(dataSource);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));

    const holder = runner.run(async (manager) => {
      await findOrFail(manager, Opd, opd.id, 'opdId', { lock: true });
      locked();
      await held;
    });
    await isLocked;
    // NOWAIT fails at once instead of waiting when another transaction holds the row lock.
    const probe = runner.run((manager) =>
      manager.query('SELECT id FROM opd WHERE id = ? FOR UPDATE NOWAIT', [opd.id]),
    );
    await expect(probe).rejects.toMatchObject({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } });
    release();
    await holder;
  });
});
