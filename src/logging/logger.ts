import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Options of the process logger. */
export interface LoggerOptions {
  level: string;
  /** Human-readable lines instead of JSON, for a developer's terminal. */
  pretty: boolean;
}

/**
 * Creates the structured JSON logger. Fields that could hold a secret are redacted by path, so
 * a careless `log.info({ input })` cannot leak a password or token.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    level: options.level,
    base: { service: 'lelang-kinerja' },
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
