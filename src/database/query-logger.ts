import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../logging/logger';
import { currentRequestContext } from '../logging/request-context';

/**
 * Bridges TypeORM's logging to the process logger and counts every SQL statement against the
 * current request, so tests and request logs can show how many statements a query cost.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly output: Logger) {}

  logQuery(query: string): void {
    const context = currentRequestContext();
    if (context) {
      context.queryCount += 1;
    }
    this.output.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    // Errors are raised to the caller, who decides whether they matter (a unique-key violation
    // is an expected outcome of a race), so this logs at debug level only.
    this.output.debug({ err: error, sql: query }, 'sql statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.output.warn({ durationMs: time, sql: query }, 'slow sql statement');
  }

  logSchemaBuild(message: string): void {
    this.output.debug(message);
  }

  logMigration(message: string): void {
    this.output.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, _queryRunner?: QueryRunner): void {
    if (level === 'warn') {
      this.output.warn({ detail: message }, 'typeorm warning');
    } else {
      this.output.debug({ detail: message }, 'typeorm');
    }
  }
}
