import {
  accumulate,
  Accumulation,
  Dec,
  Polarity,
  type QuarterValue,
  targetToDate,
  type TargetValue,
} from '../../../src/scoring';

const FULL_YEAR: QuarterValue[] = [
  { quarter: 1, value: '10' },
  { quarter: 2, value: '20' },
  { quarter: 3, value: '30' },
  { quarter: 4, value: '40' },
];

describe('accumulate', () => {
  test.each<{
    name: string;
    accumulation: Accumulation;
    values: QuarterValue[];
    upToQuarter: number;
    expected: string;
  }>([
    {
      name: 'SUM adds four quarters',
      accumulation: Accumulation.SUM,
      values: FULL_YEAR,
      upToQuarter: 4,
      expected: '100',
    },
    {
      name: 'LAST takes quarter 4',
      accumulation: Accumulation.LAST,
      values: FULL_YEAR,
      upToQuarter: 4,
      expected: '40',
    },
    {
      name: 'AVERAGE means four quarters',
      accumulation: Accumulation.AVERAGE,
      values: FULL_YEAR,
      upToQuarter: 4,
      expected: '25',
    },
    {
      name: 'SUM stops at quarter 2',
      accumulation: Accumulation.SUM,
      values: FULL_YEAR,
      upToQuarter: 2,
      expected: '30',
    },
    {
      name: 'LAST stops at quarter 2',
      accumulation: Accumulation.LAST,
      values: FULL_YEAR,
      upToQuarter: 2,
      expected: '20',
    },
    {
      name: 'AVERAGE stops at quarter 3',
      accumulation: Accumulation.AVERAGE,
      values: FULL_YEAR,
      upToQuarter: 3,
      expected: '20',
    },
    {
      name: 'SUM at quarter 1',
      accumulation: Accumulation.SUM,
      values: FULL_YEAR,
      upToQuarter: 1,
      expected: '10',
    },
    {
      name: 'SUM skips missing quarters',
      accumulation: Accumulation.SUM,
      values: [
        { quarter: 1, value: '10' },
        { quarter: 3, value: '30' },
      ],
      upToQuarter: 4,
      expected: '40',
    },
    {
      name: 'LAST takes latest reported quarter',
      accumulation: Accumulation.LAST,
      values: [
        { quarter: 1, value: '10' },
        { quarter: 3, value: '30' },
      ],
      upToQuarter: 4,
      expected: '30',
    },
    {
      name: 'AVERAGE ignores missing quarters',
      accumulation: Accumulation.AVERAGE,
      values: [
        { quarter: 1, value: '10' },
        { quarter: 3, value: '30' },
      ],
      upToQuarter: 4,
      expected: '20',
    },
    {
      name: 'LAST orders unsorted input',
      accumulation: Accumulation.LAST,
      values: [
        { quarter: 3, value: '30' },
        { quarter: 1, value: '10' },
        { quarter: 2, value: '20' },
      ],
      upToQuarter: 4,
      expected: '30',
    },
    {
      name: 'LAST keeps a zero value',
      accumulation: Accumulation.LAST,
      values: [
        { quarter: 1, value: '10' },
        { quarter: 2, value: '0' },
      ],
      upToQuarter: 4,
      expected: '0',
    },
    {
      name: 'SUM of decimals stays exact',
      accumulation: Accumulation.SUM,
      values: [
        { quarter: 1, value: '0.1' },
        { quarter: 2, value: '0.2' },
      ],
      upToQuarter: 4,
      expected: '0.3',
    },
    {
      name: 'AVERAGE of decimals stays exact',
      accumulation: Accumulation.AVERAGE,
      values: [
        { quarter: 1, value: '0.1' },
        { quarter: 2, value: '0.2' },
        { quarter: 4, value: '0.6' },
      ],
      upToQuarter: 4,
      expected: '0.3',
    },
    {
      name: 'SUM accepts Dec values',
      accumulation: Accumulation.SUM,
      values: [
        { quarter: 1, value: new Dec('1.5') },
        { quarter: 2, value: '2.5' },
      ],
      upToQuarter: 4,
      expected: '4',
    },
  ])('$name', ({ accumulation, values, upToQuarter, expected }) => {
    const result = accumulate(accumulation, values, upToQuarter);

    expect(result?.toString()).toBe(expected);
  });

  test('defaults to the whole year', () => {
    expect(accumulate(Accumulation.SUM, FULL_YEAR)?.toString()).toBe('100');
  });

  test.each([Accumulation.SUM, Accumulation.LAST, Accumulation.AVERAGE])(
    '%s returns null without values',
    (accumulation) => {
      expect(accumulate(accumulation, [])).toBeNull();
    },
  );

  test.each([Accumulation.SUM, Accumulation.LAST, Accumulation.AVERAGE])(
    '%s returns null before first value',
    (accumulation) => {
      const values = [{ quarter: 3, value: '30' }];

      expect(accumulate(accumulation, values, 2)).toBeNull();
    },
  );

  test('duplicate quarter throws RangeError', () => {
    const values = [
      { quarter: 2, value: '20' },
      { quarter: 1, value: '10' },
      { quarter: 2, value: '25' },
    ];
    const run = () => accumulate(Accumulation.SUM, values);

    expect(run).toThrow(RangeError);
    expect(run).toThrow('Quarter 2 has more than one counted value');
  });
});

