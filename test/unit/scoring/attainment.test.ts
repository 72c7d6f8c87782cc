import {
  computeAttainment,
  Dec,
  MinimizeFormula,
  Polarity,
  type TargetValue,
} from '../../../src/scoring';

interface AttainmentRow {
  name: string;
  target: string;
  realization: string;
  cap: string;
  raw: string;
  capped: string;
  isCapped: boolean;
}

interface BandRow {
  name: string;
  lower: string;
  upper: string;
  realization: string;
  raw: string;
}

function attain(
  polarity: Polarity,
  minimizeFormula: MinimizeFormula,
  target: TargetValue,
  realization: string | Dec,
  cap: string | Dec,
) {
  return computeAttainment({ polarity, minimizeFormula, target, realization, cap });
}

describe('computeAttainment for MAXIMIZE', () => {
  test.each<AttainmentRow>([
    {
      name: 'below target scores ratio',
      target: '100',
      realization: '80',
      cap: '120',
      raw: '80',
      capped: '80',
      isCapped: false,
    },
    {
      name: 'on target scores 100',
      target: '100',
      realization: '100',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'above cap 120 is capped',
      target: '100',
      realization: '130',
      cap: '120',
      raw: '130',
      capped: '120',
      isCapped: true,
    },
    {
      name: 'below cap 150 stays raw',
      target: '100',
      realization: '130',
      cap: '150',
      raw: '130',
      capped: '130',
      isCapped: false,
    },
    {
      name: 'above cap 100 is capped',
      target: '100',
      realization: '130',
      cap: '100',
      raw: '130',
      capped: '100',
      isCapped: true,
    },
    {
      name: 'raw equal to cap uncapped',
      target: '100',
      realization: '120',
      cap: '120',
      raw: '120',
      capped: '120',
      isCapped: false,
    },
    {
      name: 'zero realisation scores 0',
      target: '100',
      realization: '0',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
    {
      name: 'negative realisation floors at 0',
      target: '100',
      realization: '-10',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
    {
      name: 'zero target, zero realisation',
      target: '0',
      realization: '0',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'zero target, positive realisation',
      target: '0',
      realization: '5',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'zero target, negative realisation',
      target: '0',
      realization: '-1',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
    {
      name: 'decimal ratio stays exact',
      target: '0.7',
      realization: '0.07',
      cap: '120',
      raw: '10',
      capped: '10',
      isCapped: false,
    },
    {
      name: 'fractional inputs divide exactly',
      target: '12.5',
      realization: '10.125',
      cap: '120',
      raw: '81',
      capped: '81',
      isCapped: false,
    },
  ])('$name', ({ target, realization, cap, raw, capped, isCapped }) => {
    const result = attain(
      Polarity.MAXIMIZE,
      MinimizeFormula.DIFFERENCE,
      { value: target },
      realization,
      cap,
    );

    expect(result.raw.toString()).toBe(raw);
    expect(result.capped.toString()).toBe(capped);
    expect(result.isCapped).toBe(isCapped);
  });

  test('ignores the minimize formula', () => {
    const result = attain(Polarity.MAXIMIZE, MinimizeFormula.RATIO, { value: '100' }, '80', '120');

    expect(result.raw.toString()).toBe('80');
  });

  test('accepts Dec inputs', () => {
    const result = attain(
      Polarity.MAXIMIZE,
      MinimizeFormula.DIFFERENCE,
      { value: '40' },
      new Dec('50'),
      new Dec('110'),
    );

    expect(result.raw.toString()).toBe('125');
    expect(result.capped.toString()).toBe('110');
  });
});

describe('computeAttainment for MINIMIZE DIFFERENCE', () => {
  test.each<AttainmentRow>([
    {
      name: 'half of target scores 150',
      target: '10',
      realization: '5',
      cap: '120',
      raw: '150',
      capped: '120',
      isCapped: true,
    },
    {
      name: 'cap 150 keeps 150 uncapped',
      target: '10',
      realization: '5',
      cap: '150',
      raw: '150',
      capped: '150',
      isCapped: false,
    },
    {
      name: 'cap 100 limits 120',
      target: '10',
      realization: '8',
      cap: '100',
      raw: '120',
      capped: '100',
      isCapped: true,
    },
    {
      name: 'on target scores 100',
      target: '10',
      realization: '10',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'above target scores less',
      target: '10',
      realization: '15',
      cap: '120',
      raw: '50',
      capped: '50',
      isCapped: false,
    },
    {
      name: 'twice target scores 0',
      target: '10',
      realization: '20',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
    {
      name: 'beyond twice target floors',
      target: '10',
      realization: '25',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
    {
      name: 'zero realisation scores 200',
      target: '10',
      realization: '0',
      cap: '120',
      raw: '200',
      capped: '120',
      isCapped: true,
    },
    {
      name: 'zero target, zero realisation',
      target: '0',
      realization: '0',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'zero target, positive realisation',
      target: '0',
      realization: '3',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
    {
      name: 'decimal difference stays exact',
      target: '0.3',
      realization: '0.15',
      cap: '200',
      raw: '150',
      capped: '150',
      isCapped: false,
    },
  ])('$name', ({ target, realization, cap, raw, capped, isCapped }) => {
    const result = attain(
      Polarity.MINIMIZE,
      MinimizeFormula.DIFFERENCE,
      { value: target },
      realization,
      cap,
    );

    expect(result.raw.toString()).toBe(raw);
    expect(result.capped.toString()).toBe(capped);
    expect(result.isCapped).toBe(isCapped);
  });
});

describe('computeAttainment for MINIMIZE RATIO', () => {
  test.each<AttainmentRow>([
    {
      name: 'half of target scores 200',
      target: '10',
      realization: '5',
      cap: '120',
      raw: '200',
      capped: '120',
      isCapped: true,
    },
    {
      name: 'slightly below target exceeds cap',
      target: '10',
      realization: '8',
      cap: '120',
      raw: '125',
      capped: '120',
      isCapped: true,
    },
    {
      name: 'on target scores 100',
      target: '10',
      realization: '10',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'twice target scores 50',
      target: '10',
      realization: '20',
      cap: '120',
      raw: '50',
      capped: '50',
      isCapped: false,
    },
    {
      name: 'zero realisation scores cap 120',
      target: '10',
      realization: '0',
      cap: '120',
      raw: '120',
      capped: '120',
      isCapped: false,
    },
    {
      name: 'zero realisation scores cap 150',
      target: '10',
      realization: '0',
      cap: '150',
      raw: '150',
      capped: '150',
      isCapped: false,
    },
    {
      name: 'zero realisation scores cap 100',
      target: '10',
      realization: '0',
      cap: '100',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'zero target, zero realisation',
      target: '0',
      realization: '0',
      cap: '120',
      raw: '100',
      capped: '100',
      isCapped: false,
    },
    {
      name: 'zero target, positive realisation',
      target: '0',
      realization: '4',
      cap: '120',
      raw: '0',
      capped: '0',
      isCapped: false,
    },
  ])('$name', ({ target, realization, cap, raw, capped, isCapped }) => {
    const result = attain(
      Polarity.MINIMIZE,
      MinimizeFormula.RATIO,
      { value: target },
      realization,
      cap,
    );

    expect(result.raw.toString()).toBe(raw);
    expect(result.capped.toString()).toBe(capped);
    expect(result.isCapped).toBe(isCapped);
  });
});

describe('computeAttainment for STABILIZE', () => {
  test.each<BandRow>([
    { name: 'below band scales to lower', lower: '2', upper: '4', realization: '1', raw: '50' },
    { name: 'zero below band scores 0', lower: '2', upper: '4', realization: '0', raw: '0' },
    { name: 'lower edge is inside', lower: '2', upper: '4', realization: '2', raw: '100' },
    { name: 'middle of band is inside', lower: '2', upper: '4', realization: '3', raw: '100' },
    { name: 'upper edge is inside', lower: '2', upper: '4', realization: '4', raw: '100' },
    { name: 'above band mirrors upper', lower: '2', upper: '4', realization: '5', raw: '75' },
    { name: 'twice upper scores 0', lower: '2', upper: '4', realization: '8', raw: '0' },
    { name: 'far above band floors', lower: '2', upper: '4', realization: '9', raw: '0' },
    { name: 'zero lower edge is inside', lower: '0', upper: '5', realization: '0', raw: '100' },
    { name: 'below zero lower scores 0', lower: '0', upper: '5', realization: '-1', raw: '0' },
    { name: 'above band from 0', lower: '0', upper: '5', realization: '6', raw: '80' },
    { name: 'zero-width zero band inside', lower: '0', upper: '0', realization: '0', raw: '100' },
    { name: 'above zero-width zero band', lower: '0', upper: '0', realization: '1', raw: '0' },
    { name: 'below zero-width zero band', lower: '0', upper: '0', realization: '-1', raw: '0' },
    { name: 'above band ending at 0', lower: '-2', upper: '0', realization: '1', raw: '0' },
    { name: 'inside band ending at 0', lower: '-2', upper: '0', realization: '-1', raw: '100' },
    { name: 'single-point band is inside', lower: '3', upper: '3', realization: '3', raw: '100' },
    {
      name: 'decimal band edge inside',
      lower: '0.1',
      upper: '0.3',
      realization: '0.3',
      raw: '100',
    },
  ])('$name', ({ lower, upper, realization, raw }) => {
    const result = attain(
      Polarity.STABILIZE,
      MinimizeFormula.DIFFERENCE,
      { lower, upper },
      realization,
      '120',
    );

    expect(result.raw.toString()).toBe(raw);
    expect(result.capped.toString()).toBe(raw);
    expect(result.isCapped).toBe(false);
  });
});

describe('computeAttainment explanation', () => {
  test.each<{
    name: string;
    polarity: Polarity;
    formula: MinimizeFormula;
    target: TargetValue;
    realization: string;
    cap: string;
    explanation: string;
  }>([
    {
      name: 'MAXIMIZE shows ratio',
      polarity: Polarity.MAXIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '100' },
      realization: '80',
      cap: '120',
      explanation: 'MAXIMIZE: 80 / 100 x 100 = 80.00',
    },
    {
      name: 'MAXIMIZE rounds half up',
      polarity: Polarity.MAXIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '3' },
      realization: '2',
      cap: '120',
      explanation: 'MAXIMIZE: 2 / 3 x 100 = 66.67',
    },
    {
      name: 'decimals shown to four places',
      polarity: Polarity.MAXIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '12.50' },
      realization: '1.23456',
      cap: '120',
      explanation: 'MAXIMIZE: 1.2346 / 12.5 x 100 = 9.88',
    },
    {
      name: 'MAXIMIZE zero target',
      polarity: Polarity.MAXIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '0' },
      realization: '5',
      cap: '120',
      explanation: 'MAXIMIZE with target 0: realisation 5 >= 0 = 100.00',
    },
    {
      name: 'MAXIMIZE zero target, negative',
      polarity: Polarity.MAXIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '0' },
      realization: '-1',
      cap: '120',
      explanation: 'MAXIMIZE with target 0: realisation -1 < 0 = 0.00',
    },
    {
      name: 'DIFFERENCE shows cap',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '10' },
      realization: '5',
      cap: '120',
      explanation: 'MINIMIZE, DIFFERENCE: (2 x 10 - 5) / 10 x 100 = 150.00, capped at 120.00',
    },
    {
      name: 'DIFFERENCE shows floor',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '10' },
      realization: '25',
      cap: '120',
      explanation: 'MINIMIZE, DIFFERENCE: (2 x 10 - 25) / 10 x 100 = -50.00, floored at 0.00',
    },
    {
      name: 'DIFFERENCE zero target',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { value: '0' },
      realization: '0',
      cap: '120',
      explanation: 'MINIMIZE, DIFFERENCE with target 0: realisation 0 = 0 = 100.00',
    },
    {
      name: 'RATIO shows cap',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.RATIO,
      target: { value: '10' },
      realization: '5',
      cap: '120',
      explanation: 'MINIMIZE, RATIO: 10 / 5 x 100 = 200.00, capped at 120.00',
    },
    {
      name: 'RATIO under cap 150',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.RATIO,
      target: { value: '10' },
      realization: '8',
      cap: '150',
      explanation: 'MINIMIZE, RATIO: 10 / 8 x 100 = 125.00',
    },
    {
      name: 'RATIO zero realisation',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.RATIO,
      target: { value: '10' },
      realization: '0',
      cap: '120',
      explanation: 'MINIMIZE, RATIO: realisation 0 scores the cap = 120.00',
    },
    {
      name: 'RATIO zero target',
      polarity: Polarity.MINIMIZE,
      formula: MinimizeFormula.RATIO,
      target: { value: '0' },
      realization: '3',
      cap: '120',
      explanation: 'MINIMIZE, RATIO with target 0: realisation 3 != 0 = 0.00',
    },
    {
      name: 'STABILIZE inside band',
      polarity: Polarity.STABILIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { lower: '2', upper: '4' },
      realization: '3',
      cap: '120',
      explanation: 'STABILIZE, band [2, 4]: 3 inside the band = 100.00',
    },
    {
      name: 'STABILIZE below band',
      polarity: Polarity.STABILIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { lower: '2', upper: '4' },
      realization: '1',
      cap: '120',
      explanation: 'STABILIZE, band [2, 4]: below the band, 1 / 2 x 100 = 50.00',
    },
    {
      name: 'STABILIZE above band',
      polarity: Polarity.STABILIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { lower: '2', upper: '4' },
      realization: '5',
      cap: '120',
      explanation: 'STABILIZE, band [2, 4]: above the band, (2 x 4 - 5) / 4 x 100 = 75.00',
    },
    {
      name: 'STABILIZE below zero lower',
      polarity: Polarity.STABILIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { lower: '0', upper: '5' },
      realization: '-1',
      cap: '120',
      explanation: 'STABILIZE, band [0, 5]: -1 below a band that starts at 0 = 0.00',
    },
    {
      name: 'STABILIZE above zero upper',
      polarity: Polarity.STABILIZE,
      formula: MinimizeFormula.DIFFERENCE,
      target: { lower: '-2', upper: '0' },
      realization: '1',
      cap: '120',
      explanation: 'STABILIZE, band [-2, 0]: 1 above a band that ends at 0 = 0.00',
    },
  ])('$name', ({ polarity, formula, target, realization, cap, explanation }) => {
    const result = attain(polarity, formula, target, realization, cap);

    expect(result.explanation).toBe(explanation);
  });
});

