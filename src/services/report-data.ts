import { type EntityManager } from 'typeorm';
import { type QuarterValue } from '../scoring/accumulation';
import { type ClauseAttainmentInput } from '../scoring/clause-score';
import { decimalForParsing } from '../scoring/decimal';
import type { ScoringPolicy } from '../scoring/policy';
import { type Accumulation, type MinimizeFormula, type Polarity } from '../scoring/types';
import { selectRawCached } from '../database/statement-cache';
import {
  CLAUSE_SCORING_COLUMNS,
  type ClauseSelection,
  fixedSelectionParameters,
  selectClauses,
  selectCountedRealizations,
} from './score-data';

/**
 * A clause as the year reports read it: only the columns their totals need, already in the
 * shape scoreClauseAttainment takes, so that no second input object is built per clause.
 */
export interface ReportClause extends ClauseAttainmentInput {
  clauseId: number;
  contractId: number;
  /** Mission served by the clause's indicator. */
  missionId: number;
  weight: string;
  quarters: QuarterValue[];
}

type RawRow = Record<string, string | number | null>;

/**
 * Loads the selected clauses with their counted realisations, ordered by clause id, with one
 * statement for the clauses and one for the realisations. Every clause must belong to the plan
 * of `policy`, which supplies the minimize formula of indicators that name none. DECIMAL values
 * are kept as text that parses to the same value as their canonical text, and realisations are
 * not ordered within a clause.
 */
export async function loadReportClauses(
  manager: EntityManager,
  selection: ClauseSelection,
  policy: ScoringPolicy,
): Promise<ReportClause[]> {
  const clauseQuery = () =>
    selectClauses(manager, selection)
      .select([
        'c.id AS clause_id',
        'c.contract_id AS contract_id',
        't.mission_id AS mission_id',
        ...CLAUSE_SCORING_COLUMNS,
      ])
      .orderBy('c.id', 'ASC');
  const realizationQuery = () =>
    selectCountedRealizations(manager, selection).select([
      'r.clause_id AS clause_id',
      'r.quarter AS quarter',
      'r.value AS value',
    ]);
  const fixed = fixedSelectionParameters(selection);
  const [clauseRows, realizationRows] = await Promise.all([
    fixed
      ? selectRawCached<RawRow>(manager, `report-clauses:${selection.kind}`, clauseQuery, fixed)
      : clauseQuery().getRawMany<RawRow>(),
    fixed
      ? selectRawCached<RawRow>(
          manager,
          `report-realizations:${selection.kind}`,
          realizationQuery,
          fixed,
        )
      : realizationQuery().getRawMany<RawRow>(),
  ]);

  const byId = new Map<number, ReportClause>();
  const clauses = clauseRows.map((row) => {
    const clause = toReportClause(row, policy);
    byId.set(clause.clauseId, clause);
    return clause;
  });
  for (const row of realizationRows) {
    byId.get(Number(row.clause_id))?.quarters.push({
      quarter: Number(row.quarter),
      value: decimalForParsing(row.value as string | number),
    });
  }
  return clauses;
}

function toReportClause(row: RawRow, policy: ScoringPolicy): ReportClause {
  return {
    clauseId: Number(row.clause_id),
    contractId: Number(row.contract_id),
    missionId: Number(row.mission_id),
    weight: decimalForParsing(row.weight as string | number),
    polarity: row.polarity as Polarity,
    accumulation: row.accumulation as Accumulation,
    minimizeFormula: (row.minimize_formula as MinimizeFormula | null) ?? policy.minimizeFormula,
    target: {
      value: optionalDecimal(row.committed_value),
      lower: optionalDecimal(row.committed_lower),
      upper: optionalDecimal(row.committed_upper),
    },
    quarterlyTargets: row.quarterly_targets
      ? (JSON.parse(String(row.quarterly_targets)) as string[])
      : null,
    quarters: [],
  };
}

function optionalDecimal(value: string | number | null): string | null {
  return value === null ? null : decimalForParsing(value);
}
