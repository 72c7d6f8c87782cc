import { Dec, formatForExplanation as f, percentOf, round2, toDec } from './decimal';
import { MinimizeFormula, Polarity, type TargetValue } from './types';

/** Inputs of one attainment (capaian) computation. */
export interface AttainmentInput {
  polarity: Polarity;
  /** Used only for MINIMIZE. */
  minimizeFormula: MinimizeFormula;
  /** Committed target, or the target to date for in-year monitoring. */
  target: TargetValue;
  /** Realisation R for the same period. */
  realization: Dec | string;
  /** Policy cap on the attainment used in scores. */
  cap: Dec | string;
}

/** Attainment of one clause in percent. */
export interface Attainment {
  /** Formula result floored at 0, before the cap. */
  raw: Dec;
  /** `raw` limited to the policy cap; this is what scores use. */
  capped: Dec;
  /** Whether the cap lowered the value. */
  isCapped: boolean;
  /** The formula with its numbers, for example "MAXIMIZE: 80 / 100 x 100 = 80.00". */
  explanation: string;
}

interface FormulaResult {
  value: Dec;
  /** Builds the formula with its numbers; called only when an explanation is read. */
  describe: () => string;
}

const ZERO = new Dec(0);
const HUNDRED = new Dec(100);

/**
 * Computes attainment by polarity. Zero targets and zero realisations never divide by zero:
 * MAXIMIZE with T = 0 gives 100 when R >= 0, else 0; MINIMIZE with T = 0 gives 100 when R = 0,
 * else 0; MINIMIZE RATIO with R = 0 gives the cap. The result is floored at 0, then capped.
 *
 * NOTE: a negative target (a shrinking economy planned as MAXIMIZE, say) makes the ratios
 * change direction; such indicators should be stated as positive quantities.
 */
export function computeAttainment(input: AttainmentInput): Attainment {
  const realization = toDec(input.realization);
  const cap = toDec(input.cap);
  const result = applyFormula(input, realization, cap);

  const raw = floorAtZero(result);
  const capped = capAttainment(raw, cap);
  // capAttainment returns `raw` itself unless the cap lowered it.
  const isCapped = capped !== raw;

  // Reports score thousands of clauses and never show the text, so it is built on first read.
  let explanation: string | undefined;
  return {
    raw,
    capped,
    isCapped,
    get explanation() {
      explanation ??= explain(result, cap, isCapped);
      return explanation;
    },
  };
}

/**
 * Computes the attainment floored at 0, before the cap, with the formulas of computeAttainment
 * but without building its explanation. Aggregates over many clauses use it.
 */
export function computeRawAttainment(input: AttainmentInput): Dec {
  const cap = toDec(input.cap);
  return floorAtZero(applyFormula(input, toDec(input.realization), cap));
}

/** Limits a floored attainment to the policy cap; returns `raw` itself when it is within it. */
export function capAttainment(raw: Dec, cap: Dec): Dec {
  return raw.gt(cap) ? cap : raw;
}

function floorAtZero(result: FormulaResult): Dec {
  return result.value.isNegative() ? ZERO : result.value;
}

function explain(result: FormulaResult, cap: Dec, isCapped: boolean): string {
  let text = `${result.describe()} = ${round2(result.value)}`;
  if (result.value.isNegative()) {
    text += ', floored at 0.00';
  }
  if (isCapped) {
    text += `, capped at ${round2(cap)}`;
  }
  return text;
}

function applyFormula(input: AttainmentInput, realization: Dec, cap: Dec): FormulaResult {
  switch (input.polarity) {
    case Polarity.MAXIMIZE:
      return maximize(requireValue(input.target), realization);
    case Polarity.MINIMIZE:
      return input.minimizeFormula === MinimizeFormula.RATIO
        ? minimizeRatio(requireValue(input.target), realization, cap)
        : minimizeDifference(requireValue(input.target), realization);
    case Polarity.STABILIZE:
      return stabilize(requireBand(input.target), realization);
  }
}

