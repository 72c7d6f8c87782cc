import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { type AuditService } from './audit.service';
import { type TransactionRunner } from './transaction-runner';

/** An entity a mutation created or changed; its class name is the audit entity type. */
export interface AuditedEntity {
  id: number;
}

/** What the audit event of a mutation records as its subject and, if not the caller, actor. */
export interface AuditSubject {
  entity: AuditedEntity;
  /** Actor to record instead of the caller, such as the user who just signed in. */
  actor?: Actor;
}

/**
 * Runs one mutation: its work and its audit event commit together or not at all, so a rejected
 * mutation leaves no row behind.
 */
export class UnitOfWork {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Runs `work` in a transaction and records `action` against the entity that `describe` picks
   * from the result (by default the result itself).
   */
  async run<T>(
    actor: Actor | null,
    action: string,
    input: unknown,
    work: (manager: EntityManager) => Promise<T>,
    describe: (result: T) => AuditSubject = (result) => ({ entity: result as AuditedEntity }),
  ): Promise<T> {
    return this.transactions.run(async (manager) => {
      const result = await work(manager);
      const subject = describe(result);
      await this.audit.record(manager, {
        actor: subject.actor ?? actor,
        action,
        entityType: subject.entity.constructor.name,
        entityId: subject.entity.id,
        input,
      });
      return result;
    });
  }
}
