import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { OPD_USER_ROLES, requireOwnOpd, requireRole } from '../auth/permissions';
import {
  ContractStatus,
  EvaluationStatus,
  RealizationStatus,
  ReviewVerdict,
  Role,
} from '../entities/enums';
import { Clause, Contract, Evaluation, Realization } from '../entities';
import { BusinessRuleError, ConflictError } from '../errors/app-errors';
import { findOrFail, translateUniqueViolation } from './repository-helpers';

/** Evidence (data dukung) behind a reported value. */
export interface EvidenceData {
  dataSource: string;
  documentUrl: string | null;
  note: string | null;
}

/** A quarterly realisation to report. */
export interface SubmitRealizationData {
  clauseId: number;
  quarter: number;
  value: string;
  evidence: EvidenceData;
}

/** An evaluator's review of one realisation. */
export interface ReviewRealizationData {
  realizationId: number;
  verdict: ReviewVerdict;
  note: string | null;
}

/** Quarterly realisations (realisasi) and their review. */
export class RealizationService {
  /**
   * Records an evaluator's review (EVALUATOR). VERIFY marks a SUBMITTED value VERIFIED; RETURN
   * sends a SUBMITTED or VERIFIED value back with a note saying why, after which it no longer
   * counts and the OPD may report the quarter again. The row itself stays as history. Reviews
   * need a SIGNED contract whose evaluation is not FINAL.
   */
  async review(
    manager: EntityManager,
    actor: Actor,
    data: ReviewRealizationData,
  ): Promise<Realization> {
    requireRole(actor, [Role.EVALUATOR], 'review realisations');
    const realization = await findOrFail(
      manager,
      Realization,
      data.realizationId,
      'realizationId',
      {
        lock: true,
      },
    );
    const clause = await findOrFail(manager, Clause, realization.clauseId, 'realizationId');
    const contract = await findOrFail(manager, Contract, clause.contractId, 'realizationId', {
      lock: true,
    });
    await assertOpenForRealizations(manager, contract, 'realizationId');
    assertReviewable(realization, data);

    if (data.verdict === ReviewVerdict.VERIFY) {
      realization.status = RealizationStatus.VERIFIED;
    } else {
      realization.status = RealizationStatus.RETURNED;
      realization.activeKey = null;
    }
    realization.reviewedById = actor.id;
    realization.reviewedAt = new Date();
    realization.reviewNote = data.note;
    return manager.save(realization);
  }

  /**
   * Reports a quarter's value for a clause of the actor's own OPD. The contract must be SIGNED
   * and its evaluation not FINAL. A quarter holds one counted value: another submission is
   * accepted only after the counted one was RETURNED, and the unique index on (clause, quarter,
   * active key) keeps two concurrent submissions from both counting.
   */
  async submit(
    manager: EntityManager,
    actor: Actor,
    data: SubmitRealizationData,
  ): Promise<Realization> {
    requireRole(actor, OPD_USER_ROLES, 'report realisations');
    const clause = await findOrFail(manager, Clause, data.clauseId, 'clauseId');
    const contract = await findOrFail(manager, Contract, clause.contractId, 'clauseId', {
      lock: true,
    });
    requireOwnOpd(actor, contract.opdId, 'report realisations');
    await assertOpenForRealizations(manager, contract);

    const counted = await manager.findOne(Realization, {
      where: { clauseId: clause.id, quarter: data.quarter, activeKey: 1 },
    });
    if (counted) {
      throw duplicateError(data.quarter, counted.status);
    }

    const realization = manager.create(Realization, {
      clauseId: clause.id,
      quarter: data.quarter,
      value: data.value,
      dataSource: data.evidence.dataSource,
      documentUrl: data.evidence.documentUrl,
      note: data.evidence.note,
      status: RealizationStatus.SUBMITTED,
      activeKey: 1,
      submittedById: actor.id,
      submittedAt: new Date(),
      reviewedById: null,
      reviewedAt: null,
      reviewNote: null,
    });
    return translateUniqueViolation(
      () => manager.save(realization),
      () => duplicateError(data.quarter, RealizationStatus.SUBMITTED),
    );
  }
}

/**
 * Throws ConflictError unless the contract is SIGNED and its evaluation is not FINAL, naming
 * `field` as the input at fault.
 */
export async function assertOpenForRealizations(
  manager: EntityManager,
  contract: Contract,
  field = 'clauseId',
): Promise<void> {
  if (contract.status !== ContractStatus.SIGNED) {
    throw new ConflictError(
      `Contract is ${contract.status}: realisations are reported and reviewed only for SIGNED ` +
        'contracts',
      field,
    );
  }
  const final = await manager.exists(Evaluation, {
    where: { contractId: contract.id, status: EvaluationStatus.FINAL },
  });
  if (final) {
    throw new ConflictError(
      'The contract has a FINAL evaluation, which locks its realisations',
      field,
    );
  }
}

function assertReviewable(realization: Realization, data: ReviewRealizationData): void {
  if (realization.status === RealizationStatus.RETURNED) {
    throw new ConflictError(
      'The realisation was already returned; review its resubmission',
      'realizationId',
    );
  }
  if (data.verdict === ReviewVerdict.VERIFY && realization.status === RealizationStatus.VERIFIED) {
    throw new ConflictError('The realisation is already VERIFIED', 'realizationId');
  }
  if (data.verdict === ReviewVerdict.RETURN && !data.note?.trim()) {
    throw new BusinessRuleError(
      'note is required when returning a realisation: tell the OPD what to correct',
      'note',
    );
  }
}

function duplicateError(quarter: number, status: RealizationStatus): ConflictError {
  return new ConflictError(
    `Quarter ${quarter} already has a ${status} value for this clause; a new value is accepted ` +
      'only after an evaluator returns it',
    'quarter',
  );
}
