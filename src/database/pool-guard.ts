type GetConnectionCallback = (error: Error | null, connection?: ReleasableConnection) => void;

/** The part of a mysql2 pool connection the guard uses. */
interface ReleasableConnection {
  release(): void;
}

/** The part of a mysql2 callback pool the guard wraps. */
export interface CallbackPool {
  getConnection(callback: GetConnectionCallback): void;
}

/** Error raised when no pooled connection became free within the time allowed. */
export class PoolAcquireTimeoutError extends Error {
  readonly code = 'POOL_ACQUIRE_TIMEOUT';

  constructor(timeoutMs: number) {
    super(`No database connection became free within ${timeoutMs} ms`);
    this.name = 'PoolAcquireTimeoutError';
  }
}

/**
 * Bounds the time a caller waits for a pooled connection. mysql2 pools (3.x) queue callers
 * without a time limit, so when every connection hangs on an unreachable server, requests would
 * wait forever. After `timeoutMs` the caller gets PoolAcquireTimeoutError; a connection that
 * arrives later goes straight back to the pool.
 */
export function limitConnectionWait(pool: CallbackPool, timeoutMs: number): void {
  const getConnection = pool.getConnection.bind(pool);

  pool.getConnection = (callback: GetConnectionCallback) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      callback(new PoolAcquireTimeoutError(timeoutMs));
    }, timeoutMs);

    getConnection((error, connection) => {
      if (settled) {
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      callback(error, connection);
    });
  };
}

/** The part of a mysql2 pool connection the timeout guard uses. */
interface QueryableConnection {
  query(...args: unknown[]): unknown;
  destroy(): void;
}

/** A mysql2 pool that reports the connections it hands out. */
export interface ObservablePool {
  on(event: 'acquire', listener: (connection: QueryableConnection) => void): unknown;
}

/**
 * Closes a pooled connection as soon as one of its statements times out. mysql2 (3.x) reports
 * the timeout to the caller but keeps the timed-out statement as the connection's current
 * command. Every later command on that connection then waits behind it for as long as the
 * server stays silent, including the ROLLBACK that follows a failed transaction. Closing the
 * connection fails those commands at once and removes the connection from the pool.
 */
export function dropConnectionsOnTimeout(pool: ObservablePool): void {
  const guarded = new WeakSet<QueryableConnection>();
  pool.on('acquire', (connection) => {
    if (guarded.has(connection)) {
      return;
    }
    guarded.add(connection);
    const query = connection.query.bind(connection);
    connection.query = (...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, ...results: unknown[]) => {
          if ((error as { code?: unknown } | null)?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
            connection.destroy();
          }
          return (callback as (...values: unknown[]) => unknown)(error, ...results);
        };
      }
      return query(...args);
    };
  });
}
