import { type DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AUDIT_READER_ROLES, requireRole } from '../auth/permissions';
import { SECRET_FIELD_NAME } from '../auth/secret-fields';
import { AuditEvent } from '../entities';
import { canonicalJson, sha256Hex } from '../rules/canonical-json';
import { type ConnectionResult, type PageRequest, paginateQuery } from './pagination';

/** What one mutation changed, for the audit trail. */
export interface AuditEntry {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId: number;
  input: unknown;
}

/** Filter of the audit trail: one entity, or everything when null. */
export interface AuditFilter {
  entityType: string | null;
  entityId: number | null;
}

/** Writes audit events inside the caller's transaction and lists them for auditors. */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Lists events by ascending id (ADMIN, EVALUATOR, ANALYST), optionally for one entity. */
  listEvents(
    actor: Actor,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<ConnectionResult<AuditEvent>> {
    requireRole(actor, AUDIT_READER_ROLES, 'read the audit trail');
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (filter.entityType !== null && filter.entityId !== null) {
      query
        .where('event.entityType = :entityType', { entityType: filter.entityType })
        .andWhere('event.entityId = :entityId', { entityId: filter.entityId });
    }
    return paginateQuery(query, 'event', page);
  }

  /** Stores one event; the input is reduced to a SHA-256 digest of its canonical JSON. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const event = manager.create(AuditEvent, {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      occurredAt: new Date(),
      inputDigest: digestInput(entry.input),
    });
    return manager.save(event);
  }
}

/**
 * Returns the SHA-256 digest of the input's canonical JSON without the secret fields
 * (SECRET_FIELD_NAME), so that a digest cannot confirm a guessed password.
 */
export function digestInput(input: unknown): string {
  return sha256Hex(canonicalJson(withoutSecrets(input)));
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_FIELD_NAME.test(key))
      .map(([key, entry]) => [key, withoutSecrets(entry)]);
    return Object.fromEntries(entries);
  }
  return value;
}
