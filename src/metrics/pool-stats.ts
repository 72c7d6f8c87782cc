import { type DataSource } from 'typeorm';
import { type DriverHandles, listPools } from '../database/mysql-pools';

/** Connection counts of one database pool at one moment. */
export interface PoolStats {
  /** "primary", or "replica1", "replica2", ... in the order of DATABASE_REPLICA_URLS. */
  pool: string;
  /** Most connections the pool opens. */
  limit: number;
  /** Connections lent out to queries or transactions. */
  inUse: number;
  /** Open connections waiting in the pool. */
  idle: number;
  /** Requests queued for a connection because every one is in use. */
  waiting: number;
}

/**
 * Reads the connection counts of every pool. SQLite reports its one connection as the pool
 * "primary": in use while a transaction is open, idle otherwise.
 */
export function readPoolStats(dataSource: DataSource): PoolStats[] {
  if (dataSource.options.type === 'better-sqlite3') {
    const driver = dataSource.driver as unknown as DriverHandles;
    const inUse = driver.databaseConnection?.inTransaction ? 1 : 0;
    return [{ pool: 'primary', limit: 1, inUse, idle: 1 - inUse, waiting: 0 }];
  }
  return [...listPools(dataSource)].map(([name, pool]) => {
    const open = pool._allConnections?.length ?? 0;
    const idle = pool._freeConnections?.length ?? 0;
    return {
      pool: name,
      limit: pool.config?.connectionLimit ?? 0,
      inUse: open - idle,
      idle,
      waiting: pool._connectionQueue?.length ?? 0,
    };
  });
}
