import {
  Accumulation,
  ClauseScoreFlag,
  type ClauseScoreInput,
  Dec,
  MinimizeFormula,
  Polarity,
  scoreClause,
  scoreClauseAttainment,
  type ScoredQuarter,
  type TargetValue,
} from '../../../src/scoring';

const { MISSING_REALIZATION, UNVERIFIED_REALIZATION, CAPPED } = ClauseScoreFlag;

function quarters(...values: [quarter: number, value: string, verified: boolean][]) {
  return values.map(([quarter, value, verified]): ScoredQuarter => ({ quarter, value, verified }));
}

const MAXIMIZE_SUM: ClauseScoreInput = {
  polarity: Polarity.MAXIMIZE,
  accumulation: Accumulation.SUM,
  minimizeFormula: MinimizeFormula.DIFFERENCE,
  target: { value: '100' },
  quarterlyTargets: null,
  quarters: [],
};

interface ClauseRow {
  name: string;
  input: ClauseScoreInput;
  cap: string;
  upToQuarter: number | null;
  realization: string | undefined;
  targetUsed: TargetValue;
  scoredAttainment: string;
  flags: ClauseScoreFlag[];
}

const CLAUSE_ROWS: ClauseRow[] = [
  {
    name: 'verified full year scores attainment',
    input: {
      ...MAXIMIZE_SUM,
      quarters: quarters([1, '20', true], [2, '30', true], [3, '25', true], [4, '25', true]),
    },
    cap: '120',
    upToQuarter: null,
    realization: '100',
    targetUsed: { value: '100' },
    scoredAttainment: '100',
    flags: [],
  },
  {
    name: 'no quarters scores 0',
    input: MAXIMIZE_SUM,
    cap: '120',
    upToQuarter: null,
    realization: undefined,
    targetUsed: { value: '100' },
    scoredAttainment: '0',
    flags: [MISSING_REALIZATION],
  },
  {
    name: 'unreported MINIMIZE scores 0',
    input: { ...MAXIMIZE_SUM, polarity: Polarity.MINIMIZE, accumulation: Accumulation.LAST },
    cap: '120',
    upToQuarter: null,
    realization: undefined,
    targetUsed: { value: '100' },
    scoredAttainment: '0',
    flags: [MISSING_REALIZATION],
  },
  {
    name: 'only later quarters scores 0',
    input: { ...MAXIMIZE_SUM, quarters: quarters([3, '30', true], [4, '40', true]) },
    cap: '120',
    upToQuarter: 2,
    realization: undefined,
    targetUsed: { value: '50' },
    scoredAttainment: '0',
    flags: [MISSING_REALIZATION],
  },
  {
    name: 'unverified used quarter is flagged',
    input: {
      ...MAXIMIZE_SUM,
      quarters: quarters([1, '20', true], [2, '30', false], [3, '25', true]),
    },
    cap: '120',
    upToQuarter: null,
    realization: '75',
    targetUsed: { value: '100' },
    scoredAttainment: '75',
    flags: [UNVERIFIED_REALIZATION],
  },
  {
    name: 'unverified later quarter ignored',
    input: {
      ...MAXIMIZE_SUM,
      quarters: quarters([1, '20', true], [2, '30', true], [3, '25', false]),
    },
    cap: '120',
    upToQuarter: 2,
    realization: '50',
    targetUsed: { value: '50' },
    scoredAttainment: '100',
    flags: [],
  },
  {
    name: 'above cap is flagged',
    input: { ...MAXIMIZE_SUM, quarters: quarters([1, '70', true], [2, '80', true]) },
    cap: '120',
    upToQuarter: null,
    realization: '150',
    targetUsed: { value: '100' },
    scoredAttainment: '120',
    flags: [CAPPED],
  },
  {
    name: 'unverified and capped both flagged',
    input: { ...MAXIMIZE_SUM, quarters: quarters([1, '70', false], [2, '80', true]) },
    cap: '120',
    upToQuarter: null,
    realization: '150',
    targetUsed: { value: '100' },
    scoredAttainment: '120',
    flags: [UNVERIFIED_REALIZATION, CAPPED],
  },
  {
    name: 'cap comes from argument',
    input: { ...MAXIMIZE_SUM, quarters: quarters([1, '70', true], [2, '80', true]) },
    cap: '150',
    upToQuarter: null,
    realization: '150',
    targetUsed: { value: '100' },
    scoredAttainment: '150',
    flags: [],
  },
  {
    name: 'in-year SUM scales target',
    input: { ...MAXIMIZE_SUM, quarters: quarters([1, '20', true], [2, '30', true]) },
    cap: '120',
    upToQuarter: 2,
    realization: '50',
    targetUsed: { value: '50' },
    scoredAttainment: '100',
    flags: [],
  },
  {
    name: 'in-year LAST uses quarter target',
    input: {
      ...MAXIMIZE_SUM,
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      target: { value: '24' },
      quarterlyTargets: ['30', '28', '26', '24'],
      quarters: quarters([1, '29', true], [2, '28', true], [3, '27', true]),
    },
    cap: '120',
    upToQuarter: 2,
    realization: '28',
    targetUsed: { value: '28' },
    scoredAttainment: '100',
    flags: [],
  },
  {
    name: 'MINIMIZE uses DIFFERENCE formula',
    input: {
      ...MAXIMIZE_SUM,
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      target: { value: '10' },
      quarters: quarters([2, '8', true], [4, '5', true]),
    },
    cap: '250',
    upToQuarter: null,
    realization: '5',
    targetUsed: { value: '10' },
    scoredAttainment: '150',
    flags: [],
  },
  {
    name: 'MINIMIZE uses RATIO formula',
    input: {
      ...MAXIMIZE_SUM,
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      minimizeFormula: MinimizeFormula.RATIO,
      target: { value: '10' },
      quarters: quarters([2, '8', true], [4, '5', true]),
    },
    cap: '250',
    upToQuarter: null,
    realization: '5',
    targetUsed: { value: '10' },
    scoredAttainment: '200',
    flags: [],
  },
  {
    name: 'STABILIZE AVERAGE inside band',
    input: {
      ...MAXIMIZE_SUM,
      polarity: Polarity.STABILIZE,
      accumulation: Accumulation.AVERAGE,
      target: { lower: '2', upper: '4' },
      quarters: quarters([1, '3', true], [2, '5', true], [3, '4', true], [4, '4', true]),
    },
    cap: '120',
    upToQuarter: null,
    realization: '4',
    targetUsed: { lower: '2', upper: '4' },
    scoredAttainment: '100',
    flags: [],
  },
];

