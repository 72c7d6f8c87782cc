import {
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  QueryFailedError,
} from 'typeorm';
import { NotFoundError } from '../errors/app-errors';

/**
 * Loads a row by id or throws NotFoundError naming the input field. With `lock` the row is
 * locked for update until the transaction ends (MySQL and MariaDB); SQLite needs no row lock
 * because its transactions already run one at a time.
 */
export async function findOrFail<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  field: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const metadata = manager.connection.getMetadata(entity);
  const query = manager.createQueryBuilder(entity, 'row').where('row.id = :id', { id });
  if (options.lock && !isSqlite(manager)) {
    query.setLock('pessimistic_write');
  }
  const row = await query.getOne();
  if (!row) {
    throw new NotFoundError(`${field}: no ${metadata.name} exists with this ID`, field);
  }
  return row;
}

/**
 * Whether the manager works on SQLite, whose transactions run one at a time and so take no row
 * locks. TypeORM names MariaDB connections 'mariadb', so the test is "SQLite", not "mysql".
 */
export function isSqlite(manager: EntityManager): boolean {
  return manager.connection.options.type === 'better-sqlite3';
}

/**
 * Find options that lock the found rows for update until the transaction ends on MySQL and
 * MariaDB, and nothing on SQLite.
 */
export function lockForUpdate(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return isSqlite(manager) ? {} : { lock: { mode: 'pessimistic_write' } };
}

/** Whether an error is a violation of a unique index, on MySQL or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) {
    return false;
  }
  const driverError = error.driverError as { code?: string; errno?: number } | undefined;
  return (
    driverError?.code === 'ER_DUP_ENTRY' ||
    driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverError?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Runs `work`; turns a unique-index violation into the error `onDuplicate` builds. */
export async function translateUniqueViolation<T>(
  work: () => Promise<T>,
  onDuplicate: () => Error,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw onDuplicate();
    }
    throw error;
  }
}
