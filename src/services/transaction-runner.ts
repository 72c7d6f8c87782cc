import { type DataSource, type EntityManager } from 'typeorm';

/**
 * Runs units of work in database transactions. SQLite has one connection and no concurrent
 * transactions on it, so on SQLite the runner queues transactions one after another; on MySQL
 * each gets a pooled connection and the database's row locks decide.
 */
export class TransactionRunner {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return this.dataSource.transaction(work);
    }
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }
}
