import { type DataSource, Not } from 'typeorm';
import { selectRawCached } from '../database/statement-cache';
import { Contract, Evaluation, Mission, MissionAssignment, Opd, Plan } from '../entities';
import { ContractStatus, EvaluationStatus } from '../entities/enums';
import { type ClauseAttainment, scoreClauseAttainment } from '../scoring/clause-score';
import {
  meanAttainment,
  rateScore,
  scoreContract,
  type WeightedAttainment,
} from '../scoring/contract-score';
import { Dec, toDec } from '../scoring/decimal';
import { type Outcome, type Rating } from '../scoring/types';
import { assertYearInPlan } from './plan-years';
import { findOrFail } from './repository-helpers';
import { type ClauseSelection } from './score-data';
import { loadReportClauses } from './report-data';

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
  opd: Opd;
  contractId: number;
  score: string;
  rating: Rating;
  outcome: Outcome;
  recommendation: string | null;
  /** Status of the contract's evaluation; null when it has none. */
  evaluationStatus: EvaluationStatus | null;
  /** Decision the mayor recorded on the evaluation, if any. */
  decision: string | null;
  basis: ScoreBasis;
}

/** A SIGNED contract of the ranked year with its evaluation's columns, null without one. */
interface RankedContractRow {
  contract_id: number | string;
  opd_id: number | string;
  evaluation_status: EvaluationStatus | null;
  score: string | number | null;
  rating: string | null;
  outcome: string | null;
  recommendation: string | null;
  decision: string | null;
}

/** An OPD without a signed contract for a year, with its contract in progress if any. */
export interface UnsignedOpdResult {
  opd: Opd;
  contract: Contract | null;
}

/** Year-level views across OPDs and missions: attainment, ranking, participation. */
export class ReportService {
  constructor(private readonly dataSource: DataSource) {}

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
    assertYearInPlan(plan, year);
    const selection: ClauseSelection = { kind: 'signedInYear', planId, year };
    const [missions, clauses, participation] = await Promise.all([
      manager.find(Mission, { where: { planId: plan.id }, order: { number: 'ASC' } }),
      loadReportClauses(manager, selection, plan.scoringPolicy),
      this.countParticipation(planId, year),
    ]);
    const cap = toDec(plan.scoringPolicy.attainmentCap);
    const tallies = new Map<number, MissionTally>();
    for (const clause of clauses) {
      addToTally(tallies, clause.missionId, scoreClauseAttainment(clause, cap, upToQuarter));
    }

    return missions.map((mission) => {
      const tally = tallies.get(mission.id) ?? { scored: [], achieved: 0, missing: 0 };
      const attainment = meanAttainment(tally.scored);
      const counts = participation.get(mission.id);
      return {
        mission,
        attainment,
        rating: attainment === null ? null : rateScore(attainment, plan.scoringPolicy.ratingBands),
        opdsAssigned: counts?.assigned ?? 0,
        opdsSigned: counts?.signed ?? 0,
        clauses: tally.scored.length,
        clausesAchieved: tally.achieved,
        clausesMissingData: tally.missing,
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
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    assertYearInPlan(plan, year);
    const rankedContracts = () =>
      manager
        .createQueryBuilder(Contract, 'k')
        .leftJoin(Evaluation, 'e', 'e.contract_id = k.id')
        .select([
          'k.id AS contract_id',
          'k.opd_id AS opd_id',
          'e.status AS evaluation_status',
          'e.score AS score',
          'e.rating AS rating',
          'e.outcome AS outcome',
          'e.recommendation AS recommendation',
          'e.decision AS decision',
        ])
        .where('k.plan_id = :planId AND k.year = :year AND k.status = :signed');
    // The OPDs are read beside the contracts, not afterwards through the request's loader, so
    // that a ranking waits for one round of statements instead of two.
    const [contracts, clauses, opds] = await Promise.all([
      selectRawCached<RankedContractRow>(manager, 'ranking-contracts', rankedContracts, {
        planId,
        year,
        signed: ContractStatus.SIGNED,
      }),
      loadReportClauses(manager, { kind: 'liveInYear', planId, year }, plan.scoringPolicy),
      manager
        .createQueryBuilder(Opd, 'o')
        .innerJoin(Contract, 'k', 'k.opd_id = o.id')
        .where('k.plan_id = :planId AND k.year = :year AND k.status = :signed', {
          planId,
          year,
          signed: ContractStatus.SIGNED,
        })
        .getMany(),
    ]);
    const opdById = new Map(opds.map((opd) => [opd.id, opd]));
    const cap = toDec(plan.scoringPolicy.attainmentCap);
    const weighted = new Map<number, WeightedAttainment[]>();
    for (const clause of clauses) {
      const scored = scoreClauseAttainment(clause, cap, null).scored;
      const group = weighted.get(clause.contractId) ?? [];
      group.push({ weight: clause.weight, scoredAttainment: scored });
      weighted.set(clause.contractId, group);
    }

    const entries = contracts.flatMap((row): Omit<RankingEntry, 'rank'>[] => {
      const contractId = Number(row.contract_id);
      const opdId = Number(row.opd_id);
      const base = {
        opdId,
        opd: opdById.get(opdId) as Opd,
        contractId,
        evaluationStatus: row.evaluation_status,
        decision: row.decision,
      };
      if (row.evaluation_status === EvaluationStatus.FINAL) {
        const stored = {
          score: new Dec(row.score as string | number).toFixed(2),
          rating: row.rating as Rating,
          outcome: row.outcome as Outcome,
          recommendation: row.recommendation,
        };
        return [{ ...base, ...stored, basis: ScoreBasis.FINAL_EVALUATION }];
      }
      const group = weighted.get(contractId);
      if (!group) {
        return [];
      }
      const live = scoreContract(group, plan.scoringPolicy);
      return [{ ...base, ...pickScore(live), basis: ScoreBasis.LIVE }];
    });
    return assignRanks(entries);
  }

  /**
   * Lists the OPDs without a SIGNED contract for the year, by OPD id, each with its latest
   * contract version if one is in progress. WITHDRAWN versions are left out. Every OPD is
   * expected to take part.
   */
  async unsignedOpds(planId: number, year: number): Promise<UnsignedOpdResult[]> {
    const manager = this.dataSource.manager;
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    assertYearInPlan(plan, year);
    const opds = await manager.find(Opd, { order: { id: 'ASC' } });
    const contracts = await manager.find(Contract, {
      where: { planId, year, status: Not(ContractStatus.WITHDRAWN) },
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

const HUNDRED = new Dec(100);

/** Running totals of one mission's clauses: scored attainments and the clauses counted. */
interface MissionTally {
  scored: Dec[];
  /** Clauses with a raw attainment of at least 100. */
  achieved: number;
  /** Clauses without a counted realisation. */
  missing: number;
}

function addToTally(
  tallies: Map<number, MissionTally>,
  missionId: number,
  score: ClauseAttainment,
) {
  let tally = tallies.get(missionId);
  if (!tally) {
    tally = { scored: [], achieved: 0, missing: 0 };
    tallies.set(missionId, tally);
  }
  tally.scored.push(score.scored);
  if (score.raw === null) {
    tally.missing += 1;
  } else if (score.raw.gte(HUNDRED)) {
    tally.achieved += 1;
  }
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
