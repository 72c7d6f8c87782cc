import fc from 'fast-check';
import {
  computeAttainment,
  Dec,
  DEFAULT_SCORING_POLICY,
  MinimizeFormula,
  Polarity,
  rateScore,
  round2,
  scoreContract,
  type TargetValue,
} from '../../../src/scoring';

/** Decimal strings between `min` and `max` with up to `places` decimals. */
function decimal(min: number, max: number, places = 4): fc.Arbitrary<string> {
  const scale = 10 ** places;
  return fc
    .integer({ min: Math.round(min * scale), max: Math.round(max * scale) })
    .map((units) => new Dec(units).div(scale).toString());
}

const anyRealization = decimal(-10000, 10000);
const cap = decimal(100, 300, 2);
const positiveTarget = decimal(0.01, 10000);

/** A target of the polarity, zero included where the rules allow it. */
const targetOf: Record<Polarity, fc.Arbitrary<TargetValue>> = {
  [Polarity.MAXIMIZE]: decimal(0, 10000).map((value) => ({ value })),
  [Polarity.MINIMIZE]: decimal(0, 10000).map((value) => ({ value })),
  [Polarity.STABILIZE]: fc
    .tuple(decimal(0, 1000), decimal(0, 1000))
    .map(([a, b]) => (new Dec(a).lte(b) ? { lower: a, upper: b } : { lower: b, upper: a })),
};

/** Every formula with a target of its shape. */
const anyFormula = fc.oneof(
  fc.record({
    polarity: fc.constant(Polarity.MAXIMIZE),
    minimizeFormula: fc.constant(MinimizeFormula.DIFFERENCE),
    target: targetOf[Polarity.MAXIMIZE],
  }),
  fc.record({
    polarity: fc.constant(Polarity.MINIMIZE),
    minimizeFormula: fc.constantFrom(MinimizeFormula.DIFFERENCE, MinimizeFormula.RATIO),
    target: targetOf[Polarity.MINIMIZE],
  }),
  fc.record({
    polarity: fc.constant(Polarity.STABILIZE),
    minimizeFormula: fc.constant(MinimizeFormula.DIFFERENCE),
    target: targetOf[Polarity.STABILIZE],
  }),
);

