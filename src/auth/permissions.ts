import { Role } from '../entities/enums';
import { ForbiddenError } from '../errors/app-errors';
import { type Actor, isOpdRole } from './actor';

/** Throws ForbiddenError unless the actor holds one of the roles. */
export function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(
      `Role ${actor.role} may not ${action}; allowed roles: ${roles.join(', ')}`,
    );
  }
}

/**
 * Throws ForbiddenError unless the actor is an OPD user of `opdId`. Used for acts that only the
 * OPD itself performs: tasks, indicators, bids and realisations.
 */
export function requireOwnOpd(actor: Actor, opdId: number, action: string): void {
  requireRole(actor, [Role.OPD_HEAD, Role.OPD_STAFF], action);
  if (!isOpdRole(actor.role) || actor.opdId !== opdId) {
    throw new ForbiddenError(
      `User ${actor.username} may not ${action} for an OPD that is not theirs`,
    );
  }
}

/** Roles that may read the audit trail. */
export const AUDIT_READER_ROLES: readonly Role[] = [Role.ADMIN, Role.EVALUATOR, Role.ANALYST];
