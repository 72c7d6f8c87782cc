import { type DataSource, In } from 'typeorm';
import { Contract, Evaluation, Mission, MissionAssignment, Opd, Plan } from '../entities';
import { ContractStatus, EvaluationStatus } from '../entities/enums';
import { meanAttainment, rateScore } from '../scoring/contract-score';
import { type Outcome, type Rating } from '../scoring/types';
import { findOrFail } from './repository-helpers';
import { type LiveClauseScore, type ScoreService, summariseContracts } from './score.service';

/** Attainment of one mission for a year or up to a quarter. */
export interface MissionAttainmentResult {
  mission: Mission;
  /** Mean scored attainment of the mission's clauses; null when no signed clause exists. */
  attainment: string | null;
  rating: Rating | null;
  opdsAssigned: number;
  opdsSigned: number;
  clauses: number;
  clausesAchieved: number;
  clausesMissingData: number;
}

/** Where a ranking entry's score comes from. */
export enum ScoreBasis {
  /** The stored score of a FINAL evaluation. */
  FINAL_EVALUATION = 'FINAL_EVALUATION',
  /** Computed now from the current realisations. */
  LIVE = 'LIVE',
}

/** One OPD's place in the ranking of a year. */
export interface RankingEntry {
  rank: number;
  opdId: number;
  contractId: number;
  score: string;
  rating: Rating;
  outcome: Outcome;
  recommendation: string | null;
  evaluation: Evaluation | null;
  basis: ScoreBasis;
}

/** An OPD without a signed contract for a year, with its contract in progress if any. */
export interface UnsignedOpdResult {
  opd: Opd;
  contract: Contract | null;
}

