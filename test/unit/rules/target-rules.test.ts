import {
  checkAmbition,
  checkQuarterlyTargets,
  checkTargetShape,
  checkWeights,
} from '../../../src/rules/target-rules';
import { Polarity } from '../../../src/scoring/types';

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
