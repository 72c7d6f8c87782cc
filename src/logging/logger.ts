import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Options of the process logger. */
export interface LoggerOptions {
  level: string;
  /** Human-readable lines instead of JSON, for a developer's terminal. */
  pretty: boolean;
}

/** Fields of a database error that can quote the values of the failed statement. */
const STATEMENT_VALUE_FIELDS = ['parameters', 'sql', 'driverError'];

/**
 * Creates the structured JSON logger, writing to `destination` (standard output by default).
 * Password, token, authorization and secret fields are censored at the paths listed below,
 * up to two levels deep. Logged errors lose the statement values that TypeORM and mysql2
 * attach to them. `pretty` is ignored when a destination is given.
 */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { service: 'lelang-kinerja' },
    serializers: { err: serializeError },
    redact: {
      paths: [
        'password',
        '*.password',
        '*.*.password',
        'passwordHash',
        '*.passwordHash',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'jwtSecret',
        '*.jwtSecret',
      ],
      censor: '[redacted]',
    },
  };
  if (destination) {
    return pino(settings, destination);
  }
  return pino({
    ...settings,
    transport: options.pretty
      ? {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
        }
      : undefined,
  });
}

/** Logger that drops everything, for tests and tools that print nothing. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * Serialises an error with pino's standard serialiser, then drops the fields in which a failed
 * SQL statement's values travel (a QueryFailedError's `parameters`, mysql2's `sql` with the
 * values inlined, and the wrapped `driverError`). `query`, the statement with placeholders,
 * is kept.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) {
    return error;
  }
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const field of STATEMENT_VALUE_FIELDS) {
    if (field in serialized) {
      serialized[field] = '[removed: may hold statement values]';
    }
  }
  return serialized;
}