function maximize(target: Dec, realization: Dec): FormulaResult {
  if (target.isZero()) {
    const value = realization.isNegative() ? ZERO : HUNDRED;
    const comparison = realization.isNegative() ? '< 0' : '>= 0';
    return {
      value,
      describe: () => `MAXIMIZE with target 0: realisation ${f(realization)} ${comparison}`,
    };
  }
  return {
    value: percentOf(realization, target),
    describe: () => `MAXIMIZE: ${f(realization)} / ${f(target)} x 100`,
  };
}

function minimizeDifference(target: Dec, realization: Dec): FormulaResult {
  if (target.isZero()) {
    return minimizeZeroTarget('DIFFERENCE', realization);
  }
  return {
    value: percentOf(target.mul(2).minus(realization), target),
    describe: () =>
      `MINIMIZE, DIFFERENCE: (2 x ${f(target)} - ${f(realization)}) / ${f(target)} x 100`,
  };
}

function minimizeRatio(target: Dec, realization: Dec, cap: Dec): FormulaResult {
  if (target.isZero()) {
    return minimizeZeroTarget('RATIO', realization);
  }
  if (realization.isZero()) {
    return { value: cap, describe: () => 'MINIMIZE, RATIO: realisation 0 scores the cap' };
  }
  return {
    value: percentOf(target, realization),
    describe: () => `MINIMIZE, RATIO: ${f(target)} / ${f(realization)} x 100`,
  };
}

function minimizeZeroTarget(formula: string, realization: Dec): FormulaResult {
  const value = realization.isZero() ? HUNDRED : ZERO;
  const comparison = realization.isZero() ? '= 0' : '!= 0';
  return {
    value,
    describe: () =>
      `MINIMIZE, ${formula} with target 0: realisation ${f(realization)} ${comparison}`,
  };
}

function stabilize(band: { lower: Dec; upper: Dec }, realization: Dec): FormulaResult {
  const label = () => `STABILIZE, band [${f(band.lower)}, ${f(band.upper)}]`;
  if (realization.lt(band.lower)) {
    if (band.lower.isZero()) {
      return {
        value: ZERO,
        describe: () => `${label()}: ${f(realization)} below a band that starts at 0`,
      };
    }
    return {
      value: percentOf(realization, band.lower),
      describe: () => `${label()}: below the band, ${f(realization)} / ${f(band.lower)} x 100`,
    };
  }
  if (realization.gt(band.upper)) {
    if (band.upper.isZero()) {
      return {
        value: ZERO,
        describe: () => `${label()}: ${f(realization)} above a band that ends at 0`,
      };
    }
    return {
      value: percentOf(band.upper.mul(2).minus(realization), band.upper),
      describe: () =>
        `${label()}: above the band, (2 x ${f(band.upper)} - ${f(realization)}) / ${f(band.upper)} x 100`,
    };
  }
  return { value: HUNDRED, describe: () => `${label()}: ${f(realization)} inside the band` };
}

/** Reads the single target value; throws a RangeError when it is missing. */
export function requireValue(target: TargetValue): Dec {
  if (target.value === null || target.value === undefined) {
    throw new RangeError('This polarity needs a target value, but the target has none');
  }
  return toDec(target.value);
}

/** Reads a STABILIZE band; throws a RangeError when a bound is missing or lower > upper. */
export function requireBand(target: TargetValue): { lower: Dec; upper: Dec } {
  if (target.lower == null || target.upper == null) {
    throw new RangeError('STABILIZE needs a target band with lower and upper bounds');
  }
  const lower = toDec(target.lower);
  const upper = toDec(target.upper);
  if (lower.gt(upper)) {
    throw new RangeError(`Target band lower bound ${target.lower} exceeds upper ${target.upper}`);
  }
  return { lower, upper };
}