describe('scoreClause', () => {
  test.each<ClauseRow>(CLAUSE_ROWS)(
    '$name',
    ({ input, cap, upToQuarter, realization, targetUsed, scoredAttainment, flags }) => {
      const result = scoreClause(input, cap, upToQuarter);

      expect(result.realization?.toString()).toBe(realization);
      expect(result.targetUsed).toEqual(targetUsed);
      expect(result.scoredAttainment.toString()).toBe(scoredAttainment);
      expect(result.flags).toEqual(flags);
    },
  );

  test('missing realisation has no attainment', () => {
    const result = scoreClause(MAXIMIZE_SUM, '120', null);

    expect(result.realization).toBeNull();
    expect(result.attainment).toBeNull();
  });

  test.each<{ name: string; upToQuarter: number | null; explanation: string }>([
    {
      name: 'missing full year names quarter 4',
      upToQuarter: null,
      explanation: 'no realisation reported up to quarter 4: scores 0',
    },
    {
      name: 'missing in-year names its quarter',
      upToQuarter: 2,
      explanation: 'no realisation reported up to quarter 2: scores 0',
    },
  ])('$name', ({ upToQuarter, explanation }) => {
    const result = scoreClause(MAXIMIZE_SUM, '120', upToQuarter);

    expect(result.explanation).toBe(explanation);
  });

  test('capped clause keeps raw attainment', () => {
    const input = {
      ...MAXIMIZE_SUM,
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      target: { value: '10' },
      quarters: quarters([4, '5', true]),
    };

    const result = scoreClause(input, '120', null);

    expect(result.attainment?.raw.toString()).toBe('150');
    expect(result.attainment?.isCapped).toBe(true);
    expect(result.explanation).toBe(
      'MINIMIZE, DIFFERENCE: (2 x 10 - 5) / 10 x 100 = 150.00, capped at 120.00',
    );
  });
});

describe('scoreClauseAttainment', () => {
  test.each<ClauseRow>(CLAUSE_ROWS)('$name matches scoreClause', ({ input, cap, upToQuarter }) => {
    const full = scoreClause(input, cap, upToQuarter);

    const lean = scoreClauseAttainment(input, new Dec(cap), upToQuarter);

    expect(lean.scored.toString()).toBe(full.scoredAttainment.toString());
    expect(lean.raw?.toString()).toBe(full.attainment?.raw.toString());
  });

  test('missing realisation has no raw attainment', () => {
    const result = scoreClauseAttainment(MAXIMIZE_SUM, new Dec(120), null);

    expect(result.raw).toBeNull();
    expect(result.scored.toString()).toBe('0');
  });

  test('capped clause keeps raw attainment', () => {
    const input = {
      ...MAXIMIZE_SUM,
      polarity: Polarity.MINIMIZE,
      target: { value: '10' },
      quarters: quarters([4, '5', true]),
    };

    const result = scoreClauseAttainment(input, new Dec(120), null);

    expect(result.raw?.toString()).toBe('150');
    expect(result.scored.toString()).toBe('120');
  });

  test('four quarterly targets are required', () => {
    const input = { ...MAXIMIZE_SUM, quarterlyTargets: ['10', '20', '30'] };

    const run = () => scoreClauseAttainment(input, new Dec(120), 2);

    expect(run).toThrow('Expected 4 quarterly targets, received 3');
  });
});
