import { EvaluationStatus } from '../../src/entities/enums';
import { scoreClause } from '../../src/scoring/clause-score';
import { scoreContract } from '../../src/scoring/contract-score';
import { DEFAULT_SCORING_POLICY } from '../../src/scoring/policy';
import { type Accumulation, type MinimizeFormula, Polarity } from '../../src/scoring/types';
import { USER_IDS } from './constants';
import { type RowSink } from './tables';

/** Scoring inputs of one generated clause. */
export interface ClauseForScoring {
  clauseId: number;
  weight: string;
  indicator: {
    polarity: Polarity;
    accumulation: Accumulation;
    minimizeFormula: MinimizeFormula | null;
  };
  target: { value: string | null; lower: string | null; upper: string | null };
  quarterlyTargets: string[] | null;
  /** Counted realisations (RETURNED left out), by id. */
  counted: { id: number; quarter: number; value: string; verified: boolean }[];
}

/**
 * Adds a FINAL evaluation of a contract with one stored clause score per clause, scored by the
 * server's own scoring rules under the default policy, so stored and live scores agree.
 */
export function evaluationRows(
  sink: RowSink,
  evaluationId: number,
  contractId: number,
  year: number,
  clauses: ClauseForScoring[],
  nextClauseScoreId: () => number,
): void {
  const policy = DEFAULT_SCORING_POLICY;
  const scored = clauses.map((clause) => {
    const minimizeFormula = clause.indicator.minimizeFormula ?? policy.minimizeFormula;
    const input = {
      polarity: clause.indicator.polarity,
      accumulation: clause.indicator.accumulation,
      minimizeFormula,
      target: clause.target,
      quarterlyTargets: clause.quarterlyTargets,
      quarters: clause.counted,
    };
    return { clause, minimizeFormula, score: scoreClause(input, policy.attainmentCap, null) };
  });
  const total = scoreContract(
    scored.map(({ clause, score }) => ({
      weight: clause.weight,
      scoredAttainment: score.scoredAttainment,
    })),
    policy,
  );

  const at = `${year + 1}-02-15 10:00:00.000`;
  sink.add('evaluation', [
    evaluationId,
    contractId,
    EvaluationStatus.FINAL,
    total.score,
    total.rating,
    total.outcome,
    total.recommendation,
    USER_IDS.evaluator,
    at,
    USER_IDS.evaluator,
    at,
    null,
    null,
    null,
    null,
  ]);
  for (const { clause, minimizeFormula, score } of scored) {
    const target = score.targetUsed;
    sink.add('clause_score', [
      nextClauseScoreId(),
      evaluationId,
      clause.clauseId,
      clause.indicator.polarity,
      clause.indicator.polarity === Polarity.MINIMIZE ? minimizeFormula : null,
      clause.weight,
      target.value ?? null,
      target.lower ?? null,
      target.upper ?? null,
      score.realization?.toString() ?? null,
      score.attainment?.raw.toDecimalPlaces(8).toString() ?? null,
      score.scoredAttainment.toDecimalPlaces(8).toString(),
      JSON.stringify(score.flags),
      score.explanation,
      JSON.stringify(clause.counted.map((entry) => entry.id)),
    ]);
  }
}
