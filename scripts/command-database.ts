/**
 * Opens the server's database for an operator command, such as scripts/spreadsheet.ts and
 * scripts/migrate.ts. Settings that are invalid and databases that cannot be opened become a
 * DatabaseOpenError with a one-line message, which the commands print without a stack trace.
 */
import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { ConfigError, type DatabaseConfig, loadDatabaseConfig } from '../src/config/config';
import { openDataSource } from '../src/database/data-source';
import type { Logger } from '../src/logging/logger';

/** Invalid database settings, or a database that cannot be opened with them. */
export class DatabaseOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Plain words for the socket and MySQL errors of connecting. Other codes are shown with the
 * driver's message.
 */
const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused; check the host and port, and that the server is running',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the server closed the connection',
  PROTOCOL_CONNECTION_LOST: 'the server closed the connection',
  ER_BAD_DB_ERROR: 'the database does not exist on this server',
  ER_ACCESS_DENIED_ERROR: 'access denied for the user and password in the URL',
  ER_DBACCESS_DENIED_ERROR: 'the user in the URL has no access to this database',
};

/** Reads DATABASE_URL or SQLITE_PATH from `env`; invalid settings throw DatabaseOpenError. */
export function loadCommandDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  try {
    return loadDatabaseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new DatabaseOpenError(`invalid database settings: ${error.problems.join('; ')}`);
    }
    throw error;
  }
}

/**
 * Opens `database`. With `requireFile`, a SQLite file that does not exist is an error instead
 * of a new empty database. A failure to connect, or to open the SQLite file, throws
 * DatabaseOpenError naming the database and the cause; other errors pass unchanged.
 */
export async function openCommandDatabase(
  database: DatabaseConfig,
  options: { log?: Logger; requireFile?: boolean } = {},
): Promise<DataSource> {
  if (database.type === 'sqlite' && options.requireFile && !existsSync(database.path)) {
    throw new DatabaseOpenError(
      `the SQLite file ${database.path} does not exist: point SQLITE_PATH or DATABASE_URL at ` +
        "the server's database",
    );
  }
  try {
    return await openDataSource(database, options.log);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !isOpenFailure(code)) {
      throw error;
    }
    const cause = CONNECT_ERRORS[code] ?? ((error as Error).message || 'failed');
    throw new DatabaseOpenError(
      `cannot open the ${describeDatabase(database)}: ${cause} (${code}); ` +
        `check ${database.type === 'sqlite' ? 'SQLITE_PATH or DATABASE_URL' : 'DATABASE_URL'}`,
    );
  }
}

/** Returns whether an error code comes from connecting or from opening a SQLite file. */
function isOpenFailure(code: string): boolean {
  return code in CONNECT_ERRORS || code.startsWith('ER_') || code.startsWith('SQLITE_');
}

/**
 * Names a database for messages: the SQLite file, or the MySQL database with host and port.
 * The user name and password of a URL are left out.
 * NOTE: a failure on a read replica (DATABASE_REPLICA_URLS) is reported with the primary's name.
 */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.type === 'sqlite') {
    return `SQLite file ${database.path}`;
  }
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const port = url.port || '3306';
  return `database "${name}" at ${url.hostname}:${port}`;
}
