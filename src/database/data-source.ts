import { DataSource, type DataSourceOptions } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import {
  type DatabaseConfig,
  DEFAULT_MYSQL_POOL_LIMITS,
  type MysqlPoolLimits,
} from '../config/config';
import { ENTITIES } from '../entities';
import { SnakeNamingStrategy } from '../entities/naming-strategy';
import type { Logger } from '../logging/logger';
import { createSilentLogger } from '../logging/logger';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { type CallbackPool, dropConnectionsOnTimeout, limitConnectionWait } from './pool-guard';
import { listPools } from './mysql-pools';
import { QueryLogger } from './query-logger';
import { SlowQuerySubscriber } from './slow-query.subscriber';

/**
 * Builds the TypeORM data source for a database. The schema is never synchronised from the
 * entities: it changes only through the migrations of the matching driver.
 */
export function createDataSource(database: DatabaseConfig, log?: Logger): DataSource {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    logger: new QueryLogger(log ?? createSilentLogger()),
    logging: true,
  } as const;

  let options: DataSourceOptions;
  if (database.type === 'sqlite') {
    options = {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      migrations: SQLITE_MIGRATIONS,
      subscribers: [SlowQuerySubscriber],
      enableWAL: true,
      timeout: 5000,
    };
  } else {
    const limits = database.limits ?? DEFAULT_MYSQL_POOL_LIMITS;
    options = {
      ...common,
      type: database.flavor === 'mariadb' ? 'mariadb' : 'mysql',
      ...mysqlEndpoints(database.url, database.replicaUrls ?? []),
      migrations: MYSQL_MIGRATIONS,
      subscribers: [SlowQuerySubscriber],
      // DATETIME values are UTC on the wire; "local" would shift them between processes.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: database.poolSize,
      connectTimeout: limits.connectTimeoutMs,
      // A statement that runs longer than this fails, and dropConnectionsOnTimeout then closes
      // its connection, which also ends a wait on a server that stopped responding.
      enableQueryTimeout: true,
      maxQueryExecutionTime: limits.queryTimeoutMs,
      extra: { connectionLimit: database.poolSize, queueLimit: limits.queueLimit },
    };
  }
  return new DataSource(options);
}

/**
 * Connection settings for one MySQL server, or for a primary with read replicas. With replicas,
 * TypeORM opens one pool per server: SELECTs built outside a transaction take a replica
 * connection (round robin), while writes, transactions and raw `query()` calls use the primary.
 */
function mysqlEndpoints(url: string, replicaUrls: string[]) {
  if (replicaUrls.length === 0) {
    return { url };
  }
  return {
    replication: {
      master: { url },
      slaves: replicaUrls.map((replicaUrl) => ({ url: replicaUrl })),
    },
  };
}

/**
 * Creates and connects the data source. For a MySQL URL that does not name the server family,
 * one short connection first reads the server version to tell MySQL from MariaDB.
 */
export async function openDataSource(database: DatabaseConfig, log?: Logger): Promise<DataSource> {
  const resolved =
    database.type === 'mysql' && !database.flavor
      ? { ...database, flavor: await detectMysqlFlavor(database.url) }
      : database;
  const dataSource = createDataSource(resolved, log);
  await dataSource.initialize();
  if (resolved.type === 'mysql') {
    try {
      guardPools(dataSource, resolved.limits ?? DEFAULT_MYSQL_POOL_LIMITS);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
  }
  return dataSource;
}

/**
 * Bounds the wait for a connection on every pool of a MySQL data source. With replicas TypeORM
 * builds a pool cluster, and the primary and each replica get the same bound.
 */
function guardPools(dataSource: DataSource, limits: MysqlPoolLimits): void {
  for (const pool of listPools(dataSource).values()) {
    limitConnectionWait(pool as unknown as CallbackPool, limits.acquireTimeoutMs);
    dropConnectionsOnTimeout(pool);
  }
}

async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return version.toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
