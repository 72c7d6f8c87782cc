import { type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Clause, Realization } from '../entities';
import { ContractStatus, EvaluationStatus, RealizationStatus } from '../entities/enums';
import { type ClauseScoreInput, type ScoredQuarter } from '../scoring/clause-score';
import type { ScoringPolicy } from '../scoring/policy';
import { type Accumulation, type MinimizeFormula, type Polarity } from '../scoring/types';
import { canonicalDecimal } from '../scoring/decimal';

/** Which clauses to load for scoring. */
export type ClauseSelection =
  | { kind: 'clauses'; clauseIds: number[] }
  | { kind: 'contracts'; contractIds: number[] }
  | { kind: 'signedInYear'; planId: number; year: number }
  /** SIGNED contracts of the year that have no FINAL evaluation, so their score is live. */
  | { kind: 'liveInYear'; planId: number; year: number }
  | { kind: 'signedInPlan'; planId: number; maxYear: number; indicatorIds: number[] | null };

/** Columns of a clause that scoring needs, read as plain rows without entity hydration. */
export interface ClauseScoringRow {
  clauseId: number;
  contractId: number;
  planId: number;
  /** Contract year. */
  year: number;
  opdId: number;
  missionId: number;
  indicatorId: number;
  weight: string;
  polarity: Polarity;
  accumulation: Accumulation;
  minimizeFormula: MinimizeFormula | null;
  committedValue: string | null;
  committedLower: string | null;
  committedUpper: string | null;
  quarterlyTargets: string[] | null;
}

/** A counted (not RETURNED) realisation. */
export interface CountedRealizationRow {
  id: number;
  clauseId: number;
  quarter: number;
  value: string;
  verified: boolean;
}

type RawRow = Record<string, string | number | null>;

/** Columns every clause scoring read selects: weight, indicator rules, target and quarters. */
export const CLAUSE_SCORING_COLUMNS = [
  'c.weight AS weight',
  'i.polarity AS polarity',
  'i.accumulation AS accumulation',
  'i.minimize_formula AS minimize_formula',
  'c.committed_value AS committed_value',
  'c.committed_lower AS committed_lower',
  'c.committed_upper AS committed_upper',
  'c.quarterly_targets AS quarterly_targets',
];

/** Starts a query over the selected clauses joined to contract `k`, indicator `i` and task `t`. */
export function selectClauses(manager: EntityManager, selection: ClauseSelection) {
  const query = manager
    .createQueryBuilder(Clause, 'c')
    .innerJoin('contract', 'k', 'k.id = c.contract_id')
    .innerJoin('indicator', 'i', 'i.id = c.indicator_id')
    .innerJoin('task', 't', 't.id = i.task_id');
  return applySelection(query, selection);
}

function applySelection<T extends object>(
  query: SelectQueryBuilder<T>,
  selection: ClauseSelection,
): SelectQueryBuilder<T> {
  switch (selection.kind) {
    case 'clauses':
      return query.where('c.id IN (:...ids)', { ids: orNone(selection.clauseIds) });
    case 'contracts':
      return query.where('c.contract_id IN (:...ids)', { ids: orNone(selection.contractIds) });
    case 'signedInYear':
      return query
        .where('k.plan_id = :planId', { planId: selection.planId })
        .andWhere('k.year = :year', { year: selection.year })
        .andWhere('k.status = :status', { status: ContractStatus.SIGNED });
    case 'liveInYear':
      return query
        .where('k.plan_id = :planId', { planId: selection.planId })
        .andWhere('k.year = :year', { year: selection.year })
        .andWhere('k.status = :status', { status: ContractStatus.SIGNED })
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM evaluation f WHERE f.contract_id = k.id AND f.status = :final)',
          { final: EvaluationStatus.FINAL },
        );
    case 'signedInPlan': {
      query
        .where('k.plan_id = :planId', { planId: selection.planId })
        .andWhere('k.year <= :maxYear', { maxYear: selection.maxYear })
        .andWhere('k.status = :status', { status: ContractStatus.SIGNED });
      if (selection.indicatorIds !== null) {
        query.andWhere('c.indicator_id IN (:...indicatorIds)', {
          indicatorIds: orNone(selection.indicatorIds),
        });
      }
      return query;
    }
  }
}

/**
 * Returns the named parameters of a selection whose SQL text never changes, which the reports
 * run from cached statements, or null for selections with id lists. The names are those that
 * applySelection and selectCountedRealizations use.
 */
