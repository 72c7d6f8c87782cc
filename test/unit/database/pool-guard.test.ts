import { EventEmitter } from 'node:events';
import {
  type CallbackPool,
  dropConnectionsOnTimeout,
  limitConnectionWait,
} from '../../../src/database/pool-guard';

type Callback = Parameters<CallbackPool['getConnection']>[0];

/** A pool whose connection requests stay pending until the test hands out a connection. */
function stalledPool() {
  const waiting: Callback[] = [];
  const pool: CallbackPool = { getConnection: (callback) => waiting.push(callback) };
  return { pool, waiting };
}

function acquire(pool: CallbackPool): Promise<unknown> {
  return new Promise((resolve, reject) =>
    pool.getConnection((error, connection) => (error ? reject(error) : resolve(connection))),
  );
}

describe('limitConnectionWait', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('wait beyond limit fails', async () => {
    const { pool } = stalledPool();
    limitConnectionWait(pool, 500);

    const pending = acquire(pool);
    jest.advanceTimersByTime(500);
    await expect(pending).rejects.toMatchObject({
      code: 'POOL_ACQUIRE_TIMEOUT',
      message: 'No database connection became free within 500 ms',
    });
  });

  test('connection in time is handed over', async () => {
    const { pool, waiting } = stalledPool();
    limitConnectionWait(pool, 500);
    const connection = { release: jest.fn() };

    const pending = acquire(pool);
    jest.advanceTimersByTime(499);
    waiting[0](null, connection);
    await expect(pending).resolves.toBe(connection);
    jest.advanceTimersByTime(1000);
    expect(connection.release).not.toHaveBeenCalled();
  });

  test('late connection goes back to pool', async () => {
    const { pool, waiting } = stalledPool();
    limitConnectionWait(pool, 500);
    const connection = { release: jest.fn() };

    const pending = acquire(pool);
    jest.advanceTimersByTime(500);
    await expect(pending).rejects.toThrow('No database connection became free');
    waiting[0](null, connection);
    expect(connection.release).toHaveBeenCalledTimes(1);
  });

  test('pool error passes through', async () => {
    const { pool, waiting } = stalledPool();
    limitConnectionWait(pool, 500);

    const pending = acquire(pool);
    waiting[0](new Error('Queue limit reached.'));
    await expect(pending).rejects.toThrow('Queue limit reached.');
  });
});

describe('dropConnectionsOnTimeout', () => {
  /** A connection whose next statement fails with the given error code, or succeeds. */
  function fakeConnection(failure: string | null) {
    return {
      destroy: jest.fn(),
      query: jest.fn((_sql: string, callback: (error: unknown, rows?: unknown) => void) => {
        callback(failure ? Object.assign(new Error(failure), { code: failure }) : null, []);
      }),
    };
  }

  function guardedPool() {
    const pool = new EventEmitter();
    dropConnectionsOnTimeout(pool);
    return pool;
  }

  function runQuery(connection: { query: (...args: any[]) => unknown }): Promise<unknown> {
    return new Promise((resolve, reject) =>
      connection.query('SELECT 1', (error: Error | null, rows: unknown) =>
        error ? reject(error) : resolve(rows),
      ),
    );
  }

  test('timed-out statement closes connection', async () => {
    const pool = guardedPool();
    const connection = fakeConnection('PROTOCOL_SEQUENCE_TIMEOUT');
    pool.emit('acquire', connection);

    await expect(runQuery(connection)).rejects.toMatchObject({ code: 'PROTOCOL_SEQUENCE_TIMEOUT' });
    expect(connection.destroy).toHaveBeenCalledTimes(1);
  });

  test('other failures keep connection', async () => {
    const pool = guardedPool();
    const connection = fakeConnection('ER_DUP_ENTRY');
    pool.emit('acquire', connection);

    await expect(runQuery(connection)).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(connection.destroy).not.toHaveBeenCalled();
  });

  test('connection wrapped once', async () => {
    const pool = guardedPool();
    const connection = fakeConnection(null);
    pool.emit('acquire', connection);
    pool.emit('acquire', connection);

    await expect(runQuery(connection)).resolves.toEqual([]);
    expect(connection.destroy).not.toHaveBeenCalled();
  });
});
