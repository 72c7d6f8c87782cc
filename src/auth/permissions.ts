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
  requireRole(actor, OPD_USER_ROLES, action);
  if (!isOpdRole(actor.role) || actor.opdId !== opdId) {
    throw new ForbiddenError(
      `User ${actor.username} may not ${action} for an OPD that is not theirs`,
    );
  }
}

/** Roles that act for one OPD. */
export const OPD_USER_ROLES: readonly Role[] = [Role.OPD_HEAD, Role.OPD_STAFF];

/** Roles that may sign a contract, each as its own party. */
export const SIGNATORY_ROLES: readonly Role[] = [Role.MAYOR, Role.OPD_HEAD];

/** Roles that may read the audit trail. */
export const AUDIT_READER_ROLES: readonly Role[] = [Role.ADMIN, Role.EVALUATOR, Role.ANALYST];
