import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../auth/actor';
import { OPD_USER_ROLES, requireOwnOpd, requireRole, SIGNATORY_ROLES } from '../auth/permissions';
import { ContractStatus, Role, SignatoryRole } from '../entities/enums';
import {
  Clause,
  Contract,
  Indicator,
  IndicatorTarget,
  Mission,
  Opd,
  Plan,
  Signature,
  Task,
} from '../entities';
import {
  BusinessRuleError,
  ConflictError,
  type FieldViolation,
  ForbiddenError,
} from '../errors/app-errors';
import { computeContentHash } from '../rules/content-hash';
import {
  checkAmbition,
  checkQuarterlyBreakdown,
  checkQuarterlyTargets,
  checkTargetShape,
  checkWeights,
} from '../rules/target-rules';
import { type TargetValue } from '../scoring/types';
import { Dec } from '../scoring/decimal';
import { type ConnectionResult, type PageRequest, paginateQuery } from './pagination';
import { supersedePreviousVersion } from './amendment.service';
import { findOrFail, translateUniqueViolation } from './repository-helpers';
import { committedTargetOf, offeredTargetOf } from './targets';

/** One offered clause. Without `offeredTarget` the indicator's target for the year is used. */
export interface OfferClauseData {
  indicatorId: number;
  weight: string;
  offeredTarget: TargetValue | null;
  quarterlyTargets: string[] | null;
  budget: string | null;
}

/** An offer of targets and weights to one OPD for one year. */
export interface OfferContractData {
  planId: number;
  opdId: number;
  year: number;
  clauses: OfferClauseData[];
}

/** The OPD's commitment for one clause. */
export interface BidClauseData {
  clauseId: number;
  committedTarget: TargetValue;
  justification: string;
  /** Replaces the clause's quarterly targets when given. */
  quarterlyTargets: string[] | null;
}

/** A bid: one commitment per clause of the contract. */
export interface BidContractData {
  contractId: number;
  clauses: BidClauseData[];
}

/** Filters of the contract list; null means any. */
export interface ContractFilter {
  planId: number | null;
  year: number | null;
  status: ContractStatus | null;
  opdId: number | null;
  /** Also list SUPERSEDED versions when no status is given. */
  includeSuperseded: boolean;
  /** Also list WITHDRAWN versions when no status is given. */
  includeWithdrawn: boolean;
}

/** New clauses for an offer that nobody has signed yet. */
export interface ReviseOfferData {
  contractId: number;
  clauses: OfferClauseData[];
}

/** Outcome of checking a contract's clauses against its signatures. */
export interface ContractVerification {
  contract: Contract;
  /** Hash of the clauses as they are now. */
  computedHash: string;
  /** Hash fixed by the first signature; null before anyone signed. */
  storedHash: string | null;
  /** True when the stored hash and every signature match the clauses as they are now. */
  intact: boolean;
  signatures: Signature[];
  /** Signatures whose signed hash differs from the current clauses. */
  mismatchedSignatures: Signature[];
}

/** Result of a signature: the contract after signing and the new signature. */
export interface SignResult {
  contract: Contract;
  signature: Signature;
}

