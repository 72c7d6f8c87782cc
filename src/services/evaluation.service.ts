import { type EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/permissions';
import { ContractStatus, EvaluationStatus, Role } from '../entities/enums';
import { ClauseScoreRecord, Contract, Evaluation, Indicator, Plan } from '../entities';
import { BusinessRuleError, ConflictError } from '../errors/app-errors';
import { Polarity } from '../scoring/types';
import { findOrFail } from './repository-helpers';
import { type LiveClauseScore, type ScoreService, summariseContracts } from './score.service';

/** The mayor's decision on an evaluated outcome. */
export interface DecideOutcomeData {
  evaluationId: number;
  decision: string;
  note: string | null;
}

/** Yearly evaluation of contracts: scoring, finalisation and the mayor's decision. */
export class EvaluationService {
  constructor(private readonly scores: ScoreService) {}

  /**
   * Scores a SIGNED contract for the whole year (EVALUATOR) and stores the result as a DRAFT
   * evaluation with one clause score per clause. Scoring again replaces the draft; a FINAL
   * evaluation cannot be scored again.
   */
  async score(manager: EntityManager, actor: Actor, contractId: number): Promise<Evaluation> {
    requireRole(actor, [Role.EVALUATOR], 'score evaluations');
    const contract = await findOrFail(manager, Contract, contractId, 'contractId', { lock: true });
    assertSigned(contract, 'contractId');

    const existing = await manager.findOne(Evaluation, { where: { contractId } });
    if (existing?.status === EvaluationStatus.FINAL) {
      throw new ConflictError('The evaluation is FINAL and can no longer be scored', 'contractId');
    }
    const clauses = await this.scoreContract(manager, contract);
    return this.writeScores(manager, actor, contract, existing, clauses);
  }

  /**
   * Finalises a DRAFT evaluation (EVALUATOR): scores it once more from the current data, so the
   * stored score matches the realisations it locks, and marks it FINAL. Rejected while the
   * contract is not SIGNED, or while an amendment of it awaits signatures, because signing that
   * version would supersede the finalised one. A WITHDRAWN amendment does not count. Also
   * rejected while any realisation the score uses is still SUBMITTED, and the conflict then
   * lists each unreviewed realisation.
   */
  async finalize(manager: EntityManager, actor: Actor, evaluationId: number): Promise<Evaluation> {
    requireRole(actor, [Role.EVALUATOR], 'finalise evaluations');
    const evaluation = await findOrFail(manager, Evaluation, evaluationId, 'evaluationId', {
      lock: true,
    });
    if (evaluation.status === EvaluationStatus.FINAL) {
      throw new ConflictError('The evaluation is already FINAL', 'evaluationId');
    }
    const contract = await findOrFail(manager, Contract, evaluation.contractId, 'evaluationId', {
      lock: true,
    });
    assertSigned(contract, 'evaluationId');
    await assertNoPendingAmendment(manager, contract);

    const clauses = await this.scoreContract(manager, contract);
    await assertAllReviewed(manager, clauses);
    const scored = await this.writeScores(manager, actor, contract, evaluation, clauses);
    scored.status = EvaluationStatus.FINAL;
    scored.finalizedById = actor.id;
    scored.finalizedAt = new Date();
    return manager.save(scored);
  }

  /**
   * Records the mayor's decision on a FINAL evaluation (MAYOR). The decision must be one of the
   * plan policy's decision options; it is stored beside the recommendation, which it may
   * contradict. A decision is recorded once: a second one is a conflict.
   */
  async decide(manager: EntityManager, actor: Actor, data: DecideOutcomeData): Promise<Evaluation> {
    requireRole(actor, [Role.MAYOR], 'decide outcomes');
    const evaluation = await findOrFail(manager, Evaluation, data.evaluationId, 'evaluationId', {
      lock: true,
    });
    if (evaluation.status !== EvaluationStatus.FINAL) {
      throw new ConflictError(
        'The evaluation is DRAFT: outcomes are decided only on FINAL evaluations',
        'evaluationId',
      );
    }
    if (evaluation.decision !== null) {
      throw new ConflictError(
        `A decision (${evaluation.decision}) is already recorded for this evaluation`,
        'evaluationId',
      );
    }

    const contract = await findOrFail(manager, Contract, evaluation.contractId, 'evaluationId');
    const plan = await findOrFail(manager, Plan, contract.planId, 'evaluationId');
    const options = plan.scoringPolicy.decisionOptions;
    if (!options.includes(data.decision)) {
      throw new BusinessRuleError(
        `decision "${data.decision}" is not one of the plan's options: ${options.join(', ')}`,
        'decision',
      );
    }

    evaluation.decision = data.decision;
    evaluation.decisionNote = data.note;
    evaluation.decidedById = actor.id;
    evaluation.decidedAt = new Date();
    return manager.save(evaluation);
  }

  private scoreContract(manager: EntityManager, contract: Contract): Promise<LiveClauseScore[]> {
    return this.scores.scoreClauses(
      { kind: 'contracts', contractIds: [contract.id] },
      null,
      manager,
    );
  }

  private async writeScores(
    manager: EntityManager,
    actor: Actor,
    contract: Contract,
    existing: Evaluation | null,
    clauses: LiveClauseScore[],
  ): Promise<Evaluation> {
    const total = summariseContracts(clauses, null).get(contract.id);
    if (!total) {
      throw new ConflictError('The contract has no clauses to score', 'contractId');
    }

    const evaluation = existing ?? manager.create(Evaluation, { contractId: contract.id });
    Object.assign(evaluation, {
      status: EvaluationStatus.DRAFT,
      score: total.score,
      rating: total.rating,
      outcome: total.outcome,
      recommendation: total.recommendation,
      scoredById: actor.id,
      scoredAt: new Date(),
      finalizedById: null,
      finalizedAt: null,
    });
    const saved = await manager.save(evaluation);

    await manager.delete(ClauseScoreRecord, { evaluationId: saved.id });
    await manager.save(
      clauses.map(({ row, used, policy, score }) =>
        manager.create(ClauseScoreRecord, {
          evaluationId: saved.id,
          clauseId: row.clauseId,
          polarity: row.polarity,
          minimizeFormula:
            row.polarity === Polarity.MINIMIZE
              ? (row.minimizeFormula ?? policy.minimizeFormula)
              : null,
          weight: row.weight,
          targetValue: score.targetUsed.value ?? null,
          targetLower: score.targetUsed.lower ?? null,
          targetUpper: score.targetUsed.upper ?? null,
          realizationValue: score.realization?.toString() ?? null,
          rawAttainment: score.attainment?.raw.toDecimalPlaces(8).toString() ?? null,
          scoredAttainment: score.scoredAttainment.toDecimalPlaces(8).toString(),
          flags: score.flags,
          explanation: score.explanation,
          realizationIds: used.map((entry) => entry.id),
        }),
      ),
    );
    return saved;
  }
}

function assertSigned(contract: Contract, field: string): void {
  if (contract.status !== ContractStatus.SIGNED) {
    throw new ConflictError(
      `Contract is ${contract.status}: only SIGNED contracts are evaluated`,
      field,
    );
  }
}

/**
 * Throws a conflict when an amendment of the contract exists that is not WITHDRAWN. The contract
 * row is locked by the caller, and an amendment locks it too before creating the version, so the
 * two cannot pass each other.
 */
async function assertNoPendingAmendment(manager: EntityManager, contract: Contract): Promise<void> {
  const newer = await manager.findOne(Contract, {
    select: { id: true, version: true, status: true },
    where: { previousVersionId: contract.id, status: Not(ContractStatus.WITHDRAWN) },
  });
  if (newer) {
    throw new ConflictError(
      `Version ${newer.version} of this contract is ${newer.status}: an amended year is ` +
        'evaluated on the newest version once it is signed, not on this one. To evaluate this ' +
        `version instead, withdraw version ${newer.version} with withdrawAmendment`,
      'evaluationId',
    );
  }
}

/** Throws a conflict listing every realisation the score uses that is still SUBMITTED. */
async function assertAllReviewed(
  manager: EntityManager,
  clauses: readonly LiveClauseScore[],
): Promise<void> {
  const pending = clauses.flatMap((clause) =>
    clause.used.filter((entry) => !entry.verified).map((entry) => ({ clause, entry })),
  );
  if (pending.length === 0) {
    return;
  }
  const indicatorIds = [...new Set(pending.map(({ clause }) => clause.row.indicatorId))];
  const indicators = await manager.find(Indicator, {
    select: { id: true, name: true },
    where: { id: In(indicatorIds) },
  });
  const names = new Map(indicators.map((indicator) => [indicator.id, indicator.name]));
  const items = pending.map(({ clause, entry }) => ({
    field: 'evaluationId',
    message:
      `Quarter ${entry.quarter} of "${names.get(clause.row.indicatorId) ?? 'an indicator'}" ` +
      `(value ${entry.value}) is still SUBMITTED: verify or return it before finalising`,
  }));
  throw new ConflictError(
    `${pending.length} realisation(s) used by the score are not reviewed yet`,
    'evaluationId',
    items,
  );
}