/** Two values with the first not above the second. */
function ordered(arbitrary: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> {
  return fc.tuple(arbitrary, arbitrary).map(([a, b]) => (new Dec(a).lte(b) ? [a, b] : [b, a]));
}

function attainmentAt(
  formula: { polarity: Polarity; minimizeFormula: MinimizeFormula; target: TargetValue },
  realization: string,
  limit: string,
) {
  return computeAttainment({ ...formula, realization, cap: limit });
}

describe('attainment properties', () => {
  test('raw attainment never below 0', () => {
    fc.assert(
      fc.property(anyFormula, anyRealization, cap, (formula, realization, limit) => {
        expect(attainmentAt(formula, realization, limit).raw.gte(0)).toBe(true);
      }),
    );
  });

  test('capped attainment never above cap', () => {
    fc.assert(
      fc.property(anyFormula, anyRealization, cap, (formula, realization, limit) => {
        const attainment = attainmentAt(formula, realization, limit);
        expect(attainment.capped.lte(limit)).toBe(true);
        expect(attainment.capped.eq(Dec.min(attainment.raw, limit))).toBe(true);
        expect(attainment.isCapped).toBe(attainment.raw.gt(limit));
      }),
    );
  });

  test('MAXIMIZE rises with realisation', () => {
    fc.assert(
      fc.property(positiveTarget, ordered(anyRealization), cap, (value, [low, high], limit) => {
        const formula = {
          polarity: Polarity.MAXIMIZE,
          minimizeFormula: MinimizeFormula.DIFFERENCE,
          target: { value },
        };
        const atLow = attainmentAt(formula, low, limit);
        const atHigh = attainmentAt(formula, high, limit);
        expect(atLow.raw.lte(atHigh.raw)).toBe(true);
        expect(atLow.capped.lte(atHigh.capped)).toBe(true);
      }),
    );
  });

  test('MINIMIZE DIFFERENCE falls with realisation', () => {
    fc.assert(
      fc.property(positiveTarget, ordered(anyRealization), cap, (value, [low, high], limit) => {
        const formula = {
          polarity: Polarity.MINIMIZE,
          minimizeFormula: MinimizeFormula.DIFFERENCE,
          target: { value },
        };
        const atLow = attainmentAt(formula, low, limit);
        const atHigh = attainmentAt(formula, high, limit);
        expect(atLow.raw.gte(atHigh.raw)).toBe(true);
        expect(atLow.capped.gte(atHigh.capped)).toBe(true);
      }),
    );
  });

  // T / R is defined for R >= 0 only: a negative count of deaths or cases does not exist.
  test('MINIMIZE RATIO falls with realisation', () => {
    const realization = decimal(0, 10000);
    fc.assert(
      fc.property(positiveTarget, ordered(realization), cap, (value, [low, high], limit) => {
        const formula = {
          polarity: Polarity.MINIMIZE,
          minimizeFormula: MinimizeFormula.RATIO,
          target: { value },
        };
        const atLow = attainmentAt(formula, low, limit);
        const atHigh = attainmentAt(formula, high, limit);
        expect(atLow.capped.gte(atHigh.capped)).toBe(true);
      }),
    );
  });

  test('STABILIZE rises to band, falls after', () => {
    const band = ordered(decimal(0.01, 1000));
    fc.assert(
      fc.property(band, ordered(anyRealization), cap, ([lower, upper], [low, high], limit) => {
        const formula = {
          polarity: Polarity.STABILIZE,
          minimizeFormula: MinimizeFormula.DIFFERENCE,
          target: { lower, upper },
        };
        const atLow = attainmentAt(formula, low, limit);
        const atHigh = attainmentAt(formula, high, limit);
        if (new Dec(high).lte(lower)) {
          expect(atLow.raw.lte(atHigh.raw)).toBe(true);
        }
        if (new Dec(low).gte(upper)) {
          expect(atLow.raw.gte(atHigh.raw)).toBe(true);
        }
        const inside = new Dec(low).gte(lower) && new Dec(low).lte(upper);
        expect(atLow.raw.eq(100)).toBe(inside);
        expect(atLow.raw.lte(100)).toBe(true);
      }),
    );
  });
});

describe('contract score properties', () => {
  const clause = fc.record({
    weight: decimal(0.01, 100, 2),
    scoredAttainment: decimal(0, 300),
  });

  test('score between smallest and largest attainment', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 30 }), (clauses) => {
        const attainments = clauses.map((entry) => new Dec(entry.scoredAttainment));
        const score = new Dec(scoreContract(clauses, DEFAULT_SCORING_POLICY).score);
        expect(score.gte(round2(Dec.min(...attainments)))).toBe(true);
        expect(score.lte(round2(Dec.max(...attainments)))).toBe(true);
      }),
    );
  });

  test('score is weighted mean rounded half up', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 30 }), (clauses) => {
        const weights = clauses.map((entry) => new Dec(entry.weight));
        const weighted = clauses.map((entry, index) => weights[index].mul(entry.scoredAttainment));
        const exact = Dec.sum(...weighted).div(Dec.sum(...weights));
        const result = scoreContract(clauses, DEFAULT_SCORING_POLICY);

        expect(result.score).toBe(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
        expect(new Dec(result.score).minus(exact).abs().lte('0.005')).toBe(true);
        expect(result.rating).toBe(rateScore(result.score, DEFAULT_SCORING_POLICY.ratingBands));
      }),
    );
  });

  test('halfway values round up', () => {
    // k + 0.005 lies exactly between two cents; half up gives the upper one.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), (cents) => {
        const halfway = new Dec(cents).div(100).plus('0.005');
        const single = [{ weight: '100', scoredAttainment: halfway.toString() }];
        const expected = new Dec(cents + 1).div(100).toFixed(2);

        expect(round2(halfway)).toBe(expected);
        expect(scoreContract(single, DEFAULT_SCORING_POLICY).score).toBe(expected);
      }),
    );
  });
});
