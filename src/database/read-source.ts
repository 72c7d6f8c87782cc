import {
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type FindManyOptions,
  type ObjectLiteral,
} from 'typeorm';

/**
 * Target of one request's reads outside a transaction. With read replicas configured, reads go
 * to a replica until the request starts a mutation. From then on they go to the primary, so the
 * mutation's payload shows what it just wrote even when the replicas lag behind. Without
 * replicas every read uses the one pool (or the one SQLite connection).
 */
export class ReadSource {
  private primaryOnly = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Sends every later read of this request to the primary. */
  usePrimary(): void {
    this.primaryOnly = true;
  }

  /** Whether reads of this request now go to the primary. */
  get readsFromPrimary(): boolean {
    return this.primaryOnly || !this.dataSource.driver.isReplicated;
  }

  /**
   * Runs `work` with a manager for the current read target. On the primary a query runner is
   * taken for the duration of `work` and released afterwards, so no connection outlives it.
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.primaryOnly || !this.dataSource.driver.isReplicated) {
      return work(this.dataSource.manager);
    }
    const runner = this.dataSource.createQueryRunner('master');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** Finds rows on the current read target; see EntityManager.find. */
  find<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    options: FindManyOptions<T>,
  ): Promise<T[]> {
    return this.run((manager) => manager.find(entity, options));
  }
}