/** Offers, bids and signatures: the contract lifecycle up to SIGNED. */
export class ContractService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Offers a contract (ADMIN or MAYOR): version 1 in status OFFERED. The year must lie inside
   * the plan, the indicators must belong to the OPD and to the plan's missions, and the weights
   * must be positive and sum to 100. One contract per OPD and year: the unique index on
   * (OPD, year, version) rejects a second offer, also when two arrive at once.
   */
  async offer(manager: EntityManager, actor: Actor, data: OfferContractData): Promise<Contract> {
    requireRole(actor, [Role.ADMIN, Role.MAYOR], 'offer contracts');
    const plan = await findOrFail(manager, Plan, data.planId, 'planId');
    const opd = await findOrFail(manager, Opd, data.opdId, 'opdId');

    if (data.year < plan.startYear || data.year > plan.endYear) {
      throw new BusinessRuleError(
        `year ${data.year} is outside plan ${plan.code} (${plan.startYear}-${plan.endYear})`,
        'year',
      );
    }
    await this.assertNoContractFor(manager, opd, data.year);

    const indicators = await this.loadOfferedIndicators(manager, data, opd, plan);
    const clauses = await this.buildOfferedClauses(manager, data, indicators);

    const contract = manager.create(Contract, {
      opdId: opd.id,
      planId: plan.id,
      year: data.year,
      version: 1,
      status: ContractStatus.OFFERED,
      contentHash: null,
      amendmentReason: null,
      amendmentNote: null,
      previousVersionId: null,
      offeredById: actor.id,
      offeredAt: new Date(),
      bidAt: null,
      signedAt: null,
      withdrawnById: null,
      withdrawnAt: null,
      withdrawalNote: null,
    });
    const saved = await translateUniqueViolation(
      () => manager.save(contract),
      () => duplicateContractError(opd, data.year),
    );
    await manager.save(
      Clause,
      clauses.map((clause) => ({ ...clause, contractId: saved.id })),
    );
    return saved;
  }

  /**
   * Records the OPD's bid: a committed target and justification for every clause, each at least
   * as ambitious as the offer. Allowed for the contract's own OPD until the first signature.
   */
  async bid(manager: EntityManager, actor: Actor, data: BidContractData): Promise<Contract> {
    requireRole(actor, OPD_USER_ROLES, 'bid on contracts');
    const contract = await findOrFail(manager, Contract, data.contractId, 'contractId', {
      lock: true,
    });
    requireOwnOpd(actor, contract.opdId, 'bid on contracts');
    if (contract.status !== ContractStatus.OFFERED && contract.status !== ContractStatus.BID) {
      throw new ConflictError(
        `Contract is ${contract.status}: bids are accepted only while it is OFFERED or BID, ` +
          'before the first signature',
        'contractId',
      );
    }

    const clauses = await manager.find(Clause, { where: { contractId: contract.id } });
    const indicators = await loadIndicatorMap(
      manager,
      clauses.map((clause) => clause.indicatorId),
    );
    BusinessRuleError.throwIfAny(validateBid(data, clauses, indicators));

    const byId = new Map(clauses.map((clause) => [clause.id, clause]));
    for (const entry of data.clauses) {
      const clause = byId.get(entry.clauseId) as Clause;
      clause.committedValue = entry.committedTarget.value ?? null;
      clause.committedLower = entry.committedTarget.lower ?? null;
      clause.committedUpper = entry.committedTarget.upper ?? null;
      clause.justification = entry.justification;
      if (entry.quarterlyTargets) {
        clause.quarterlyTargets = entry.quarterlyTargets;
      }
    }
    await manager.save(clauses);

    contract.status = ContractStatus.BID;
    contract.bidAt = new Date();
    return manager.save(contract);
  }

  /**
   * Signs a contract as the actor's party: MAYOR as the first party, the OPD's own head as the
   * second. The first signature fixes the content hash and freezes the clauses; the second must
   * match it and makes the contract SIGNED. Each party signs once: a second signature by the
   * same role is a conflict, and the unique (contract, role) index settles races.
   */
  async sign(manager: EntityManager, actor: Actor, contractId: number): Promise<SignResult> {
    requireRole(actor, SIGNATORY_ROLES, 'sign contracts');
    const contract = await findOrFail(manager, Contract, contractId, 'contractId', { lock: true });
    const role = signatoryRoleOf(actor, contract);

    const existing = await manager.findOne(Signature, { where: { contractId, role } });
    if (existing) {
      throw new ConflictError(
        `The ${role} has already signed this contract (it is ${contract.status}); each party ` +
          'signs once',
        'contractId',
      );
    }
    if (contract.status !== ContractStatus.BID && contract.status !== ContractStatus.SIGNING) {
      throw new ConflictError(
        `Contract is ${contract.status}: it can be signed only after the OPD's bid (BID or ` +
          'SIGNING)',
        'contractId',
      );
    }

    const hash = await this.computeHash(manager, contract);
    if (contract.contentHash !== null && contract.contentHash !== hash) {
      throw new ConflictError(
        'The clauses changed after the first signature, so the contract cannot be signed; ' +
          'verify the contract and amend it',
        'contractId',
      );
    }

    const signature = await translateUniqueViolation(
      () =>
        manager.save(
          manager.create(Signature, {
            contractId,
            role,
            userId: actor.id,
            signedAt: new Date(),
            contentHash: hash,
          }),
        ),
      () => new ConflictError(`The ${role} has already signed this contract`, 'contractId'),
    );

    contract.contentHash = hash;
    const signatures = await manager.count(Signature, { where: { contractId } });
    contract.status = signatures >= 2 ? ContractStatus.SIGNED : ContractStatus.SIGNING;
    if (contract.status === ContractStatus.SIGNED) {
      contract.signedAt = signature.signedAt;
      await supersedePreviousVersion(manager, contract);
    }
    return { contract: await manager.save(contract), signature };
  }

  /**
   * Replaces the clauses of a contract that nobody has signed yet (ADMIN or MAYOR), with the
   * same rules as an offer. The contract returns to OFFERED, because earlier commitments
   * answered a different offer.
   */
  async reviseOffer(
    manager: EntityManager,
    actor: Actor,
    data: ReviseOfferData,
  ): Promise<Contract> {
    requireRole(actor, [Role.ADMIN, Role.MAYOR], 'revise offers');
    const contract = await findOrFail(manager, Contract, data.contractId, 'contractId', {
      lock: true,
    });
    if (contract.status !== ContractStatus.OFFERED && contract.status !== ContractStatus.BID) {
      throw new ConflictError(
        `Contract is ${contract.status}: an offer can be revised only before the first signature`,
        'contractId',
      );
    }
    const plan = await findOrFail(manager, Plan, contract.planId, 'contractId');
    const opd = await findOrFail(manager, Opd, contract.opdId, 'contractId');
    const offer = { planId: plan.id, opdId: opd.id, year: contract.year, clauses: data.clauses };
    const indicators = await this.loadOfferedIndicators(manager, offer, opd, plan);
    const clauses = await this.buildOfferedClauses(manager, offer, indicators);

    await manager.delete(Clause, { contractId: contract.id });
    await manager.save(
      Clause,
      clauses.map((clause) => ({ ...clause, contractId: contract.id })),
    );
    contract.status = ContractStatus.OFFERED;
    contract.bidAt = null;
    return manager.save(contract);
  }

  /**
   * Recomputes a contract's content hash and compares it with the hash fixed at the first
   * signature and with the hash each party signed, to detect clauses changed behind the API.
   */
  async verify(contractId: number): Promise<ContractVerification> {
    const manager = this.dataSource.manager;
    const contract = await findOrFail(manager, Contract, contractId, 'id');
    const signatures = await manager.find(Signature, {
      where: { contractId },
      order: { id: 'ASC' },
    });
    const computedHash = await this.computeHash(manager, contract);
    const mismatched = signatures.filter((signature) => signature.contentHash !== computedHash);
    const storedMatches = contract.contentHash === null || contract.contentHash === computedHash;
    return {
      contract,
      computedHash,
      storedHash: contract.contentHash,
      intact: storedMatches && mismatched.length === 0,
      signatures,
      mismatchedSignatures: mismatched,
    };
  }

  /** Computes the content hash of a contract's current clauses. */
  async computeHash(manager: EntityManager, contract: Contract): Promise<string> {
    const clauses = await manager.find(Clause, { where: { contractId: contract.id } });
    return computeContentHash({
      opdId: contract.opdId,
      planId: contract.planId,
      year: contract.year,
      version: contract.version,
      clauses: clauses.map((clause) => ({
        indicatorId: clause.indicatorId,
        weight: clause.weight,
        offered: offeredTargetOf(clause),
        committed: committedTargetOf(clause),
        quarterlyTargets: clause.quarterlyTargets,
        budget: clause.budget,
        justification: clause.justification,
      })),
    });
  }

  /**
   * Lists contracts by ascending id, filtered, one page at a time. SUPERSEDED and WITHDRAWN
   * versions are left out unless the filter requests them by status, `includeSuperseded` or
   * `includeWithdrawn`, so a year lists the versions in force or in progress.
   */
  listContracts(filter: ContractFilter, page: PageRequest): Promise<ConnectionResult<Contract>> {
    const query = this.dataSource.getRepository(Contract).createQueryBuilder('contract');
    query.where('1 = 1');
    if (filter.planId !== null) {
      query.andWhere('contract.planId = :planId', { planId: filter.planId });
    }
    if (filter.year !== null) {
      query.andWhere('contract.year = :year', { year: filter.year });
    }
    const hidden = [
      ...(filter.includeSuperseded ? [] : [ContractStatus.SUPERSEDED]),
      ...(filter.includeWithdrawn ? [] : [ContractStatus.WITHDRAWN]),
    ];
    if (filter.status !== null) {
      query.andWhere('contract.status = :status', { status: filter.status });
    } else if (hidden.length > 0) {
      query.andWhere('contract.status NOT IN (:...hidden)', { hidden });
    }
    if (filter.opdId !== null) {
      query.andWhere('contract.opdId = :opdId', { opdId: filter.opdId });
    }
    return paginateQuery(query, 'contract', page);
  }

  private async assertNoContractFor(manager: EntityManager, opd: Opd, year: number) {
    // The advice in the error fits the version to act on, which is never a withdrawn one.
    const existing = await manager.findOne(Contract, {
      select: { id: true, status: true },
      where: { opdId: opd.id, year, status: Not(ContractStatus.WITHDRAWN) },
      order: { version: 'DESC' },
    });
    if (existing) {
      throw duplicateContractError(opd, year, existing.status);
    }
  }

  private async loadOfferedIndicators(
    manager: EntityManager,
    data: OfferContractData,
    opd: Opd,
    plan: Plan,
  ): Promise<Map<number, Indicator>> {
    const ids = data.clauses.map((clause) => clause.indicatorId);
    const indicators = await loadIndicatorMap(manager, ids);
    const tasks = await manager.find(Task, {
      where: { id: In([...new Set([...indicators.values()].map((i) => i.taskId))]) },
    });
    const missions = await manager.find(Mission, {
      where: { id: In([...new Set(tasks.map((task) => task.missionId))]) },
    });
    const taskById = new Map(tasks.map((task) => [task.id, task]));
    const missionById = new Map(missions.map((mission) => [mission.id, mission]));

    const violations: FieldViolation[] = [];
    if (data.clauses.length === 0) {
      violations.push({ field: 'clauses', message: 'clauses is empty: offer at least one' });
    }
    const seen = new Set<number>();
    data.clauses.forEach((clause, index) => {
      const field = `clauses[${index}].indicatorId`;
      const indicator = indicators.get(clause.indicatorId);
      const task = indicator && taskById.get(indicator.taskId);
      const mission = task && missionById.get(task.missionId);
      if (!indicator || !task || !mission) {
        violations.push({ field, message: `${field}: no indicator exists with this ID` });
      } else if (task.opdId !== opd.id) {
        violations.push({
          field,
          message: `${field}: indicator "${indicator.name}" belongs to another OPD, not ${opd.code}`,
        });
      } else if (mission.planId !== plan.id) {
        violations.push({
          field,
          message: `${field}: indicator "${indicator.name}" serves a mission of another plan`,
        });
      }
      if (seen.has(clause.indicatorId)) {
        violations.push({ field, message: `${field}: the indicator is offered more than once` });
      }
      seen.add(clause.indicatorId);
    });
    violations.push(
      ...checkWeights(
        data.clauses.map((clause) => clause.weight),
        'clauses',
      ),
    );
    BusinessRuleError.throwIfAny(violations);
    return indicators;
  }

  private async buildOfferedClauses(
    manager: EntityManager,
    data: OfferContractData,
    indicators: Map<number, Indicator>,
  ): Promise<Partial<Clause>[]> {
    const yearTargets = await manager.find(IndicatorTarget, {
      where: { indicatorId: In([...indicators.keys()]), year: data.year },
    });
    const targetByIndicator = new Map(yearTargets.map((target) => [target.indicatorId, target]));

    const violations: FieldViolation[] = [];
    const clauses = data.clauses.map((entry, index) => {
      const field = `clauses[${index}]`;
      const indicator = indicators.get(entry.indicatorId) as Indicator;
      const planned = targetByIndicator.get(entry.indicatorId);
      const offered = entry.offeredTarget ?? (planned ? targetOfYear(planned) : null);
      if (!offered) {
        violations.push({
          field: `${field}.offeredTarget`,
          message: `${field}.offeredTarget is required: indicator "${indicator.name}" has no target for ${data.year}`,
        });
      } else {
        violations.push(...checkTargetShape(indicator.polarity, offered, `${field}.offeredTarget`));
      }
      const quarterly = checkQuarterlyTargets(
        indicator.polarity,
        entry.quarterlyTargets,
        `${field}.quarterlyTargets`,
      );
      violations.push(...quarterly, ...checkBudget(entry.budget, `${field}.budget`));
      if (quarterly.length === 0) {
        violations.push(
          ...checkQuarterlyBreakdown(
            indicator.polarity,
            indicator.accumulation,
            offered?.value,
            entry.quarterlyTargets,
            `${field}.quarterlyTargets`,
          ),
        );
      }
      return {
        indicatorId: entry.indicatorId,
        weight: entry.weight,
        offeredValue: offered?.value ?? null,
        offeredLower: offered?.lower ?? null,
        offeredUpper: offered?.upper ?? null,
        committedValue: null,
        committedLower: null,
        committedUpper: null,
        justification: null,
        quarterlyTargets: entry.quarterlyTargets,
        budget: entry.budget,
      };
    });
    BusinessRuleError.throwIfAny(violations);
    return clauses;
  }
}

