import { Dec, toDec } from './decimal';
import { Accumulation, Polarity, type TargetValue } from './types';

/** A counted realisation of one quarter (1-4). RETURNED values must not be passed in. */
export interface QuarterValue {
  quarter: number;
  value: Dec | string;
}

/**
 * Combines the quarters up to `upToQuarter` into one realisation. Quarters without a value are
 * skipped, never read as zero. Returns null when no quarter up to `upToQuarter` has a value.
 * Throws a RangeError for a quarter outside 1-4 and when two values share a quarter, because
 * that would count a quarter twice.
 */
export function accumulate(
  accumulation: Accumulation,
  values: readonly QuarterValue[],
  upToQuarter = 4,
): Dec | null {
  assertQuarter(upToQuarter, 'upToQuarter');
  const numbers = countedInQuarterOrder(values, upToQuarter);
  if (numbers.length === 0) {
    return null;
  }

  switch (accumulation) {
    case Accumulation.SUM:
      return Dec.sum(...numbers);
    case Accumulation.LAST:
      return numbers[numbers.length - 1];
    case Accumulation.AVERAGE:
      return Dec.sum(...numbers).div(numbers.length);
  }
}

function assertQuarter(quarter: number, name: string): void {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`${name} must be an integer from 1 to 4, received ${quarter}`);
  }
}

/**
 * Returns the values of quarters 1 to `upToQuarter` in quarter order, placing each value in the
 * slot of its quarter instead of sorting, because this runs for every clause of a report.
 * Throws a RangeError for a quarter outside 1-4, and for two values of one counted quarter.
 */
function countedInQuarterOrder(values: readonly QuarterValue[], upToQuarter: number): Dec[] {
  const slots: (Dec | undefined)[] = [undefined, undefined, undefined, undefined];
  for (const entry of values) {
    assertQuarter(entry.quarter, 'quarter');
    if (entry.quarter > upToQuarter) {
      continue;
    }
    if (slots[entry.quarter - 1] !== undefined) {
      throw new RangeError(`Quarter ${entry.quarter} has more than one counted value`);
    }
    slots[entry.quarter - 1] = toDec(entry.value);
  }
  return slots.filter((slot): slot is Dec => slot !== undefined);
}

/**
 * Target that a realisation up to `upToQuarter` is compared with. For the whole year
 * (`upToQuarter` null) it is the yearly target. In-year, with quarterly targets given, SUM uses
 * their sum up to the quarter, LAST the target of that quarter (a level to reach by its end) and
 * AVERAGE their mean; without quarterly targets SUM scales the yearly target by quarter / 4 and
 * LAST and AVERAGE use the yearly target. A STABILIZE band applies unchanged all year.
 * Throws a RangeError when `upToQuarter` is outside 1-4 or the quarterly targets are not four.
 */
export function targetToDate(
  polarity: Polarity,
  accumulation: Accumulation,
  yearly: TargetValue,
  quarterlyTargets: readonly string[] | null,
  upToQuarter: number | null,
): TargetValue {
  if (upToQuarter !== null) {
    assertQuarter(upToQuarter, 'upToQuarter');
  }
  if (quarterlyTargets && quarterlyTargets.length !== 4) {
    throw new RangeError(`Expected 4 quarterly targets, received ${quarterlyTargets.length}`);
  }
  if (upToQuarter === null || polarity === Polarity.STABILIZE) {
    return yearly;
  }
  if (quarterlyTargets) {
    const upTo = quarterlyTargets.slice(0, upToQuarter).map((value) => toDec(value));
    return { value: combineQuarterlyTargets(accumulation, upTo).toString() };
  }
  if (accumulation === Accumulation.SUM && yearly.value != null) {
    return { value: toDec(yearly.value).mul(upToQuarter).div(4).toString() };
  }
  return yearly;
}

function combineQuarterlyTargets(accumulation: Accumulation, upTo: Dec[]): Dec {
  switch (accumulation) {
    case Accumulation.SUM:
      return Dec.sum(...upTo);
    case Accumulation.LAST:
      return upTo[upTo.length - 1];
    case Accumulation.AVERAGE:
      return Dec.sum(...upTo).div(upTo.length);
  }
}
