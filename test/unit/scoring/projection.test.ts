import {
  fitLine,
  MinimizeFormula,
  Polarity,
  projectIndicator,
  ProjectionStatus,
  statusFor,
  Dec,
} from '../../../src/scoring';

const BASE = {
  minimizeFormula: MinimizeFormula.DIFFERENCE,
  endYear: 2023,
  cap: '120',
  atRiskMinAttainment: '91',
};

describe('fitLine', () => {
  test('two points give the line through them', () => {
    const line = fitLine([
      { year: 2018, value: '50' },
      { year: 2019, value: '60' },
    ]);
    expect(line?.slope.toString()).toBe('10');
    expect(line?.intercept.plus(line.slope.mul(2023)).toString()).toBe('100');
  });

  test('three points give the least-squares line', () => {
    // Means 2019 and 58; deviations (-1, -8), (0, 2), (1, 6): slope 14 / 2 = 7.
    const line = fitLine([
      { year: 2018, value: '50' },
      { year: 2019, value: '60' },
      { year: 2020, value: '64' },
    ]);
    expect(line?.slope.toString()).toBe('7');
    expect(line?.intercept.toString()).toBe('-14075');
  });

  test('one year gives no line', () => {
    expect(fitLine([{ year: 2018, value: '1' }])).toBeNull();
  });
});

describe('projectIndicator', () => {
  test('MAXIMIZE falling short is off track', () => {
    const projection = projectIndicator({
      ...BASE,
      polarity: Polarity.MAXIMIZE,
      baseline: { year: 2018, value: '50' },
      realised: [
        { year: 2019, value: '60' },
        { year: 2020, value: '64' },
      ],
      endTarget: { value: '100' },
    });
    // Line 7 x year - 14075 gives 86 in 2023: 86 / 100 = 86 %, below the at-risk minimum 91.
    expect(projection.projectedValue?.toString()).toBe('86');
    expect(projection.projectedAttainment?.toString()).toBe('86');
    expect(projection.status).toBe(ProjectionStatus.OFF_TRACK);
  });

  test('MAXIMIZE slightly short is at risk', () => {
    const projection = projectIndicator({
      ...BASE,
      polarity: Polarity.MAXIMIZE,
      baseline: { year: 2018, value: '50' },
      realised: [
        { year: 2019, value: '60' },
        { year: 2020, value: '64' },
      ],
      endTarget: { value: '90' },
    });
    // 86 / 90 = 95.56 %.
    expect(projection.projectedAttainment?.toDecimalPlaces(2).toString()).toBe('95.56');
    expect(projection.status).toBe(ProjectionStatus.AT_RISK);
  });

  test('MINIMIZE decreasing fast is on track', () => {
    const projection = projectIndicator({
      ...BASE,
      polarity: Polarity.MINIMIZE,
      baseline: { year: 2018, value: '30' },
      realised: [
        { year: 2019, value: '28' },
        { year: 2020, value: '25' },
      ],
      endTarget: { value: '20' },
    });
    // Slope -5 / 2 = -2.5; the mean 83/3 at 2019 gives 83/3 - 10 = 17.6667 in 2023, and
    // (2 x 20 - 17.6667) / 20 = 111.67 %.
    expect(projection.projectedValue?.toDecimalPlaces(4).toString()).toBe('17.6667');
    expect(projection.projectedAttainment?.toDecimalPlaces(2).toString()).toBe('111.67');
    expect(projection.status).toBe(ProjectionStatus.ON_TRACK);
  });

  test('STABILIZE inside the band is on track', () => {
    const projection = projectIndicator({
      ...BASE,
      polarity: Polarity.STABILIZE,
      baseline: { year: 2018, value: '3' },
      realised: [{ year: 2019, value: '3.5' }],
      endTarget: { lower: '2', upper: '6' },
    });
    // 3 + 0.5 x 5 = 5.5 lies inside [2, 6].
    expect(projection.projectedValue?.toString()).toBe('5.5');
    expect(projection.status).toBe(ProjectionStatus.ON_TRACK);
  });

  test('fast fall projects zero, not negative', () => {
    const projection = projectIndicator({
      ...BASE,
      polarity: Polarity.MINIMIZE,
      minimizeFormula: MinimizeFormula.RATIO,
      baseline: { year: 2018, value: '14.5' },
      realised: [{ year: 2019, value: '10.4' }],
      endTarget: { value: '9.5' },
    });
    // The line reaches 14.5 - 4.1 x 5 = -6 in 2023; a rate cannot go below 0, and RATIO
    // scores a realisation of 0 at the cap.
    expect(projection.projectedValue?.toString()).toBe('0');
    expect(projection.projectedAttainment?.toString()).toBe('120');
    expect(projection.status).toBe(ProjectionStatus.ON_TRACK);
  });

  test('no realised year is insufficient data', () => {
    const projection = projectIndicator({
      ...BASE,
      polarity: Polarity.MAXIMIZE,
      baseline: { year: 2018, value: '50' },
      realised: [],
      endTarget: { value: '100' },
    });
    expect(projection.status).toBe(ProjectionStatus.INSUFFICIENT_DATA);
    expect(projection.projectedValue).toBeNull();
  });
});

describe('statusFor', () => {
  test.each([
    ['100', ProjectionStatus.ON_TRACK],
    ['99.99', ProjectionStatus.AT_RISK],
    ['91', ProjectionStatus.AT_RISK],
    ['90.99', ProjectionStatus.OFF_TRACK],
  ])('attainment %s is %s', (attainment, status) => {
    expect(statusFor(new Dec(attainment), '91')).toBe(status);
  });
});
