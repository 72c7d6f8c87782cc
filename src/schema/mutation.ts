import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import {
  type AppError,
  BusinessRuleError,
  ConflictError,
  isUserFacingRuleError,
} from '../errors/app-errors';
import type { AuditSubject } from '../services/unit-of-work';
import { type GraphQLContext, requireActor } from './context';
import { type UserErrorCode } from './enums';
import type { UserErrorType } from './payloads/user-error.type';

/** A payload's object fields, each null when the mutation was rejected. */
export type Nullable<P> = { [K in keyof P]: P[K] | null };

/** Payload fields every mutation returns. */
export interface WithUserErrors {
  userErrors: UserErrorType[];
}

/** How to run one mutation and shape its payload. */
export interface MutationSpec<T, P> {
  /** Mutation name, recorded in the audit trail. */
  action: string;
  input: unknown;
  work: (manager: EntityManager, actor: Actor) => Promise<T>;
  toPayload: (result: T) => P;
  /** The payload with every object field null, returned beside user errors. */
  emptyPayload: { [K in keyof P]: null };
  /** Picks the audited entity from the result; by default the result itself. */
  describe?: (result: T) => AuditSubject;
  /** Payload fields sent beside the user errors of a rejected mutation; by default emptyPayload. */
  rejectedPayload?: (error: AppError) => Nullable<P>;
}

/**
 * Runs a mutation for the signed-in actor in one transaction with its audit event. Business
 * rule violations, missing references and state conflicts come back as `userErrors` with the
 * payload's other fields null; authentication, authorisation and malformed input stay top-level
 * errors. From the start of the mutation the request's loaders read from the primary database,
 * and their caches are cleared afterwards, so the payload shows the new state even while read
 * replicas lag behind.
 */
export async function runMutation<T, P extends object>(
  context: GraphQLContext,
  spec: MutationSpec<T, P>,
): Promise<Nullable<P> & WithUserErrors> {
  const actor = requireActor(context);
  context.loaders.usePrimary();
  try {
    const result = await context.services.unitOfWork.run(
      actor,
      spec.action,
      spec.input,
      (manager) => spec.work(manager, actor),
      spec.describe,
    );
    context.loaders.clearAll();
    return { ...spec.toPayload(result), userErrors: [] };
  } catch (error) {
    if (isUserFacingRuleError(error)) {
      context.log.info(
        { action: spec.action, code: error.code, field: error.field },
        'mutation rejected',
      );
      const payload = spec.rejectedPayload?.(error) ?? spec.emptyPayload;
      return { ...payload, userErrors: toUserErrors(error) };
    }
    throw error;
  }
}

/** Converts a rule error into one user error per violation. */
export function toUserErrors(error: AppError): UserErrorType[] {
  const code = error.code as unknown as UserErrorCode;
  if (error instanceof BusinessRuleError && error.violations.length > 0) {
    return error.violations.map((violation) => ({ ...violation, code }));
  }
  if (error instanceof ConflictError && error.items.length > 0) {
    return error.items.map((item) => ({ ...item, code }));
  }
  return [{ field: error.field, message: error.message, code }];
}