/** A budget is an amount in rupiah: not negative, and at most two decimals (sen). */
function checkBudget(budget: string | null | undefined, field: string): FieldViolation[] {
  if (budget == null) {
    return [];
  }
  const amount = new Dec(budget);
  if (amount.isNegative() && !amount.isZero()) {
    return [{ field, message: `${field} = ${budget}: a budget cannot be negative` }];
  }
  if (amount.decimalPlaces() > 2) {
    return [{ field, message: `${field} = ${budget}: rupiah amounts have at most 2 decimals` }];
  }
  return [];
}

/**
 * The conflict for a second offer. What to do instead depends on the contract there: a signed
 * one is amended, an unsigned one is revised.
 */
function duplicateContractError(opd: Opd, year: number, status?: ContractStatus): ConflictError {
  const advice: Partial<Record<ContractStatus, string>> = {
    [ContractStatus.OFFERED]: 'change its clauses with reviseOffer',
    [ContractStatus.BID]: 'change its clauses with reviseOffer',
    [ContractStatus.SIGNING]: 'complete its signatures, then amend it with amendContract',
    [ContractStatus.SIGNED]: 'amend it with amendContract',
  };
  const instead = (status && advice[status]) ?? 'amend or revise it';
  const state = status ? ` (${status})` : '';
  return new ConflictError(
    `OPD ${opd.code} already has a contract for ${year}${state}: ${instead} instead of offering ` +
      'another',
    'opdId',
  );
}

