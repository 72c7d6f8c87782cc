import { type DataSource, type EntityManager } from 'typeorm';
import { isDeadlock } from '../database/database-errors';
import { ConflictError } from '../errors/app-errors';
import { createSilentLogger, type Logger } from '../logging/logger';
import { isUniqueViolation } from './repository-helpers';

/** Attempts of one unit of work when MySQL aborts it as a deadlock victim. */
export const MAX_TRANSACTION_ATTEMPTS = 3;
/** Upper bound of the random pause before a retry, in milliseconds, times the attempt number. */
const RETRY_JITTER_MS = 50;

/**
 * Runs units of work in database transactions. SQLite has one connection and no concurrent
 * transactions on it, so on SQLite the runner queues transactions one after another. On MySQL
 * each gets a pooled connection and the database's row locks decide.
 *
 * On MySQL transactions run at READ COMMITTED: a statement that follows a row lock then reads
 * what the lock holder committed, not a snapshot taken before the wait. A deadlock victim is
 * run again from the start, up to MAX_TRANSACTION_ATTEMPTS times, so `work` must keep its
 * effects inside the transaction. A unique-index violation that the work did not translate
 * itself becomes a ConflictError, never an internal error.
 */
export class TransactionRunner {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger = createSilentLogger(),
  ) {}

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.runOnDriver(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'The change conflicts with a record written at the same time; reload and try again',
        );
      }
      throw error;
    }
  }

  private runOnDriver<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return this.runWithRetries(work);
    }
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  private async runWithRetries<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (!isDeadlock(error)) {
          throw error;
        }
        if (attempt >= MAX_TRANSACTION_ATTEMPTS) {
          this.log.warn({ attempts: attempt }, 'transaction deadlocked on every attempt');
          throw new ConflictError(
            `The change collided with concurrent changes ${attempt} times; try again`,
          );
        }
        this.log.warn({ attempt }, 'transaction deadlocked; retrying');
        await pause(Math.random() * RETRY_JITTER_MS * attempt);
      }
    }
  }
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
