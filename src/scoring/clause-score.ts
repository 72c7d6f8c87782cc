import { accumulate, type QuarterValue, targetToDate } from './accumulation';
import { type Attainment, computeAttainment } from './attainment';
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

/** Everything needed to score one clause, free of storage and transport types. */
export interface ClauseScoreInput {
  polarity: Polarity;
  accumulation: Accumulation;
  /** Formula already resolved from the indicator or, when it names none, the policy. */
  minimizeFormula: MinimizeFormula;
  /** Committed yearly target. */
  target: TargetValue;
  /** Four quarterly targets, or null. */
  quarterlyTargets: readonly string[] | null;
  /** Counted realisations: RETURNED values already left out. */
  quarters: readonly ScoredQuarter[];
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
  const targetUsed = targetToDate(
    input.polarity,
    input.accumulation,
    input.target,
    input.quarterlyTargets,
    upToQuarter,
  );
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