describe('computeAttainment input checks', () => {
  test.each<{ name: string; polarity: Polarity; target: TargetValue; message: RegExp }>([
    {
      name: 'MAXIMIZE without value',
      polarity: Polarity.MAXIMIZE,
      target: {},
      message: /needs a target value/,
    },
    {
      name: 'MINIMIZE with null value',
      polarity: Polarity.MINIMIZE,
      target: { value: null, lower: '1', upper: '2' },
      message: /needs a target value/,
    },
    {
      name: 'STABILIZE without upper bound',
      polarity: Polarity.STABILIZE,
      target: { lower: '1', value: '2' },
      message: /needs a target band/,
    },
    {
      name: 'STABILIZE with lower above upper',
      polarity: Polarity.STABILIZE,
      target: { lower: '5', upper: '4' },
      message: /^Target band lower bound 5 exceeds upper 4$/,
    },
  ])('$name throws RangeError', ({ polarity, target, message }) => {
    const run = () => attain(polarity, MinimizeFormula.DIFFERENCE, target, '1', '120');

    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });

  test('infinite realisation throws RangeError', () => {
    const run = () =>
      attain(Polarity.MAXIMIZE, MinimizeFormula.DIFFERENCE, { value: '10' }, 'Infinity', '120');

    expect(run).toThrow(RangeError);
  });
});
