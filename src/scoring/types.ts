/** Direction in which an indicator improves. */
export enum Polarity {
  /** Higher is better, one target value. */
  MAXIMIZE = 'MAXIMIZE',
  /** Lower is better, one target value. */
  MINIMIZE = 'MINIMIZE',
  /** The value should stay inside a band, given as a lower and an upper bound. */
  STABILIZE = 'STABILIZE',
}

/** How quarterly realisations combine into the value for a period. */
export enum Accumulation {
  /** Sum of the quarters, for counts and amounts. */
  SUM = 'SUM',
  /** Latest quarter that has a value, for rates and percentages. */
  LAST = 'LAST',
  /** Mean of the quarters that have a value, for averaged indices. */
  AVERAGE = 'AVERAGE',
}

/** Attainment formula for MINIMIZE indicators. */
export enum MinimizeFormula {
  /** (2T - R) / T x 100, the national default. */
  DIFFERENCE = 'DIFFERENCE',
  /** T / R x 100. */
  RATIO = 'RATIO',
}

/** Band that a contract or mission score falls in (predikat). */
export enum Rating {
  SANGAT_TINGGI = 'SANGAT_TINGGI',
  TINGGI = 'TINGGI',
  SEDANG = 'SEDANG',
  RENDAH = 'RENDAH',
  SANGAT_RENDAH = 'SANGAT_RENDAH',
}

/** Consequence that a contract score leads to under the scoring policy. */
export enum Outcome {
  REWARD = 'REWARD',
  PUNISHMENT = 'PUNISHMENT',
  NONE = 'NONE',
}

/** Conditions worth a reader's attention on one clause score. */
export enum ClauseScoreFlag {
  /** No counted realisation: the clause scores 0 in the contract score. */
  MISSING_REALIZATION = 'MISSING_REALIZATION',
  /** At least one realisation used is still waiting for review. */
  UNVERIFIED_REALIZATION = 'UNVERIFIED_REALIZATION',
  /** The raw attainment was above the policy cap and was limited to it. */
  CAPPED = 'CAPPED',
}

/**
 * Target of one clause or indicator year. MAXIMIZE and MINIMIZE use `value`;
 * STABILIZE uses `lower` and `upper`. Values are decimal strings.
 */
export interface TargetValue {
  value?: string | null;
  lower?: string | null;
  upper?: string | null;
}
