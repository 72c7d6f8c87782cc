import type { Clause, Indicator } from '../entities';
import type { TargetValue } from '../scoring/types';

/** Returns the offered target of a clause. */
export function offeredTargetOf(clause: Clause): TargetValue {
  return { value: clause.offeredValue, lower: clause.offeredLower, upper: clause.offeredUpper };
}

/** Returns the committed target of a clause; every part is null before the bid. */
export function committedTargetOf(clause: Clause): TargetValue {
  return {
    value: clause.committedValue,
    lower: clause.committedLower,
    upper: clause.committedUpper,
  };
}

/** Returns the end target of an indicator. */
export function endTargetOf(indicator: Indicator): TargetValue {
  return {
    value: indicator.endTargetValue,
    lower: indicator.endTargetLower,
    upper: indicator.endTargetUpper,
  };
}