describe('targetToDate', () => {
  const QUARTERLY = ['10', '20', '30', '40'];

  test.each<{
    name: string;
    polarity: Polarity;
    accumulation: Accumulation;
    yearly: TargetValue;
    quarterly: string[] | null;
    upToQuarter: number | null;
    expected: TargetValue;
  }>([
    {
      name: 'whole year uses yearly target',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '90' },
      quarterly: QUARTERLY,
      upToQuarter: null,
      expected: { value: '90' },
    },
    {
      name: 'whole year ignores scaling',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '90' },
      quarterly: null,
      upToQuarter: null,
      expected: { value: '90' },
    },
    {
      name: 'SUM scales to quarter 1',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '100' },
      quarterly: null,
      upToQuarter: 1,
      expected: { value: '25' },
    },
    {
      name: 'SUM scales to quarter 2',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '100' },
      quarterly: null,
      upToQuarter: 2,
      expected: { value: '50' },
    },
    {
      name: 'SUM scales to quarter 3',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '10' },
      quarterly: null,
      upToQuarter: 3,
      expected: { value: '7.5' },
    },
    {
      name: 'SUM at quarter 4 is yearly',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '100' },
      quarterly: null,
      upToQuarter: 4,
      expected: { value: '100' },
    },
    {
      name: 'MINIMIZE SUM scales too',
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '40' },
      quarterly: null,
      upToQuarter: 1,
      expected: { value: '10' },
    },
    {
      name: 'LAST without quarterly uses yearly',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.LAST,
      yearly: { value: '80' },
      quarterly: null,
      upToQuarter: 2,
      expected: { value: '80' },
    },
    {
      name: 'AVERAGE without quarterly uses yearly',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.AVERAGE,
      yearly: { value: '80' },
      quarterly: null,
      upToQuarter: 2,
      expected: { value: '80' },
    },
    {
      name: 'SUM adds quarterly targets',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '90' },
      quarterly: QUARTERLY,
      upToQuarter: 2,
      expected: { value: '30' },
    },
    {
      name: 'SUM adds all quarterly targets',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '90' },
      quarterly: QUARTERLY,
      upToQuarter: 4,
      expected: { value: '100' },
    },
    {
      name: 'LAST takes that quarter target',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.LAST,
      yearly: { value: '90' },
      quarterly: QUARTERLY,
      upToQuarter: 2,
      expected: { value: '20' },
    },
    {
      name: 'LAST takes quarter 1 target',
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      yearly: { value: '90' },
      quarterly: QUARTERLY,
      upToQuarter: 1,
      expected: { value: '10' },
    },
    {
      name: 'AVERAGE means quarterly targets',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.AVERAGE,
      yearly: { value: '90' },
      quarterly: QUARTERLY,
      upToQuarter: 3,
      expected: { value: '20' },
    },
    {
      name: 'quarterly decimals sum exactly',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      yearly: { value: '1' },
      quarterly: ['0.1', '0.2', '0.3', '0.4'],
      upToQuarter: 2,
      expected: { value: '0.3' },
    },
    {
      name: 'STABILIZE band stays unchanged',
      polarity: Polarity.STABILIZE,
      accumulation: Accumulation.SUM,
      yearly: { lower: '2', upper: '4' },
      quarterly: QUARTERLY,
      upToQuarter: 2,
      expected: { lower: '2', upper: '4' },
    },
    {
      name: 'STABILIZE band ignores scaling',
      polarity: Polarity.STABILIZE,
      accumulation: Accumulation.SUM,
      yearly: { lower: '2', upper: '4' },
      quarterly: null,
      upToQuarter: 1,
      expected: { lower: '2', upper: '4' },
    },
  ])('$name', ({ polarity, accumulation, yearly, quarterly, upToQuarter, expected }) => {
    const result = targetToDate(polarity, accumulation, yearly, quarterly, upToQuarter);

    expect(result).toEqual(expected);
  });
});

describe('quarter range checks', () => {
  test('accumulate rejects quarter 0', () => {
    expect(() => accumulate(Accumulation.SUM, [{ quarter: 0, value: '5' }])).toThrow(RangeError);
  });

  test('accumulate rejects upToQuarter 5', () => {
    expect(() => accumulate(Accumulation.SUM, [{ quarter: 1, value: '5' }], 5)).toThrow(RangeError);
  });

  test('targetToDate rejects three quarterly targets', () => {
    const run = () =>
      targetToDate(Polarity.MAXIMIZE, Accumulation.SUM, { value: '100' }, ['1', '2', '3'], 2);

    expect(run).toThrow('Expected 4 quarterly targets, received 3');
  });
});
