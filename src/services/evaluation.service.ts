import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/permissions';
import { ContractStatus, EvaluationStatus, Role } from '../entities/enums';
import { ClauseScoreRecord, Contract, Evaluation } from '../entities';
import { ConflictError } from '../errors/app-errors';
import { Polarity } from '../scoring/types';
import { findOrFail } from './repository-helpers';
import { type ScoreService, summariseContracts } from './score.service';

/** Yearly evaluation of contracts: scoring and finalisation. */
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
    if (contract.status !== ContractStatus.SIGNED) {
      throw new ConflictError(
        `Contract is ${contract.status}: only SIGNED contracts are evaluated`,
        'contractId',
      );
    }

    const existing = await manager.findOne(Evaluation, { where: { contractId } });
    if (existing?.status === EvaluationStatus.FINAL) {
      throw new ConflictError('The evaluation is FINAL and can no longer be scored', 'contractId');
    }
    return this.writeScores(manager, actor, contract, existing);
  }

  /**
   * Finalises a DRAFT evaluation (EVALUATOR): scores it once more from the current data, so the
   * stored score matches the realisations it locks, and marks it FINAL.
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

    const scored = await this.writeScores(manager, actor, contract, evaluation);
    scored.status = EvaluationStatus.FINAL;
    scored.finalizedById = actor.id;
    scored.finalizedAt = new Date();
    return manager.save(scored);
  }

  private async writeScores(
    manager: EntityManager,
    actor: Actor,
    contract: Contract,
    existing: Evaluation | null,
  ): Promise<Evaluation> {
    const clauses = await this.scores.scoreClauses(
      { kind: 'contracts', contractIds: [contract.id] },
      null,
      manager,
    );
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