/** Year-level views across OPDs and missions: attainment, ranking, participation. */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scores: ScoreService,
  ) {}

  /**
   * Computes per mission the mean scored attainment of every clause in the year's SIGNED
   * contracts whose indicator serves the mission; clauses without realisation count 0. Returns
   * the plan's missions in number order.
   */
  async missionAttainment(
    planId: number,
    year: number,
    upToQuarter: number | null,
  ): Promise<MissionAttainmentResult[]> {
    const manager = this.dataSource.manager;
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    const missions = await manager.find(Mission, {
      where: { planId: plan.id },
      order: { number: 'ASC' },
    });
    const clauses = await this.scores.scoreClauses(
      { kind: 'signedInYear', planId, year },
      upToQuarter,
    );
    const participation = await this.countParticipation(planId, year);

    return missions.map((mission) => {
      const own = clauses.filter((clause) => clause.row.missionId === mission.id);
      const attainment = meanAttainment(own.map((clause) => clause.score.scoredAttainment));
      const counts = participation.get(mission.id);
      return {
        mission,
        attainment,
        rating: attainment === null ? null : rateScore(attainment, plan.scoringPolicy.ratingBands),
        opdsAssigned: counts?.assigned ?? 0,
        opdsSigned: counts?.signed ?? 0,
        clauses: own.length,
        clausesAchieved: own.filter(isAchieved).length,
        clausesMissingData: own.filter((clause) => clause.score.attainment === null).length,
      };
    });
  }

  /**
   * Ranks the OPDs with a SIGNED contract in the year by score, highest first. A FINAL
   * evaluation's stored score is used where one exists, otherwise the live score. Equal scores
   * share a rank (1, 2, 2, 4) and are ordered by OPD id.
   */
  async opdRanking(planId: number, year: number): Promise<RankingEntry[]> {
    const manager = this.dataSource.manager;
    await findOrFail(manager, Plan, planId, 'planId');
    const contracts = await manager.find(Contract, {
      where: { planId, year, status: ContractStatus.SIGNED },
    });
    const contractIds = contracts.map((contract) => contract.id);
    const evaluations = await manager.find(Evaluation, { where: { contractId: In(contractIds) } });
    const finalByContract = new Map(
      evaluations
        .filter((evaluation) => evaluation.status === EvaluationStatus.FINAL)
        .map((evaluation) => [evaluation.contractId, evaluation]),
    );
    const evaluationByContract = new Map(evaluations.map((e) => [e.contractId, e]));

    const liveIds = contractIds.filter((id) => !finalByContract.has(id));
    const live = summariseContracts(
      await this.scores.scoreClauses({ kind: 'contracts', contractIds: liveIds }, null),
      null,
    );

    const entries = contracts.flatMap((contract): Omit<RankingEntry, 'rank'>[] => {
      const final = finalByContract.get(contract.id);
      const current = live.get(contract.id);
      const evaluation = evaluationByContract.get(contract.id) ?? null;
      const base = { opdId: contract.opdId, contractId: contract.id, evaluation };
      if (final) {
        return [{ ...base, ...pickScore(final), basis: ScoreBasis.FINAL_EVALUATION }];
      }
      return current ? [{ ...base, ...pickScore(current), basis: ScoreBasis.LIVE }] : [];
    });
    return assignRanks(entries);
  }

  /**
   * Lists the OPDs without a SIGNED contract for the year, by OPD id, each with its latest
   * contract version if one is in progress. Every OPD is expected to take part.
   */
  async unsignedOpds(planId: number, year: number): Promise<UnsignedOpdResult[]> {
    const manager = this.dataSource.manager;
    await findOrFail(manager, Plan, planId, 'planId');
    const opds = await manager.find(Opd, { order: { id: 'ASC' } });
    const contracts = await manager.find(Contract, {
      where: { planId, year },
      order: { version: 'ASC' },
    });

    const signed = new Set(
      contracts.filter((c) => c.status === ContractStatus.SIGNED).map((c) => c.opdId),
    );
    const latest = new Map(contracts.map((contract) => [contract.opdId, contract]));
    return opds
      .filter((opd) => !signed.has(opd.id))
      .map((opd) => ({ opd, contract: latest.get(opd.id) ?? null }));
  }

  private async countParticipation(planId: number, year: number) {
    const manager = this.dataSource.manager;
    const rows: { mission_id: number; assigned: number | string; signed: number | string }[] =
      await manager
        .createQueryBuilder(MissionAssignment, 'a')
        .innerJoin(Mission, 'm', 'm.id = a.missionId')
        .leftJoin(
          Contract,
          'k',
          'k.opdId = a.opdId AND k.planId = :planId AND k.year = :year AND k.status = :signed',
          { planId, year, signed: ContractStatus.SIGNED },
        )
        .where('m.planId = :planId', { planId })
        .select('a.missionId', 'mission_id')
        .addSelect('COUNT(DISTINCT a.opdId)', 'assigned')
        .addSelect('COUNT(DISTINCT k.opdId)', 'signed')
        .groupBy('a.missionId')
        .getRawMany();
    return new Map(
      rows.map((row) => [
        Number(row.mission_id),
        { assigned: Number(row.assigned), signed: Number(row.signed) },
      ]),
    );
  }
}

function isAchieved(clause: LiveClauseScore): boolean {
  return clause.score.attainment !== null && clause.score.attainment.raw.gte(100);
}

function pickScore(source: {
  score: string;
  rating: Rating;
  outcome: Outcome;
  recommendation: string | null;
}) {
  return {
    score: source.score,
    rating: source.rating,
    outcome: source.outcome,
    recommendation: source.recommendation,
  };
}

/** Sorts by score descending, then OPD id, and gives equal scores the same rank. */
function assignRanks(entries: Omit<RankingEntry, 'rank'>[]): RankingEntry[] {
  const sorted = [...entries].sort((a, b) => {
    const byScore = Number(b.score) - Number(a.score);
    return byScore !== 0 ? byScore : a.opdId - b.opdId;
  });
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || entry.score !== sorted[index - 1].score) {
      rank = index + 1;
    }
    return { ...entry, rank };
  });
}
