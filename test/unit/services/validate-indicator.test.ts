import type { Plan } from '../../../src/entities';
import { Accumulation, MinimizeFormula, Polarity } from '../../../src/scoring/types';
import {
  type CreateIndicatorData,
  validateIndicator,
} from '../../../src/services/indicator.service';

const PLAN = { code: 'RPJMD-TEST', startYear: 2018, endYear: 2023 } as Plan;

function indicator(changes: Partial<CreateIndicatorData> = {}): CreateIndicatorData {
  return {
    taskId: 1,
    name: 'School participation rate',
    unit: '%',
    definition: 'Pupils enrolled / children of school age x 100',
    dataSource: 'Dapodik',
    polarity: Polarity.MAXIMIZE,
    accumulation: Accumulation.LAST,
    minimizeFormula: null,
    baselineYear: 2018,
    baselineValue: '90',
    endTarget: { value: '98' },
    yearlyTargets: [2019, 2020, 2021, 2022, 2023].map((year) => ({
      year,
      target: { value: '95' },
    })),
    ...changes,
  };
}

describe('validateIndicator', () => {
  test('valid indicator passes', () => {
    expect(validateIndicator(indicator(), PLAN)).toEqual([]);
  });

  test('violations in field order', () => {
    const violations = validateIndicator(
      indicator({
        minimizeFormula: MinimizeFormula.RATIO,
        baselineYear: 2023,
        endTarget: { lower: '1', upper: '2' },
        yearlyTargets: [
          { year: 2030, target: { value: '1' } },
          { year: 2030, target: { lower: '1', upper: '2' } },
        ],
      }),
      PLAN,
    );
    expect(violations).toEqual([
      {
        field: 'minimizeFormula',
        message: 'minimizeFormula applies only to MINIMIZE indicators, not to MAXIMIZE',
      },
      {
        field: 'baselineYear',
        message:
          'baselineYear 2023 is invalid: it must lie from 2013 to 2022 for plan RPJMD-TEST ' +
          '(2018-2023)',
      },
      {
        field: 'endTarget',
        message: "endTarget must give value only, because the indicator's polarity is MAXIMIZE",
      },
      {
        field: 'yearlyTargets[0].year',
        message: 'yearlyTargets[0].year 2030 is outside plan years 2018-2023',
      },
      {
        field: 'yearlyTargets[1].year',
        message: 'yearlyTargets[1].year 2030 is outside plan years 2018-2023',
      },
      {
        field: 'yearlyTargets[1].year',
        message: 'yearlyTargets[1].year 2030 appears more than once',
      },
      {
        field: 'yearlyTargets[1].target',
        message:
          "yearlyTargets[1].target must give value only, because the indicator's polarity is " +
          'MAXIMIZE',
      },
    ]);
  });

  test('missing years listed', () => {
    const violations = validateIndicator(
      indicator({ baselineYear: 2020, yearlyTargets: [{ year: 2022, target: { value: '1' } }] }),
      PLAN,
    );
    expect(violations).toEqual([
      {
        field: 'yearlyTargets',
        message:
          'yearlyTargets has no target for 2021, 2023: every plan year after the baseline ' +
          'year needs one',
      },
    ]);
  });
});