function targetOfYear(target: IndicatorTarget): TargetValue {
  return { value: target.value, lower: target.lower, upper: target.upper };
}

async function loadIndicatorMap(
  manager: EntityManager,
  ids: number[],
): Promise<Map<number, Indicator>> {
  if (ids.length === 0) {
    return new Map();
  }
  const indicators = await manager.find(Indicator, { where: { id: In([...new Set(ids)]) } });
  return new Map(indicators.map((indicator) => [indicator.id, indicator]));
}

function signatoryRoleOf(actor: Actor, contract: Contract): SignatoryRole {
  if (actor.role === Role.MAYOR) {
    return SignatoryRole.MAYOR;
  }
  if (actor.role === Role.OPD_HEAD) {
    if (actor.opdId !== contract.opdId) {
      throw new ForbiddenError(`User ${actor.username} may not sign for an OPD that is not theirs`);
    }
    return SignatoryRole.OPD_HEAD;
  }
  throw new ForbiddenError(
    `Role ${actor.role} may not sign contracts; only MAYOR and the OPD's own OPD_HEAD sign`,
  );
}

function validateBid(
  data: BidContractData,
  clauses: Clause[],
  indicators: Map<number, Indicator>,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const seen = new Set<number>();

  data.clauses.forEach((entry, index) => {
    const field = `clauses[${index}]`;
    const clause = byId.get(entry.clauseId);
    if (!clause) {
      violations.push({
        field: `${field}.clauseId`,
        message: `${field}.clauseId is not a clause of this contract`,
      });
      return;
    }
    if (seen.has(entry.clauseId)) {
      violations.push({
        field: `${field}.clauseId`,
        message: `${field}.clauseId appears more than once`,
      });
      return;
    }
    seen.add(entry.clauseId);

    const { polarity, accumulation } = indicators.get(clause.indicatorId) as Indicator;
    const shape = checkTargetShape(polarity, entry.committedTarget, `${field}.committedTarget`);
    violations.push(...shape);
    if (shape.length === 0) {
      violations.push(
        ...checkAmbition(
          polarity,
          offeredTargetOf(clause),
          entry.committedTarget,
          `${field}.committedTarget`,
        ),
      );
    }
    if (entry.justification.trim() === '') {
      violations.push({
        field: `${field}.justification`,
        message: `${field}.justification is empty: explain how the target will be reached`,
      });
    }
    const quarterly = checkQuarterlyTargets(
      polarity,
      entry.quarterlyTargets,
      `${field}.quarterlyTargets`,
    );
    violations.push(...quarterly);
    if (quarterly.length === 0 && shape.length === 0) {
      // A bid without quarterly targets keeps the clause's current ones, which must fit the new
      // commitment as well.
      const hint =
        entry.quarterlyTargets == null
          ? ". A bid without quarterlyTargets keeps the clause's current ones: send " +
            'quarterlyTargets that fit the committed target'
          : '';
      const breakdown = checkQuarterlyBreakdown(
        polarity,
        accumulation,
        entry.committedTarget.value,
        entry.quarterlyTargets ?? clause.quarterlyTargets,
        `${field}.quarterlyTargets`,
      );
      for (const violation of breakdown) {
        violations.push({ field: violation.field, message: `${violation.message}${hint}` });
      }
    }
  });

  const missing = clauses.filter((clause) => !seen.has(clause.id));
  if (missing.length > 0) {
    violations.push({
      field: 'clauses',
      message: `clauses must commit a target for every clause; ${missing.length} missing`,
    });
  }
  return violations;
}
