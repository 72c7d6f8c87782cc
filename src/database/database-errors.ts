import { QueryFailedError } from 'typeorm';
import { ServiceUnavailableError } from '../errors/app-errors';

/**
 * mysql2 and Node socket error codes that mean the database could not be reached or the
 * connection broke, as opposed to a statement the database rejected.
 */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  // Set by the pool guard when no connection became free in time.
  'POOL_ACQUIRE_TIMEOUT',
]);

/**
 * Messages of mysql2 pool errors that carry no code (mysql2 3.x): the wait queue is full, or
 * the pool was closed because the server is stopping.
 */
const POOL_ERROR_MESSAGES = new Set(['Queue limit reached.', 'Pool is closed.']);

/** MySQL deadlock: InnoDB rolled the transaction back, and running it again may succeed. */
export function isDeadlock(error: unknown): boolean {
  return driverErrorOf(error)?.code === 'ER_LOCK_DEADLOCK';
}

/**
 * Returns whether an error means the database is unreachable, too slow or too busy, so the
 * request can succeed later unchanged. Covers refused and broken connections, connect and statement
 * timeouts, a full wait queue, lock wait timeouts and a closed pool.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driverError = driverErrorOf(error);
  if (!driverError) {
    return false;
  }
  if (driverError.code && CONNECTION_ERROR_CODES.has(driverError.code)) {
    return true;
  }
  return driverError.fatal === true || POOL_ERROR_MESSAGES.has(driverError.message);
}

/** Builds the client-facing error for a request that failed because the database was down. */
export function databaseUnavailableError(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'The database is unavailable or too busy to answer in time; try again in a few seconds',
  );
}

interface DriverError extends Error {
  code?: string;
  /** mysql2 marks errors after which the connection cannot be used again. */
  fatal?: boolean;
}

function driverErrorOf(error: unknown): DriverError | null {
  if (error instanceof QueryFailedError) {
    return error.driverError as DriverError;
  }
  return error instanceof Error ? error : null;
}
