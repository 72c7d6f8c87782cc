import { accumulate, type QuarterValue, targetToDate } from './accumulation';
import {
  type Attainment,
  capAttainment,
  computeAttainment,
  computeRawAttainment,
} from './attainment';
import { Dec } from './decimal';
import {
  type Accumulation,
  ClauseScoreFlag,
  type MinimizeFormula,
  type Polarity,
  type TargetValue,
} from './types';

/** A counted realisation with its review state. */
export interface ScoredQuarter extends QuarterValue {
  verified: boolean;
}

/** What the attainment of one clause depends on, free of storage and transport types. */
export interface ClauseAttainmentInput {
  polarity: Polarity;
  accumulation: Accumulation;
  /** Formula already resolved from the indicator or, when it names none, the policy. */
  minimizeFormula: MinimizeFormula;
  /** Committed yearly target. */
  target: TargetValue;
  /** Four quarterly targets, or null. */
  quarterlyTargets: readonly string[] | null;
  /** Counted realisations: RETURNED values already left out. */
  quarters: readonly QuarterValue[];
}

/** Everything needed to score one clause, including the review state of each realisation. */
export interface ClauseScoreInput extends ClauseAttainmentInput {
  quarters: readonly ScoredQuarter[];
}

/** Attainment of one clause for a period, the part of a ClauseScore that aggregates read. */
export interface ClauseAttainment {
  /** Attainment floored at 0 before the cap, or null when the realisation is missing. */
  raw: Dec | null;
  /** Capped attainment, or 0 for a missing realisation: the value the contract score uses. */
  scored: Dec;
}

/** Score of one clause for a period. */
export interface ClauseScore {
  /** Accumulated realisation, or null when no quarter has a value. */
  realization: Dec | null;
  /** Target the realisation was compared with. */
  targetUsed: TargetValue;
  /** Null when the realisation is missing. */
  attainment: Attainment | null;
  /** Capped attainment, or 0 for a missing realisation: the value the contract score uses. */
  scoredAttainment: Dec;
  flags: ClauseScoreFlag[];
  explanation: string;
}

/**
 * Scores a clause up to `upToQuarter` (null for the whole year). A clause without a counted
 * realisation scores 0 and carries MISSING_REALIZATION, because not reporting must never raise
 * a score.
 */
export function scoreClause(
  input: ClauseScoreInput,
  cap: Dec | string,
  upToQuarter: number | null,
): ClauseScore {
  const lastQuarter = upToQuarter ?? 4;
  const targetUsed = targetForPeriod(input, upToQuarter);
  const realization = accumulate(input.accumulation, input.quarters, lastQuarter);

  if (realization === null) {
    return {
      realization,
      targetUsed,
      attainment: null,
      scoredAttainment: new Dec(0),
      flags: [ClauseScoreFlag.MISSING_REALIZATION],
      explanation: `no realisation reported up to quarter ${lastQuarter}: scores 0`,
    };
  }

  const attainment = computeAttainment({
    polarity: input.polarity,
    minimizeFormula: input.minimizeFormula,
    target: targetUsed,
    realization,
    cap,
  });
  const flags: ClauseScoreFlag[] = [];
  if (input.quarters.some((entry) => entry.quarter <= lastQuarter && !entry.verified)) {
    flags.push(ClauseScoreFlag.UNVERIFIED_REALIZATION);
  }
  if (attainment.isCapped) {
    flags.push(ClauseScoreFlag.CAPPED);
  }
  return {
    realization,
    targetUsed,
    attainment,
    scoredAttainment: attainment.capped,
    flags,
    get explanation() {
      return attainment.explanation;
    },
  };
}

const ZERO = new Dec(0);

/**
 * Computes what scoreClause computes for `scoredAttainment` and `attainment.raw`, with the same
 * formulas and checks, but builds no flags or explanation. Report aggregates call it once per
 * clause.
 */
export function scoreClauseAttainment(
  input: ClauseAttainmentInput,
  cap: Dec,
  upToQuarter: number | null,
): ClauseAttainment {
  const targetUsed = targetForPeriod(input, upToQuarter);
  const realization = accumulate(input.accumulation, input.quarters, upToQuarter ?? 4);
  if (realization === null) {
    return { raw: null, scored: ZERO };
  }
  const raw = computeRawAttainment({
    polarity: input.polarity,
    minimizeFormula: input.minimizeFormula,
    target: targetUsed,
    realization,
    cap,
  });
  return { raw, scored: capAttainment(raw, cap) };
}

function targetForPeriod(input: ClauseAttainmentInput, upToQuarter: number | null): TargetValue {
  return targetToDate(
    input.polarity,
    input.accumulation,
    input.target,
    input.quarterlyTargets,
    upToQuarter,
  );
}
