/**
 * Whole-year scoring written by hand for the baseline server: the same rules as src/scoring
 * and its decimal.js constructor (precision 40, rounding half up), without explanations, flags
 * or in-year targets, which the benchmarked queries never return.
 */
import { Dec } from '../../src/scoring/decimal';

const ZERO = new Dec(0);
const HUNDRED = new Dec(100);

/** The parts of a plan's scoring policy the baseline reads. */
export interface BaselinePolicy {
  attainmentCap: string;
  minimizeFormula: string;
  ratingBands: { rating: string; minScore: string }[];
  rewardMinScore: string;
  punishmentBelowScore: string;
  rewardRecommendation: string;
  punishmentRecommendation: string;
}

/** A clause with its committed target and counted quarters. */
export interface BaselineClause {
  polarity: string;
  accumulation: string;
  minimizeFormula: string | null;
  value: string | null;
  lower: string | null;
  upper: string | null;
  /** Counted (not RETURNED) values by quarter. */
  quarters: Map<number, string>;
}

/** Raw and capped attainment in percent; null when the clause has no counted value. */
export interface BaselineAttainment {
  raw: Dec;
  capped: Dec;
}

/** Sums, takes the last or averages the counted quarters; null when there is none. */
function yearlyRealization(clause: BaselineClause): Dec | null {
  if (clause.quarters.size === 0) {
    return null;
  }
  const ordered = [...clause.quarters.entries()].sort((a, b) => a[0] - b[0]);
  const values = ordered.map(([, value]) => new Dec(value));
  if (clause.accumulation === 'LAST') {
    return values[values.length - 1];
  }
  const sum = Dec.sum(...values);
  return clause.accumulation === 'AVERAGE' ? sum.div(values.length) : sum;
}

function percent(part: Dec, whole: Dec): Dec {
  return part.div(whole).mul(HUNDRED);
}

function formulaValue(clause: BaselineClause, r: Dec, policy: BaselinePolicy): Dec {
  if (clause.polarity === 'STABILIZE') {
    const lower = new Dec(clause.lower as string);
    const upper = new Dec(clause.upper as string);
    if (r.lt(lower)) {
      return lower.isZero() ? ZERO : percent(r, lower);
    }
    if (r.gt(upper)) {
      return upper.isZero() ? ZERO : percent(upper.mul(2).minus(r), upper);
    }
    return HUNDRED;
  }
  const t = new Dec(clause.value as string);
  if (clause.polarity === 'MAXIMIZE') {
    if (t.isZero()) {
      return r.isNegative() ? ZERO : HUNDRED;
    }
    return percent(r, t);
  }
  if (t.isZero()) {
    return r.isZero() ? HUNDRED : ZERO;
  }
  if ((clause.minimizeFormula ?? policy.minimizeFormula) === 'RATIO') {
    return r.isZero() ? new Dec(policy.attainmentCap) : percent(t, r);
  }
  return percent(t.mul(2).minus(r), t);
}

/** Attainment of a clause for the whole year, floored at 0 and capped by the policy. */
export function clauseAttainment(
  clause: BaselineClause,
  policy: BaselinePolicy,
): BaselineAttainment | null {
  const realization = yearlyRealization(clause);
  if (realization === null) {
    return null;
  }
  const raw = Dec.max(formulaValue(clause, realization, policy), ZERO);
  const cap = new Dec(policy.attainmentCap);
  return { raw, capped: raw.gt(cap) ? cap : raw };
}

/** Rounds half up to two decimals, for example "90.50". */
export function twoDecimals(value: Dec): string {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** Rating of the highest band whose minimum the score reaches; the lowest band otherwise. */
export function ratingOf(score: string, policy: BaselinePolicy): string {
  const value = new Dec(score);
  const bands = [...policy.ratingBands].sort((a, b) => new Dec(b.minScore).comparedTo(a.minScore));
  return (bands.find((band) => value.gte(band.minScore)) ?? bands[bands.length - 1]).rating;
}

/** Outcome and recommendation of a rounded score. */
export function outcomeOf(
  score: string,
  policy: BaselinePolicy,
): { outcome: string; recommendation: string | null } {
  const value = new Dec(score);
  if (value.gte(policy.rewardMinScore)) {
    return { outcome: 'REWARD', recommendation: policy.rewardRecommendation };
  }
  if (value.lt(policy.punishmentBelowScore)) {
    return { outcome: 'PUNISHMENT', recommendation: policy.punishmentRecommendation };
  }
  return { outcome: 'NONE', recommendation: null };
}
