import {
  checkAmbition,
  checkQuarterlyBreakdown,
  checkQuarterlyTargets,
  checkTargetShape,
  checkWeights,
} from '../../../src/rules/target-rules';
import { Accumulation, Polarity } from '../../../src/scoring/types';

describe('checkTargetShape', () => {
  test.each([
    [Polarity.MAXIMIZE, { value: '1' }, 0],
    [Polarity.MINIMIZE, { value: '1' }, 0],
    [Polarity.MAXIMIZE, { lower: '1', upper: '2' }, 1],
    [Polarity.MAXIMIZE, {}, 1],
    [Polarity.STABILIZE, { lower: '1', upper: '2' }, 0],
    [Polarity.STABILIZE, { value: '1' }, 1],
    [Polarity.STABILIZE, { lower: '1' }, 1],
    [Polarity.STABILIZE, { lower: '3', upper: '2' }, 1],
  ])('%s with %j gives %i violations', (polarity, target, count) => {
    expect(checkTargetShape(polarity, target, 'target')).toHaveLength(count);
  });
});

describe('checkAmbition', () => {
  test.each([
    [Polarity.MAXIMIZE, { value: '100' }, { value: '100' }, true],
    [Polarity.MAXIMIZE, { value: '100' }, { value: '99.99' }, false],
    [Polarity.MINIMIZE, { value: '10' }, { value: '10' }, true],
    [Polarity.MINIMIZE, { value: '10' }, { value: '10.01' }, false],
    [Polarity.STABILIZE, { lower: '2', upper: '4' }, { lower: '2', upper: '4' }, true],
    [Polarity.STABILIZE, { lower: '2', upper: '4' }, { lower: '2.5', upper: '3' }, true],
    [Polarity.STABILIZE, { lower: '2', upper: '4' }, { lower: '1.9', upper: '3' }, false],
    [Polarity.STABILIZE, { lower: '2', upper: '4' }, { lower: '3', upper: '4.1' }, false],
  ])('%s offer %j bid %j accepted: %s', (polarity, offered, committed, accepted) => {
    expect(checkAmbition(polarity, offered, committed, 'bid')).toHaveLength(accepted ? 0 : 1);
  });
});

describe('checkWeights', () => {
  test('exact decimal sum of 100 accepted', () => {
    expect(checkWeights(['33.33', '33.33', '33.34'], 'clauses')).toEqual([]);
  });

  test('sum of 99.99 rejected', () => {
    expect(checkWeights(['33.33', '33.33', '33.33'], 'clauses')).toEqual([
      {
        field: 'clauses',
        message: 'The weights of clauses sum to 99.99, but they must sum to 100',
      },
    ]);
  });

  test('negative weight named by index', () => {
    const [violation] = checkWeights(['120', '-20'], 'clauses');
    expect(violation.field).toBe('clauses[1].weight');
  });
});

describe('checkQuarterlyTargets', () => {
  test('four values or none accepted', () => {
    expect(checkQuarterlyTargets(Polarity.MAXIMIZE, ['1', '2', '3', '4'], 'q')).toEqual([]);
    expect(checkQuarterlyTargets(Polarity.MAXIMIZE, null, 'q')).toEqual([]);
  });

  test('three values rejected', () => {
    expect(checkQuarterlyTargets(Polarity.MAXIMIZE, ['1', '2', '3'], 'q')).toHaveLength(1);
  });

  test('STABILIZE quarterly targets rejected', () => {
    expect(checkQuarterlyTargets(Polarity.STABILIZE, ['1', '2', '3', '4'], 'q')).toHaveLength(1);
  });
});

describe('checkQuarterlyBreakdown', () => {
  const { MAXIMIZE, MINIMIZE, STABILIZE } = Polarity;
  const { SUM, LAST, AVERAGE } = Accumulation;

  test.each([
    [MAXIMIZE, SUM, '100', ['20', '30', '25', '25']],
    [MAXIMIZE, SUM, '100', ['30', '30', '30', '30']],
    [MINIMIZE, SUM, '500', ['100', '100', '100', '100']],
    [MAXIMIZE, LAST, '80', ['79', '79.3', '79.7', '80']],
    [MINIMIZE, LAST, '13.5', ['13.4', '13.3', '13.1', '13']],
    [MAXIMIZE, AVERAGE, '10', ['8', '10', '10', '12']],
    [STABILIZE, SUM, '3', ['9', '9', '9', '9']],
  ])('accepts %s %s %s from %j', (polarity, accumulation, yearly, quarterly) => {
    expect(checkQuarterlyBreakdown(polarity, accumulation, yearly, quarterly, 'q')).toEqual([]);
  });

  test.each([
    [
      MAXIMIZE,
      SUM,
      '600',
      ['-1', '-2', '-3', '-4'],
      'q add up to -10, but the yearly target is 600',
    ],
    [MINIMIZE, SUM, '500', ['1000', '1000', '1000', '1000'], 'q add up to 4000'],
    [MAXIMIZE, LAST, '80', ['80', '80', '80', '79'], 'q end at 79'],
    [MINIMIZE, AVERAGE, '10', ['10', '10', '10', '11'], 'q average 10.25'],
  ])('rejects %s %s %s from %j', (polarity, accumulation, yearly, quarterly, start) => {
    const [violation] = checkQuarterlyBreakdown(polarity, accumulation, yearly, quarterly, 'q');
    expect(violation.field).toBe('q');
    expect(violation.message.startsWith(start)).toBe(true);
  });

  test('message states the rule', () => {
    const [violation] = checkQuarterlyBreakdown(
      MINIMIZE,
      SUM,
      '500',
      ['200', '200', '200', '0'],
      'q',
    );
    expect(violation.message).toBe(
      'q add up to 600, but the yearly target is 500: for a MINIMIZE SUM indicator their total ' +
        'must be at most the yearly target',
    );
  });

  test('missing yearly target or quarters skipped', () => {
    expect(checkQuarterlyBreakdown(MAXIMIZE, SUM, null, ['1', '1', '1', '1'], 'q')).toEqual([]);
    expect(checkQuarterlyBreakdown(MAXIMIZE, SUM, '4', null, 'q')).toEqual([]);
  });
});

describe('negative targets', () => {
  test('negative value rejected', () => {
    const [violation] = checkTargetShape(Polarity.MAXIMIZE, { value: '-2' }, 't');
    expect(violation.field).toBe('t.value');
    expect(violation.message).toContain('t.value -2 is negative');
  });

  test('zero and negative zero accepted', () => {
    expect(checkTargetShape(Polarity.MINIMIZE, { value: '0' }, 't')).toEqual([]);
    expect(checkTargetShape(Polarity.MINIMIZE, { value: '-0' }, 't')).toEqual([]);
  });

  test('negative band bound rejected', () => {
    const violations = checkTargetShape(Polarity.STABILIZE, { lower: '-10', upper: '-2' }, 't');
    expect(violations.map((violation) => violation.field)).toEqual(['t.lower', 't.upper']);
  });

  test('negative quarterly target rejected', () => {
    const [violation] = checkQuarterlyTargets(Polarity.MAXIMIZE, ['1', '-1', '1', '1'], 'q');
    expect(violation.field).toBe('q[1]');
  });
});
