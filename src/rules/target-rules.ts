import { Dec, toDec } from '../scoring/decimal';
import { Accumulation, Polarity, type TargetValue } from '../scoring/types';

/** A broken rule on an input field, as a path such as "clauses[2].committedTarget.value". */
export interface RuleViolation {
  field: string;
  message: string;
}

/**
 * Checks that a target has the shape its polarity needs: one value for MAXIMIZE and MINIMIZE,
 * a lower and an upper bound with lower <= upper for STABILIZE, and nothing else. No value or
 * bound may be negative, because the attainment formulas (R / T and the like) would reward
 * missing a negative target.
 */
export function checkTargetShape(
  polarity: Polarity,
  target: TargetValue,
  field: string,
): RuleViolation[] {
  const hasValue = target.value != null;
  const hasBand = target.lower != null || target.upper != null;

  if (polarity !== Polarity.STABILIZE) {
    if (!hasValue || hasBand) {
      return [
        {
          field,
          message: `${field} must give value only, because the indicator's polarity is ${polarity}`,
        },
      ];
    }
    return checkNotNegative(target.value as string, `${field}.value`);
  }

  if (hasValue || target.lower == null || target.upper == null) {
    return [
      {
        field,
        message: `${field} must give lower and upper only, because the polarity is STABILIZE`,
      },
    ];
  }
  const negative = [
    ...checkNotNegative(target.lower, `${field}.lower`),
    ...checkNotNegative(target.upper, `${field}.upper`),
  ];
  if (negative.length > 0) {
    return negative;
  }
  if (toDec(target.lower).gt(target.upper)) {
    return [
      {
        field: `${field}.lower`,
        message: `${field}.lower ${target.lower} must not exceed ${field}.upper ${target.upper}`,
      },
    ];
  }
  return [];
}

/**
 * Checks that a committed target is at least as ambitious as the offer: MAXIMIZE committed >=
 * offered, MINIMIZE committed <= offered, STABILIZE committed band inside the offered band.
 * Both targets must already have the right shape.
 */
export function checkAmbition(
  polarity: Polarity,
  offered: TargetValue,
  committed: TargetValue,
  field: string,
): RuleViolation[] {
  switch (polarity) {
    case Polarity.MAXIMIZE:
      return toDec(committed.value as string).gte(offered.value as string)
        ? []
        : [
            {
              field: `${field}.value`,
              message:
                `${field}.value ${committed.value} is below the offered target ` +
                `${offered.value}: a MAXIMIZE bid must be at least the offer`,
            },
          ];
    case Polarity.MINIMIZE:
      return toDec(committed.value as string).lte(offered.value as string)
        ? []
        : [
            {
              field: `${field}.value`,
              message:
                `${field}.value ${committed.value} is above the offered target ` +
                `${offered.value}: a MINIMIZE bid must be at most the offer`,
            },
          ];
    case Polarity.STABILIZE:
      return checkBandInside(offered, committed, field);
  }
}

function checkBandInside(
  offered: TargetValue,
  committed: TargetValue,
  field: string,
): RuleViolation[] {
  const inside =
    toDec(committed.lower as string).gte(offered.lower as string) &&
    toDec(committed.upper as string).lte(offered.upper as string);
  if (inside) {
    return [];
  }
  return [
    {
      field,
      message:
        `${field} band [${committed.lower}, ${committed.upper}] is not inside the offered band ` +
        `[${offered.lower}, ${offered.upper}]: a STABILIZE bid must be at least as narrow`,
    },
  ];
}

/** Checks that every weight is positive and that the weights sum to exactly 100. */
export function checkWeights(weights: readonly string[], field: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  weights.forEach((weight, index) => {
    if (!toDec(weight).gt(0)) {
      violations.push({
        field: `${field}[${index}].weight`,
        message: `${field}[${index}].weight ${weight} is invalid: weights must be positive`,
      });
    }
  });

  const total = Dec.sum(0, ...weights.map((weight) => toDec(weight)));
  if (violations.length === 0 && !total.eq(100)) {
    violations.push({
      field,
      message: `The weights of ${field} sum to ${total.toString()}, but they must sum to 100`,
    });
  }
  return violations;
}

/**
 * Checks quarterly targets: none, or exactly four values that are not negative. STABILIZE
 * clauses take none, because their band applies all year.
 */
export function checkQuarterlyTargets(
  polarity: Polarity,
  quarterly: readonly string[] | null | undefined,
  field: string,
): RuleViolation[] {
  if (quarterly == null) {
    return [];
  }
  if (polarity === Polarity.STABILIZE) {
    return [{ field, message: `${field} is not allowed for STABILIZE: the band applies all year` }];
  }
  if (quarterly.length !== 4) {
    return [{ field, message: `${field} has ${quarterly.length} values; give exactly 4 or none` }];
  }
  return quarterly.flatMap((value, index) => checkNotNegative(value, `${field}[${index}]`));
}

/** Rejects a negative target value, naming the field and the value. */
function checkNotNegative(value: string, field: string): RuleViolation[] {
  const parsed = toDec(value);
  if (!parsed.isNegative() || parsed.isZero()) {
    return [];
  }
  return [
    {
      field,
      message:
        `${field} ${value} is negative: targets must be 0 or more, because the attainment ` +
        'formulas would reward missing a negative target',
    },
  ];
}

/**
 * Checks that four quarterly targets are at least as ambitious as the yearly target they break
 * down. For SUM their total, for LAST the fourth quarter's target and for AVERAGE their mean
 * must reach the yearly target (MAXIMIZE) or stay within it (MINIMIZE). Returns nothing when a
 * side is missing or not four values, because other checks report that.
 */
export function checkQuarterlyBreakdown(
  polarity: Polarity,
  accumulation: Accumulation,
  yearly: string | null | undefined,
  quarterly: readonly string[] | null | undefined,
  field: string,
): RuleViolation[] {
  if (polarity === Polarity.STABILIZE || yearly == null || quarterly?.length !== 4) {
    return [];
  }
  const values = quarterly.map((value) => toDec(value));
  const sum = Dec.sum(...values);
  const combined = {
    [Accumulation.SUM]: { value: sum, text: 'add up to', rule: 'total' },
    [Accumulation.LAST]: { value: values[3], text: 'end at', rule: 'fourth quarter' },
    [Accumulation.AVERAGE]: { value: sum.div(4), text: 'average', rule: 'mean' },
  }[accumulation];
  const maximize = polarity === Polarity.MAXIMIZE;
  const ambitious = maximize ? combined.value.gte(yearly) : combined.value.lte(yearly);
  if (ambitious) {
    return [];
  }
  return [
    {
      field,
      message:
        `${field} ${combined.text} ${combined.value.toString()}, but the yearly target is ` +
        `${yearly}: for a ${polarity} ${accumulation} indicator their ${combined.rule} must be ` +
        `${maximize ? 'at least' : 'at most'} the yearly target`,
    },
  ];
}
