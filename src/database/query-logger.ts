import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../logging/logger';
import { currentRequestContext } from '../logging/request-context';

/**
 * Bridges TypeORM's logging to the process logger and counts every SQL statement against the
 * current request, so tests and request logs can show how many statements a query cost and
 * how many of them a read replica served. Statement parameters are never logged, because they
 * carry password hashes and other users' data.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly output: Logger) {}

  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    const onReplica = runsOnReplica(queryRunner);
    const context = currentRequestContext();
    if (context) {
      context.queryCount += 1;
      context.replicaQueryCount += onReplica ? 1 : 0;
    }
    this.output.trace({ sql: query, replica: onReplica }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    // Errors are raised to the caller, who decides whether they matter (a unique-key violation
    // is an expected outcome of a race), so this logs at debug level only. The driver's error
    // can quote the statement with its values inlined, so only the message and code are kept.
    const code = typeof error === 'string' ? undefined : (error as { code?: string }).code;
    const message = typeof error === 'string' ? error : error.message;
    this.output.debug({ error: { message, code }, sql: query }, 'sql statement failed');
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

/**
 * Returns whether TypeORM runs the statement on a read replica. TypeORM takes replica
 * connections for query runners in "slave" mode, and only when replication is configured.
 */
function runsOnReplica(queryRunner: QueryRunner | undefined): boolean {
  if (!queryRunner || !queryRunner.connection.driver.isReplicated) {
    return false;
  }
  return queryRunner.getReplicationMode() === 'slave';
}
