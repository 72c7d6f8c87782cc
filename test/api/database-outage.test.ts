import { In, Like } from 'typeorm';
import type { MysqlPoolLimits } from '../../src/config/config';
import { AuditEvent, Opd } from '../../src/entities';
import { errorCodes } from '../support/graphql-client';
import { createTestDatabase, testDriver, type TestDatabase } from '../support/test-database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

// The proxy sits between the server and a database server reached over TCP: MySQL or MariaDB.
const describeOnMysql = testDriver() === 'mysql' ? describe : describe.skip;

/** Short limits so that the outage shows within seconds. */
const LIMITS: MysqlPoolLimits = {
  queueLimit: 100,
  connectTimeoutMs: 1000,
  acquireTimeoutMs: 1500,
  queryTimeoutMs: 2000,
};
/** Maximum time a request may take during the outage: the limits above plus slack. */
const MAX_REQUEST_MS = LIMITS.acquireTimeoutMs + LIMITS.queryTimeoutMs + 1500;
const WORKERS = 16;

const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id } userErrors { code } }
}`;

/** Number of the last request the load sent, across runs, so that OPD codes stay unique. */
let sequence = 0;

/** What a load worker saw for one request. */
interface Outcome {
  kind: 'write' | 'read';
  code: string | null;
  startedAt: number;
  durationMs: number;
  status: number;
  errorCodes: string[];
  ok: boolean;
}

let database: TestDatabase;
let proxy: TcpProxy;
let server: TestServer;
let world: World;

describeOnMysql('database outage', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.config.type !== 'mysql') {
      throw new Error('the outage test needs a MySQL test database');
    }
    const direct = new URL(database.config.url);
    proxy = await startTcpProxy(direct.hostname, Number(direct.port || 3306));
    const proxied = new URL(direct);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);

    server = await startTestServer({
      database: { type: 'mysql', url: proxied.toString(), poolSize: 5, limits: LIMITS },
    });
    world = await buildWorld(server);
  });

  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    await database?.drop();
  });

  test.each([
    ['cut', () => proxy.cut()],
    ['freeze', () => proxy.freeze()],
  ])('%s: requests fail fast, service resumes', async (_mode, breakLink) => {
    const origin = new URL(server.url).origin;
    const load = runLoad(7000);

    await pause(1000);
    breakLink();
    await pause(500);
    const readyStartedAt = Date.now();
    const ready = await fetch(`${origin}/ready`);
    const readyMs = Date.now() - readyStartedAt;
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThan(2500);
    expect(((await ready.json()) as { detail: string }).detail).toContain('database unreachable');

    await pause(2500);
    proxy.restore();
    const outcomes = await load;

    const failed = outcomes.filter((outcome) => !outcome.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((outcome) => outcome.status))).toEqual(new Set([503]));
    expect(new Set(failed.flatMap((outcome) => outcome.errorCodes))).toEqual(
      new Set(['SERVICE_UNAVAILABLE']),
    );
    const slowest = Math.max(...outcomes.map((outcome) => outcome.durationMs));
    expect(slowest).toBeLessThan(MAX_REQUEST_MS);

    await expectRecovered(origin);
    await expectWholeWrites(outcomes);
    expect(server.logs.filter((line) => line.level >= 50)).toEqual([]);
    // Dozens of failures, but the outage warning is logged at most once per 10 seconds.
    const warnings = server.logs.filter(
      (line) => line.msg === 'database unavailable while executing a request',
    );
    expect(warnings.length).toBeLessThanOrEqual(3);
  });
});

/** Runs WORKERS clients that alternate OPD creation and reads for `durationMs`. */
async function runLoad(durationMs: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const endAt = Date.now() + durationMs;

  const worker = async () => {
    while (Date.now() < endAt) {
      sequence += 1;
      const code = `CUT-${sequence}`;
      const write = sequence % 2 === 0;
      const startedAt = Date.now();
      const response = write
        ? await server.request(
            CREATE_OPD,
            { input: { code, name: `Outage ${code}`, kind: 'OTHER', headName: 'H' } },
            { token: world.tokens.admin },
          )
        : await server.request(
            'query { opds(first: 5) { totalCount edges { node { code } } } plans { id } }',
            {},
            { token: world.tokens.analyst },
          );
      outcomes.push({
        kind: write ? 'write' : 'read',
        code: write ? code : null,
        startedAt,
        durationMs: Date.now() - startedAt,
        status: response.status,
        errorCodes: errorCodes(response),
        ok: response.status === 200 && response.errors === undefined,
      });
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return outcomes;
}

/** Waits until /ready and an ordinary read and write succeed again, without a restart. */
async function expectRecovered(origin: string): Promise<void> {
  const deadline = Date.now() + 15000;
  let readyStatus = 0;
  while (Date.now() < deadline) {
    readyStatus = (await fetch(`${origin}/ready`)).status;
    if (readyStatus === 200) {
      break;
    }
    await pause(200);
  }
  expect(readyStatus).toBe(200);

  const read = await server.request('query { plans { id } }', {}, { token: world.tokens.analyst });
  expect(read.errors).toBeUndefined();
  expect(read.data?.plans).toEqual([{ id: world.planId }]);
  const write = await server.request(
    CREATE_OPD,
    {
      input: { code: `AFTER-${sequence}`, name: 'After the outage', kind: 'OTHER', headName: 'H' },
    },
    { token: world.tokens.admin },
  );
  expect(write.errors).toBeUndefined();
  expect(write.data?.createOpd.userErrors).toEqual([]);
}

/**
 * Checks that no mutation was half-written: every acknowledged OPD exists, and every OPD the
 * load created has its audit event and the reverse, because both are written in one
 * transaction.
 */
async function expectWholeWrites(outcomes: Outcome[]): Promise<void> {
  const { manager } = server.app.dataSource;
  const stored = await manager.find(Opd, { where: { code: Like('CUT-%') } });
  const storedCodes = new Set(stored.map((opd) => opd.code));
  const acknowledged = outcomes.filter((outcome) => outcome.kind === 'write' && outcome.ok);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(acknowledged.filter((outcome) => !storedCodes.has(outcome.code ?? ''))).toEqual([]);

  const events = await manager.find(AuditEvent, {
    where: { action: 'createOpd', entityType: 'Opd' },
  });
  const auditedIds = events.map((event) => event.entityId);
  expect(stored.filter((opd) => !auditedIds.includes(opd.id))).toEqual([]);
  const auditedOpds = await manager.count(Opd, { where: { id: In(auditedIds) } });
  expect(auditedOpds).toBe(auditedIds.length);
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
