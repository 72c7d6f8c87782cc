import { type DataSource, type EntityManager, In } from 'typeorm';
import { Plan } from '../entities';
import { type ClauseScore, scoreClause } from '../scoring/clause-score';
import { type ContractScore, scoreContract } from '../scoring/contract-score';
import type { ScoringPolicy } from '../scoring/policy';
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

  /** Scores the selected clauses up to a quarter (null for the whole year), by clause id. */
  async scoreClauses(
    selection: ClauseSelection,
    upToQuarter: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LiveClauseScore[]> {
    const rows = await loadClauseScoringRows(manager, selection);
    if (rows.length === 0) {
      return [];
    }
    const realizations = groupByClause(await loadCountedRealizations(manager, selection));
    const policies = await this.loadPolicies(manager, rows);

    return rows.map((row) => {
      const policy = policies.get(row.planId) as ScoringPolicy;
      const used = realizations.get(row.clauseId) ?? [];
      const input = toClauseScoreInput(row, used, policy);
      const score = scoreClause(input, policy.attainmentCap, upToQuarter);
      const counted = used.filter((entry) => entry.quarter <= (upToQuarter ?? 4));
      return { row, upToQuarter, used: counted, policy, score };
    });
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
  ): Promise<Map<number, ScoringPolicy>> {
    const planIds = [...new Set(rows.map((row) => row.planId))];
    const plans = await manager.find(Plan, {
      select: { id: true, scoringPolicy: true },
      where: { id: In(planIds) },
    });
    return new Map(plans.map((plan) => [plan.id, plan.scoringPolicy]));
  }
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
