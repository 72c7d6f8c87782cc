import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { OPD_USER_ROLES, requireOwnOpd, requireRole } from '../auth/permissions';
import { ContractStatus, EvaluationStatus, RealizationStatus } from '../entities/enums';
import { Clause, Contract, Evaluation, Realization } from '../entities';
import { ConflictError } from '../errors/app-errors';
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

/** Quarterly realisations (realisasi) and their review. */
export class RealizationService {
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

/** Throws ConflictError unless the contract is SIGNED and its evaluation is not FINAL. */
export async function assertOpenForRealizations(
  manager: EntityManager,
  contract: Contract,
): Promise<void> {
  if (contract.status !== ContractStatus.SIGNED) {
    throw new ConflictError(
      `Contract is ${contract.status}: realisations are accepted only for SIGNED contracts`,
      'clauseId',
    );
  }
  const final = await manager.exists(Evaluation, {
    where: { contractId: contract.id, status: EvaluationStatus.FINAL },
  });
  if (final) {
    throw new ConflictError(
      'The contract has a FINAL evaluation, which locks its realisations',
      'clauseId',
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
