import { type EntityManager, In, MoreThan, Not } from 'typeorm';
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

/** A request to withdraw an amendment that is not SIGNED yet. */
export interface WithdrawAmendmentData {
  contractId: number;
  note: string;
}

/**
 * Amendments (revisi Perjanjian Kinerja) of signed contracts. An amendment is a new version
 * that goes through offer, bid and signatures again; the version it replaces stays in force
 * until the new one is SIGNED, then becomes SUPERSEDED and read-only. An amendment withdrawn
 * before that becomes WITHDRAWN and read-only, and the version it amends stays in force.
 */
export class AmendmentService {
  /**
   * Creates version n + 1 of a SIGNED contract (ADMIN or MAYOR) for one of the legal reasons.
   * The new version is OFFERED with the clauses copied: weights, offered targets, quarterly
   * targets and budgets, but no commitments, because the OPD bids again. Its number follows
   * the highest version of the OPD and year, withdrawn ones included, because the unique index
   * covers them too. Rejected when the contract's evaluation is FINAL or a newer version is
   * still pending.
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
    const version = (await latestVersionNumber(manager, current)) + 1;

    const next = manager.create(Contract, {
      opdId: current.opdId,
      planId: current.planId,
      year: current.year,
      version,
      status: ContractStatus.OFFERED,
      contentHash: null,
      amendmentReason: data.reason,
      amendmentNote: data.note,
      previousVersionId: current.id,
      offeredById: actor.id,
      offeredAt: new Date(),
      bidAt: null,
      signedAt: null,
      withdrawnById: null,
      withdrawnAt: null,
      withdrawalNote: null,
    });
    const saved = await translateUniqueViolation(
      () => manager.save(next),
      () => newerVersionError(version),
    );
    await copyClauses(manager, current.id, saved.id);
    return saved;
  }

  /**
   * Withdraws an amendment that is not SIGNED yet (ADMIN or MAYOR). The version becomes
   * WITHDRAWN and records who withdrew it, when and why. Its clauses, bid and signatures stay
   * for reading. The version it amends stays SIGNED and in force, so it can be finalised or
   * amended again. Signing locks the same row, so of a withdrawal and a signature that arrive
   * together, the second sees the status the first left and is rejected.
   */
  async withdraw(
    manager: EntityManager,
    actor: Actor,
    data: WithdrawAmendmentData,
  ): Promise<Contract> {
    requireRole(actor, [Role.ADMIN, Role.MAYOR], 'withdraw amendments');
    if (data.note.trim() === '') {
      throw new BusinessRuleError('note is empty: say why the amendment is withdrawn', 'note');
    }
    const amendment = await findOrFail(manager, Contract, data.contractId, 'contractId', {
      lock: true,
    });
    assertWithdrawable(amendment);

    amendment.status = ContractStatus.WITHDRAWN;
    amendment.withdrawnById = actor.id;
    amendment.withdrawnAt = new Date();
    amendment.withdrawalNote = data.note;
    return manager.save(amendment);
  }
}

/** Statuses from which an amendment can be withdrawn: every status before SIGNED. */
const WITHDRAWABLE_STATUSES: readonly ContractStatus[] = [
  ContractStatus.OFFERED,
  ContractStatus.BID,
  ContractStatus.SIGNING,
];

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
  const pending = await manager.findOne(Contract, {
    select: { id: true, version: true },
    where: {
      opdId: contract.opdId,
      year: contract.year,
      version: MoreThan(contract.version),
      status: Not(ContractStatus.WITHDRAWN),
    },
    order: { version: 'ASC' },
  });
  if (pending) {
    throw newerVersionError(pending.version);
  }
}

/** Returns the highest version number of the contract's OPD and year, withdrawn ones included. */
async function latestVersionNumber(manager: EntityManager, contract: Contract): Promise<number> {
  const latest = await manager.findOne(Contract, {
    select: { id: true, version: true },
    where: { opdId: contract.opdId, year: contract.year },
    order: { version: 'DESC' },
  });
  return latest?.version ?? contract.version;
}

function newerVersionError(version: number): ConflictError {
  return new ConflictError(
    `Version ${version} of this contract already exists: finish, revise or withdraw that ` +
      'amendment',
    'contractId',
  );
}

function assertWithdrawable(contract: Contract): void {
  if (contract.previousVersionId === null) {
    throw new ConflictError(
      `Contract is version ${contract.version}, the first of its year, not an amendment: only ` +
        'a later version that amends a SIGNED one can be withdrawn',
      'contractId',
    );
  }
  if (!WITHDRAWABLE_STATUSES.includes(contract.status)) {
    throw new ConflictError(
      `Contract is ${contract.status}: an amendment can be withdrawn only before both parties ` +
        `sign it, while it is ${WITHDRAWABLE_STATUSES.join(', ')}`,
      'contractId',
    );
  }
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
