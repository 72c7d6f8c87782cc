import type { EventEmitter } from 'node:events';
import { type DataSource } from 'typeorm';

/**
 * The parts of a mysql2 callback pool that pool statistics read. These fields are internal to
 * mysql2 (checked against 3.x); a missing one reads as 0 rather than failing a scrape.
 */
export interface Mysql2Pool extends EventEmitter {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** A mysql2 pool cluster, as TypeORM builds it for replication: nodes MASTER, SLAVE0, ... */
interface Mysql2PoolCluster {
  _nodes?: Record<string, { pool: Mysql2Pool }>;
}

/** Driver fields read here; TypeORM sets `pool` or `poolCluster` on MySQL. */
export interface DriverHandles {
  pool?: Mysql2Pool;
  poolCluster?: Mysql2PoolCluster;
  databaseConnection?: { inTransaction?: boolean };
}

/**
 * Returns each pool of the data source by name. SQLite has no pool and returns none; MySQL
 * returns "primary" and, with replicas, "replica1", "replica2", ... (TypeORM names them
 * SLAVE0, SLAVE1, ... in configuration order).
 */
export function listPools(dataSource: DataSource): Map<string, Mysql2Pool> {
  const driver = dataSource.driver as unknown as DriverHandles;
  const pools = new Map<string, Mysql2Pool>();
  if (driver.pool) {
    pools.set('primary', driver.pool);
  }
  for (const [id, node] of Object.entries(driver.poolCluster?._nodes ?? {})) {
    const replica = /^SLAVE(\d+)$/.exec(id);
    pools.set(replica ? `replica${Number(replica[1]) + 1}` : 'primary', node.pool);
  }
  return pools;
}
