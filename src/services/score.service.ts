import { type DataSource, type EntityManager, In } from 'typeorm';
import { Plan } from '../entities';
import { type ClauseScore, scoreClause } from '../scoring/clause-score';
import { type ContractScore, scoreContract } from '../scoring/contract-score';
import type { ScoringPolicy } from '../scoring/policy';
import { type Dec, toDec } from '../scoring/decimal';
import {
  type ClauseScoringRow,
  type ClauseSelection,
  type CountedRealizationRow,
  groupByClause,
  loadClauseScoringRows,
  loadCountedRealizations,
  toClauseScoreInput,
} from './score-data';

/** A clause scored live from its current realisations. */
export interface LiveClauseScore {
  row: ClauseScoringRow;
  /** Last quarter counted; null for the whole year. */
  upToQuarter: number | null;
  /** Realisations the score used, ordered by id. */
  used: CountedRealizationRow[];
  policy: ScoringPolicy;
  score: ClauseScore;
}

/** Live score of one contract for a period. */
export interface LiveContractScore extends ContractScore {
  contractId: number;
  upToQuarter: number | null;
  clauses: LiveClauseScore[];
}

/**
 * Scores clauses and contracts from the data as it is now, for monitoring during the year and
 * for rankings before an evaluation is final. Reads plain rows, never entities.
 */
export class ScoreService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Scores the selected clauses up to a quarter (null for the whole year), by clause id.
   * `knownPolicies` contains policies the caller already read, by plan id; the others are loaded.
   */
  async scoreClauses(
    selection: ClauseSelection,
    upToQuarter: number | null,
    manager: EntityManager = this.dataSource.manager,
    knownPolicies: ReadonlyMap<number, ScoringPolicy> = new Map(),
  ): Promise<LiveClauseScore[]> {
    const data = await this.loadScoringData(selection, manager, knownPolicies);
    return scoreLoadedClauses(data, upToQuarter);
  }

  /**
   * Reads what scoring the selected clauses needs, with one statement for the clauses and one
   * for their realisations, plus one for policies missing from `knownPolicies`. Callers that
   * also wait for other statements load first and score afterwards with scoreLoadedClauses, so
   * that the many decimal values of a score are not kept alive while the other statements run.
   */
  async loadScoringData(
    selection: ClauseSelection,
    manager: EntityManager = this.dataSource.manager,
    knownPolicies: ReadonlyMap<number, ScoringPolicy> = new Map(),
  ): Promise<ScoringData> {
    const [rows, realizationRows] = await Promise.all([
      loadClauseScoringRows(manager, selection),
      loadCountedRealizations(manager, selection),
    ]);
    const policies = await this.loadPolicies(manager, rows, knownPolicies);
    return { rows, realizations: groupByClause(realizationRows), policies };
  }

  /** Scores whole contracts up to a quarter; contracts without clauses are left out. */
  async scoreContracts(
    contractIds: number[],
    upToQuarter: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, LiveContractScore>> {
    const clauses = await this.scoreClauses(
      { kind: 'contracts', contractIds },
      upToQuarter,
      manager,
    );
    return summariseContracts(clauses, upToQuarter);
  }

  private async loadPolicies(
    manager: EntityManager,
    rows: ClauseScoringRow[],
    known: ReadonlyMap<number, ScoringPolicy>,
  ): Promise<Map<number, ScoringPolicy>> {
    const policies = new Map(known);
    if (rows.length === 0) {
      return policies;
    }
    const missing = [...new Set(rows.map((row) => row.planId))].filter((id) => !known.has(id));
    if (missing.length > 0) {
      const plans = await manager.find(Plan, {
        select: { id: true, scoringPolicy: true },
        where: { id: In(missing) },
      });
      plans.forEach((plan) => policies.set(plan.id, plan.scoringPolicy));
    }
    return policies;
  }
}

/** Scoring inputs of selected clauses as read from the database. */
export interface ScoringData {
  /** Clauses by id. */
  rows: ClauseScoringRow[];
  /** Counted realisations by clause id, each list ordered by realisation id. */
  realizations: Map<number, CountedRealizationRow[]>;
  /** Scoring policies by plan id, for every plan of `rows`. */
  policies: ReadonlyMap<number, ScoringPolicy>;
}

/** Receives one clause score; `used` are the counted realisations of the period. */
export type ClauseScoreVisitor = (
  row: ClauseScoringRow,
  score: ClauseScore,
  used: CountedRealizationRow[],
) => void;

/**
 * Scores loaded clauses one at a time, in the order of the rows, and hands each score to
 * `visit` without keeping it, so that a caller that aggregates lets each clause's decimal
 * values die young. Year reports need less than a full score and use scoreClauseAttainment.
 */
export function visitClauseScores(
  data: ScoringData,
  upToQuarter: number | null,
  visit: ClauseScoreVisitor,
): void {
  const caps = new Map<number, Dec>();
  for (const [planId, policy] of data.policies) {
    caps.set(planId, toDec(policy.attainmentCap));
  }
  for (const row of data.rows) {
    const policy = data.policies.get(row.planId) as ScoringPolicy;
    const used = data.realizations.get(row.clauseId) ?? [];
    const input = toClauseScoreInput(row, used, policy);
    const score = scoreClause(input, caps.get(row.planId) as Dec, upToQuarter);
    const counted =
      upToQuarter === null ? used : used.filter((entry) => entry.quarter <= upToQuarter);
    visit(row, score, counted);
  }
}

/** Scores loaded clauses up to a quarter (null for the whole year), in the order of the rows. */
export function scoreLoadedClauses(
  data: ScoringData,
  upToQuarter: number | null,
): LiveClauseScore[] {
  const scores: LiveClauseScore[] = [];
  visitClauseScores(data, upToQuarter, (row, score, used) => {
    const policy = data.policies.get(row.planId) as ScoringPolicy;
    scores.push({ row, upToQuarter, used, policy, score });
  });
  return scores;
}

/** Groups clause scores by contract and computes each contract's weighted score. */
export function summariseContracts(
  clauses: readonly LiveClauseScore[],
  upToQuarter: number | null,
): Map<number, LiveContractScore> {
  const byContract = new Map<number, LiveClauseScore[]>();
  for (const clause of clauses) {
    const group = byContract.get(clause.row.contractId) ?? [];
    group.push(clause);
    byContract.set(clause.row.contractId, group);
  }

  const result = new Map<number, LiveContractScore>();
  for (const [contractId, group] of byContract) {
    const total = scoreContract(
      group.map((clause) => ({
        weight: clause.row.weight,
        scoredAttainment: clause.score.scoredAttainment,
      })),
      group[0].policy,
    );
    result.set(contractId, { ...total, contractId, upToQuarter, clauses: group });
  }
  return result;
}
