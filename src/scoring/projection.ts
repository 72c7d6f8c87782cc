import { computeAttainment } from './attainment';
import { Dec, toDec } from './decimal';
import type { MinimizeFormula, Polarity, TargetValue } from './types';

/** Whether an indicator is on course to meet its end target. */
export enum ProjectionStatus {
  /** Projected attainment of at least 100. */
  ON_TRACK = 'ON_TRACK',
  /** Below 100 but at least the policy's at-risk minimum. */
  AT_RISK = 'AT_RISK',
  /** Below the at-risk minimum. */
  OFF_TRACK = 'OFF_TRACK',
  /** No year has a realisation yet, so there is nothing to project from. */
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
}

/** A value observed in one year. */
export interface YearValue {
  year: number;
  value: Dec | string;
}

/** A straight line `value = intercept + slope x year`. */
export interface Line {
  slope: Dec;
  intercept: Dec;
}

/** Everything needed to project one indicator. */
export interface ProjectionInput {
  polarity: Polarity;
  minimizeFormula: MinimizeFormula;
  baseline: YearValue;
  /** Realised yearly values; years without a realisation are left out. */
  realised: readonly YearValue[];
  endYear: number;
  endTarget: TargetValue;
  /** Policy cap, used only by the RATIO formula for a projected value of 0. */
  cap: Dec | string;
  /** Projected attainment from which the status is AT_RISK rather than OFF_TRACK. */
  atRiskMinAttainment: Dec | string;
}

/** A projection of an indicator to the plan's end year. */
export interface Projection {
  status: ProjectionStatus;
  /** Null when the status is INSUFFICIENT_DATA. */
  line: Line | null;
  projectedValue: Dec | null;
  /** Attainment of the projected value against the end target, floored at 0 and not capped. */
  projectedAttainment: Dec | null;
}

/**
 * Fits the least-squares line through the points in exact decimal arithmetic. Returns null
 * for fewer than two distinct years, where no line is determined.
 */
export function fitLine(points: readonly YearValue[]): Line | null {
  const years = new Set(points.map((point) => point.year));
  if (years.size < 2) {
    return null;
  }
  const xs = points.map((point) => new Dec(point.year));
  const ys = points.map((point) => toDec(point.value));
  const meanX = Dec.sum(...xs).div(xs.length);
  const meanY = Dec.sum(...ys).div(ys.length);

  let covariance = new Dec(0);
  let variance = new Dec(0);
  xs.forEach((x, index) => {
    const dx = x.minus(meanX);
    covariance = covariance.plus(dx.mul(ys[index].minus(meanY)));
    variance = variance.plus(dx.mul(dx));
  });
  const slope = covariance.div(variance);
  return { slope, intercept: meanY.minus(slope.mul(meanX)) };
}

/**
 * Projects an indicator: the least-squares line through the baseline and the realised years,
 * evaluated at the end year, and the attainment of that value against the end target by the
 * indicator's polarity. The status compares the projected attainment with 100 and with the
 * at-risk minimum; with no realised year it is INSUFFICIENT_DATA. When the baseline and every
 * realised value are at least 0, the quantity cannot go negative, so a line that falls below
 * 0 by the end year projects 0: a fast-falling MINIMIZE indicator then reads as ahead of its
 * target instead of scoring a negative ratio.
 */
export function projectIndicator(input: ProjectionInput): Projection {
  const realised = input.realised.filter((point) => point.year !== input.baseline.year);
  if (realised.length === 0) {
    return {
      status: ProjectionStatus.INSUFFICIENT_DATA,
      line: null,
      projectedValue: null,
      projectedAttainment: null,
    };
  }

  const line = fitLine([input.baseline, ...realised]) as Line;
  const projectedValue = clampAtZero(line.intercept.plus(line.slope.mul(input.endYear)), [
    input.baseline,
    ...realised,
  ]);
  const attainment = computeAttainment({
    polarity: input.polarity,
    minimizeFormula: input.minimizeFormula,
    target: input.endTarget,
    realization: projectedValue,
    cap: input.cap,
  });
  return {
    status: statusFor(attainment.raw, input.atRiskMinAttainment),
    line,
    projectedValue,
    projectedAttainment: attainment.raw,
  };
}

/** Maps an attainment to ON_TRACK (>= 100), AT_RISK (>= the minimum) or OFF_TRACK. */
export function statusFor(attainment: Dec, atRiskMinAttainment: Dec | string): ProjectionStatus {
  if (attainment.gte(100)) {
    return ProjectionStatus.ON_TRACK;
  }
  if (attainment.gte(atRiskMinAttainment)) {
    return ProjectionStatus.AT_RISK;
  }
  return ProjectionStatus.OFF_TRACK;
}

function clampAtZero(value: Dec, observed: readonly YearValue[]): Dec {
  const nonNegative = observed.every((point) => !toDec(point.value).isNegative());
  return nonNegative && value.isNegative() ? new Dec(0) : value;
}