export function fixedSelectionParameters(
  selection: ClauseSelection,
): Record<string, unknown> | null {
  switch (selection.kind) {
    case 'signedInYear':
    case 'liveInYear':
      return {
        planId: selection.planId,
        year: selection.year,
        status: ContractStatus.SIGNED,
        final: EvaluationStatus.FINAL,
        returned: RealizationStatus.RETURNED,
      };
    case 'clauses':
    case 'contracts':
    case 'signedInPlan':
      return null;
  }
}

/** An IN list may not be empty; id 0 never exists. */
function orNone(ids: number[]): number[] {
  return ids.length > 0 ? ids : [0];
}

/** Loads the scoring columns of the selected clauses, ordered by clause id. */
export async function loadClauseScoringRows(
  manager: EntityManager,
  selection: ClauseSelection,
): Promise<ClauseScoringRow[]> {
  const rows: RawRow[] = await selectClauses(manager, selection)
    .select([
      'c.id AS clause_id',
      'c.contract_id AS contract_id',
      'k.plan_id AS plan_id',
      'k.year AS year',
      'k.opd_id AS opd_id',
      't.mission_id AS mission_id',
      'c.indicator_id AS indicator_id',
      ...CLAUSE_SCORING_COLUMNS,
    ])
    .orderBy('c.id', 'ASC')
    .getRawMany();
  return rows.map((row) => ({
    clauseId: Number(row.clause_id),
    contractId: Number(row.contract_id),
    planId: Number(row.plan_id),
    year: Number(row.year),
    opdId: Number(row.opd_id),
    missionId: Number(row.mission_id),
    indicatorId: Number(row.indicator_id),
    weight: decimalText(row.weight) as string,
    polarity: row.polarity as Polarity,
    accumulation: row.accumulation as Accumulation,
    minimizeFormula: (row.minimize_formula as MinimizeFormula | null) ?? null,
    committedValue: decimalText(row.committed_value),
    committedLower: decimalText(row.committed_lower),
    committedUpper: decimalText(row.committed_upper),
    quarterlyTargets: row.quarterly_targets
      ? (JSON.parse(String(row.quarterly_targets)) as string[])
      : null,
  }));
}

/** Loads the counted realisations of the selected clauses, ordered by id. */
export async function loadCountedRealizations(
  manager: EntityManager,
  selection: ClauseSelection,
): Promise<CountedRealizationRow[]> {
  const rows: RawRow[] = await selectCountedRealizations(manager, selection)
    .select([
      'r.id AS id',
      'r.clause_id AS clause_id',
      'r.quarter AS quarter',
      'r.value AS value',
      'r.status AS status',
    ])
    .orderBy('r.id', 'ASC')
    .getRawMany();
  return rows.map((row) => ({
    id: Number(row.id),
    clauseId: Number(row.clause_id),
    quarter: Number(row.quarter),
    value: decimalText(row.value) as string,
    verified: row.status === RealizationStatus.VERIFIED,
  }));
}

/** Starts a query over the counted (not RETURNED) realisations `r` of the selected clauses. */
export function selectCountedRealizations(manager: EntityManager, selection: ClauseSelection) {
  const query = manager
    .createQueryBuilder(Realization, 'r')
    .innerJoin('clause', 'c', 'c.id = r.clause_id')
    .innerJoin('contract', 'k', 'k.id = c.contract_id');
  return applySelection(query, selection).andWhere('r.status <> :returned', {
    returned: RealizationStatus.RETURNED,
  });
}

/** Groups realisations by clause id. */
export function groupByClause(
  rows: readonly CountedRealizationRow[],
): Map<number, CountedRealizationRow[]> {
  const groups = new Map<number, CountedRealizationRow[]>();
  for (const row of rows) {
    const group = groups.get(row.clauseId) ?? [];
    group.push(row);
    groups.set(row.clauseId, group);
  }
  return groups;
}

/**
 * Builds the scoring input of a clause. The minimize formula comes from the indicator, or from
 * the policy when the indicator names none.
 */
export function toClauseScoreInput(
  row: ClauseScoringRow,
  realizations: readonly CountedRealizationRow[],
  policy: ScoringPolicy,
): ClauseScoreInput {
  // A counted realisation row already has the quarter, value and verified fields scoring reads.
  const quarters: readonly ScoredQuarter[] = realizations;
  return {
    polarity: row.polarity,
    accumulation: row.accumulation,
    minimizeFormula: row.minimizeFormula ?? policy.minimizeFormula,
    target: { value: row.committedValue, lower: row.committedLower, upper: row.committedUpper },
    quarterlyTargets: row.quarterlyTargets,
    quarters,
  };
}

/** Raw DECIMAL values arrive as strings (mysql2) or numbers (SQLite); both become canonical. */
function decimalText(value: string | number | null): string | null {
  return value === null ? null : canonicalDecimal(value);
}
