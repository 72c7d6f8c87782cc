import { type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/permissions';
import { type AmendmentReason, ContractStatus, EvaluationStatus, Role } from '../entities/enums';
import { Clause, Contract, Evaluation, Realization } from '../entities';
import { BusinessRuleError, ConflictError } from '../errors/app-errors';
import { findOrFail, translateUniqueViolation } from './repository-helpers';

/** A request to amend a signed contract. */
export interface AmendContractData {
  contractId: number;
  reason: AmendmentReason;
  note: string;
}

/**
 * Amendments (revisi Perjanjian Kinerja) of signed contracts. An amendment is a new version
 * that goes through offer, bid and signatures again; the version it replaces stays in force
 * until the new one is SIGNED, then becomes SUPERSEDED and read-only.
 */
export class AmendmentService {
  /**
   * Creates version n + 1 of a SIGNED contract (ADMIN or MAYOR) for one of the legal reasons.
   * The new version is OFFERED with the clauses copied: weights, offered targets, quarterly
   * targets and budgets, but no commitments, because the OPD bids again. Rejected when the
   * contract's evaluation is FINAL or a newer version already exists.
   */
  async amend(manager: EntityManager, actor: Actor, data: AmendContractData): Promise<Contract> {
    requireRole(actor, [Role.ADMIN, Role.MAYOR], 'amend contracts');
    if (data.note.trim() === '') {
      throw new BusinessRuleError('note is empty: say what changed and why', 'note');
    }
    const current = await findOrFail(manager, Contract, data.contractId, 'contractId', {
      lock: true,
    });
    await assertAmendable(manager, current);

    const next = manager.create(Contract, {
      opdId: current.opdId,
      planId: current.planId,
      year: current.year,
      version: current.version + 1,
      status: ContractStatus.OFFERED,
      contentHash: null,
      amendmentReason: data.reason,
      amendmentNote: data.note,
      previousVersionId: current.id,
      offeredById: actor.id,
      offeredAt: new Date(),
      bidAt: null,
      signedAt: null,
    });
    const saved = await translateUniqueViolation(
      () => manager.save(next),
      () => newerVersionError(current.version + 1),
    );
    await copyClauses(manager, current.id, saved.id);
    return saved;
  }
}

/**
 * Completes an amendment once its version is SIGNED: marks the previous version SUPERSEDED
 * and carries its realisations, history included, over to the clauses of the new version that
 * measure the same indicator. Does nothing for a first version. Rejected when the previous
 * version's evaluation is FINAL, because a closed year stays closed.
 */
export async function supersedePreviousVersion(
  manager: EntityManager,
  contract: Contract,
): Promise<void> {
  if (contract.previousVersionId === null) {
    return;
  }
  const previous = await findOrFail(manager, Contract, contract.previousVersionId, 'contractId', {
    lock: true,
  });
  const closed = await manager.exists(Evaluation, {
    where: { contractId: previous.id, status: EvaluationStatus.FINAL },
  });
  if (closed) {
    throw new ConflictError(
      `Version ${previous.version} has a FINAL evaluation: a closed year cannot be reopened by ` +
        'signing an amendment',
      'contractId',
    );
  }
  previous.status = ContractStatus.SUPERSEDED;
  await manager.save(previous);
  await carryOverRealizations(manager, previous.id, contract.id);
}

async function assertAmendable(manager: EntityManager, contract: Contract): Promise<void> {
  if (contract.status !== ContractStatus.SIGNED) {
    throw new ConflictError(
      `Contract is ${contract.status}: only a SIGNED contract can be amended`,
      'contractId',
    );
  }
  const final = await manager.exists(Evaluation, {
    where: { contractId: contract.id, status: EvaluationStatus.FINAL },
  });
  if (final) {
    throw new ConflictError(
      'The contract has a FINAL evaluation: a closed year cannot be amended',
      'contractId',
    );
  }
  const newer = await manager.exists(Contract, {
    where: { opdId: contract.opdId, year: contract.year, version: contract.version + 1 },
  });
  if (newer) {
    throw newerVersionError(contract.version + 1);
  }
}

function newerVersionError(version: number): ConflictError {
  return new ConflictError(
    `Version ${version} of this contract already exists: finish or revise that amendment`,
    'contractId',
  );
}

async function copyClauses(manager: EntityManager, fromId: number, toId: number): Promise<void> {
  const clauses = await manager.find(Clause, {
    where: { contractId: fromId },
    order: { id: 'ASC' },
  });
  const copies = clauses.map((clause) =>
    manager.create(Clause, {
      contractId: toId,
      indicatorId: clause.indicatorId,
      weight: clause.weight,
      offeredValue: clause.offeredValue,
      offeredLower: clause.offeredLower,
      offeredUpper: clause.offeredUpper,
      committedValue: null,
      committedLower: null,
      committedUpper: null,
      justification: null,
      quarterlyTargets: clause.quarterlyTargets,
      budget: clause.budget,
    }),
  );
  await manager.save(copies);
}

async function carryOverRealizations(
  manager: EntityManager,
  fromContractId: number,
  toContractId: number,
): Promise<void> {
  const oldClauses = await manager.find(Clause, { where: { contractId: fromContractId } });
  const newClauses = await manager.find(Clause, { where: { contractId: toContractId } });
  const targetByIndicator = new Map(newClauses.map((clause) => [clause.indicatorId, clause.id]));
  const clauseMap = new Map(
    oldClauses
      .filter((clause) => targetByIndicator.has(clause.indicatorId))
      .map((clause) => [clause.id, targetByIndicator.get(clause.indicatorId) as number]),
  );
  if (clauseMap.size === 0) {
    return;
  }

  const rows = await manager.find(Realization, {
    where: { clauseId: In([...clauseMap.keys()]) },
    order: { id: 'ASC' },
  });
  const copies = rows.map((row) =>
    manager.create(Realization, {
      clauseId: clauseMap.get(row.clauseId),
      quarter: row.quarter,
      value: row.value,
      dataSource: row.dataSource,
      documentUrl: row.documentUrl,
      note: row.note,
      status: row.status,
      activeKey: row.activeKey,
      submittedById: row.submittedById,
      submittedAt: row.submittedAt,
      reviewedById: row.reviewedById,
      reviewedAt: row.reviewedAt,
      reviewNote: row.reviewNote,
    }),
  );
  await manager.save(copies);
}
