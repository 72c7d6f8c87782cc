import { Dec, round2, toDec } from './decimal';
import { type RatingBand, type ScoringPolicy } from './policy';
import { Outcome, type Rating } from './types';

/** Weight and scored attainment of one clause. */
export interface WeightedAttainment {
  weight: Dec | string;
  /** Capped attainment, or 0 for a clause without realisation. */
  scoredAttainment: Dec | string;
}

/** Contract score with what it leads to. */
export interface ContractScore {
  /** Weighted mean rounded half up to two decimals, for example "91.00". */
  score: string;
  rating: Rating;
  outcome: Outcome;
  /** Policy recommendation for the outcome; null for Outcome.NONE. */
  recommendation: string | null;
}

/**
 * Computes sum(weight x attainment) / sum(weight) in exact decimal arithmetic, rounds it half up
 * to two decimals, and only then chooses the rating and the outcome, so that a score of 91 on
 * paper is never rated from 90.999... Throws a RangeError for an empty list or a weight that is
 * not positive, because such a contract has no meaningful score.
 */
export function scoreContract(
  clauses: readonly WeightedAttainment[],
  policy: ScoringPolicy,
): ContractScore {
  if (clauses.length === 0) {
    throw new RangeError('A contract score needs at least one clause');
  }
  const weights: Dec[] = [];
  const weighted: Dec[] = [];
  for (const clause of clauses) {
    const weight = toDec(clause.weight);
    if (weight.isZero() || weight.isNegative()) {
      throw new RangeError(`Clause weights must be positive, received ${weight.toString()}`);
    }
    weights.push(weight);
    weighted.push(weight.mul(toDec(clause.scoredAttainment)));
  }
  const score = round2(Dec.sum(...weighted).div(Dec.sum(...weights)));
  const outcome = outcomeFor(score, policy);
  return {
    score,
    rating: rateScore(score, policy.ratingBands),
    outcome,
    recommendation: recommendationFor(outcome, policy),
  };
}

/**
 * Returns the rating of the band with the highest minimum that `score` reaches; a band applies
 * from its minimum, inclusive. Scores below every band (only possible with a custom policy
 * that does not start at 0) get the lowest band.
 */
export function rateScore(score: Dec | string, bands: readonly RatingBand[]): Rating {
  const value = toDec(score);
  let reached: { band: RatingBand; min: Dec } | null = null;
  let lowest: { band: RatingBand; min: Dec } | null = null;
  for (const band of bands) {
    const min = toDec(band.minScore);
    if (value.gte(min) && (reached === null || min.gt(reached.min))) {
      reached = { band, min };
    }
    if (lowest === null || min.lte(lowest.min)) {
      lowest = { band, min };
    }
  }
  const chosen = reached ?? lowest;
  if (chosen === null) {
    throw new RangeError('A rating needs at least one band');
  }
  return chosen.band.rating;
}

/** REWARD from the reward minimum (inclusive), PUNISHMENT below the threshold, else NONE. */
export function outcomeFor(score: Dec | string, policy: ScoringPolicy): Outcome {
  const value = toDec(score);
  if (value.gte(policy.rewardMinScore)) {
    return Outcome.REWARD;
  }
  if (value.lt(policy.punishmentBelowScore)) {
    return Outcome.PUNISHMENT;
  }
  return Outcome.NONE;
}

/** Maps an outcome to the policy's recommendation; NONE has no recommendation. */
export function recommendationFor(outcome: Outcome, policy: ScoringPolicy): string | null {
  switch (outcome) {
    case Outcome.REWARD:
      return policy.rewardRecommendation;
    case Outcome.PUNISHMENT:
      return policy.punishmentRecommendation;
    case Outcome.NONE:
      return null;
  }
}

/**
 * Mean of scored attainments rounded half up to two decimals, or null for an empty list
 * (a mission without signed clauses has no attainment, which differs from 0).
 */
export function meanAttainment(values: readonly (Dec | string)[]): string | null {
  if (values.length === 0) {
    return null;
  }
  return round2(Dec.sum(...values.map((value) => toDec(value))).div(values.length));
}
