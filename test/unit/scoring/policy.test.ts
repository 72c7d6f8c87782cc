import {
  DEFAULT_RATING_BANDS,
  DEFAULT_SCORING_POLICY,
  MinimizeFormula,
  type PolicyViolation,
  Rating,
  type RatingBand,
  type ScoringPolicy,
  validateScoringPolicy,
} from '../../../src/scoring';

/** Default bands with the minimum scores replaced, in the default rating order. */
function bandsWithMinimums(...minScores: string[]): RatingBand[] {
  return DEFAULT_RATING_BANDS.map((band, index) => ({ ...band, minScore: minScores[index] }));
}

function fields(violations: PolicyViolation[]): string[] {
  return violations.map((violation) => violation.field);
}

describe('DEFAULT_SCORING_POLICY', () => {
  test('passes validation', () => {
    expect(validateScoringPolicy(DEFAULT_SCORING_POLICY)).toEqual([]);
  });

  test.each<{ name: string; key: keyof ScoringPolicy; value: unknown }>([
    { name: 'caps attainment at 120', key: 'attainmentCap', value: '120' },
    { name: 'uses DIFFERENCE formula', key: 'minimizeFormula', value: MinimizeFormula.DIFFERENCE },
    { name: 'rewards from 91', key: 'rewardMinScore', value: '91' },
    { name: 'punishes below 66', key: 'punishmentBelowScore', value: '66' },
    { name: 'recommends PROMOTION on reward', key: 'rewardRecommendation', value: 'PROMOTION' },
    {
      name: 'recommends MUTATION on punishment',
      key: 'punishmentRecommendation',
      value: 'MUTATION',
    },
  ])('$name', ({ key, value }) => {
    expect(DEFAULT_SCORING_POLICY[key]).toEqual(value);
  });

  test('lists five default rating bands', () => {
    expect(DEFAULT_SCORING_POLICY.ratingBands).toEqual([
      { rating: Rating.SANGAT_TINGGI, minScore: '91' },
      { rating: Rating.TINGGI, minScore: '76' },
      { rating: Rating.SEDANG, minScore: '66' },
      { rating: Rating.RENDAH, minScore: '51' },
      { rating: Rating.SANGAT_RENDAH, minScore: '0' },
    ]);
  });
});

describe('validateScoringPolicy', () => {
  test.each<{ name: string; change: Partial<ScoringPolicy> }>([
    { name: 'cap of exactly 100', change: { attainmentCap: '100' } },
    { name: 'cap of 150', change: { attainmentCap: '150' } },
    { name: 'cap of exactly 1000', change: { attainmentCap: '1000' } },
    {
      name: 'punishment equal to reward',
      change: { rewardMinScore: '80', punishmentBelowScore: '80' },
    },
    { name: 'RATIO formula', change: { minimizeFormula: MinimizeFormula.RATIO } },
    {
      name: 'single decision option',
      change: {
        decisionOptions: ['NO_ACTION'],
        rewardRecommendation: 'NO_ACTION',
        punishmentRecommendation: 'NO_ACTION',
      },
    },
  ])('accepts $name', ({ change }) => {
    expect(validateScoringPolicy({ ...DEFAULT_SCORING_POLICY, ...change })).toEqual([]);
  });

  test.each<{ name: string; change: Partial<ScoringPolicy>; violations: PolicyViolation[] }>([
    {
      name: 'cap below 100',
      change: { attainmentCap: '99.99' },
      violations: [
        {
          field: 'attainmentCap',
          message: 'attainmentCap 99.99 is invalid: it must be from 100 to 1000',
        },
      ],
    },
    {
      name: 'cap above 1000',
      change: { attainmentCap: '1000000' },
      violations: [
        {
          field: 'attainmentCap',
          message: 'attainmentCap 1000000 is invalid: it must be from 100 to 1000',
        },
      ],
    },
    {
      name: 'non-numeric cap',
      change: { attainmentCap: 'abc' },
      violations: [
        { field: 'attainmentCap', message: 'attainmentCap "abc" is not a decimal number' },
      ],
    },
    {
      name: 'duplicate rating',
      change: {
        ratingBands: [
          { rating: Rating.SANGAT_TINGGI, minScore: '91' },
          { rating: Rating.SANGAT_TINGGI, minScore: '76' },
          { rating: Rating.SEDANG, minScore: '66' },
          { rating: Rating.RENDAH, minScore: '51' },
          { rating: Rating.SANGAT_RENDAH, minScore: '0' },
        ],
      },
      violations: [
        {
          field: 'ratingBands',
          message:
            'ratingBands must name each rating exactly once ' +
            '(SANGAT_TINGGI, TINGGI, SEDANG, RENDAH, SANGAT_RENDAH)',
        },
      ],
    },
    {
      name: 'missing rating',
      change: { ratingBands: DEFAULT_RATING_BANDS.filter((band) => band.rating !== Rating.SEDANG) },
      violations: [
        {
          field: 'ratingBands',
          message:
            'ratingBands must name each rating exactly once ' +
            '(SANGAT_TINGGI, TINGGI, SEDANG, RENDAH, SANGAT_RENDAH)',
        },
      ],
    },
    {
      name: 'ascending band minimum',
      change: { ratingBands: bandsWithMinimums('91', '76', '80', '51', '0') },
      violations: [
        {
          field: 'ratingBands[2].minScore',
          message:
            'ratingBands[2].minScore 80 is invalid: bands must be in strictly descending order',
        },
      ],
    },
    {
      name: 'equal band minimums',
      change: { ratingBands: bandsWithMinimums('91', '76', '76', '51', '0') },
      violations: [
        {
          field: 'ratingBands[2].minScore',
          message:
            'ratingBands[2].minScore 76 is invalid: bands must be in strictly descending order',
        },
      ],
    },
    {
      name: 'lowest band above 0',
      change: { ratingBands: bandsWithMinimums('91', '76', '66', '51', '10') },
      violations: [
        {
          field: 'ratingBands[4].minScore',
          message: 'the lowest rating band must start at 0, but starts at 10',
        },
      ],
    },
    {
      name: 'lowest band below 0',
      change: { ratingBands: bandsWithMinimums('91', '76', '66', '51', '-1') },
      violations: [
        {
          field: 'ratingBands[4].minScore',
          message: 'the lowest rating band must start at 0, but starts at -1',
        },
      ],
    },
    {
      name: 'non-numeric band minimum',
      change: { ratingBands: bandsWithMinimums('91', 'high', '66', '51', '0') },
      violations: [
        {
          field: 'ratingBands[1].minScore',
          message: 'ratingBands[1].minScore "high" is not a decimal number',
        },
      ],
    },
    {
      name: 'punishment above reward',
      change: { rewardMinScore: '91', punishmentBelowScore: '91.01' },
      violations: [
        {
          field: 'punishmentBelowScore',
          message: 'punishmentBelowScore 91.01 is invalid: it must not exceed rewardMinScore 91',
        },
      ],
    },
    {
      name: 'non-numeric reward minimum',
      change: { rewardMinScore: '' },
      violations: [
        { field: 'rewardMinScore', message: 'rewardMinScore "" is not a decimal number' },
      ],
    },
    {
      name: 'non-numeric at-risk minimum',
      change: { atRiskMinAttainment: 'n/a' },
      violations: [
        {
          field: 'atRiskMinAttainment',
          message: 'atRiskMinAttainment "n/a" is not a decimal number',
        },
      ],
    },
    {
      name: 'empty decision options',
      change: { decisionOptions: [] },
      violations: [
        {
          field: 'decisionOptions',
          message: 'decisionOptions is empty: list at least one decision the mayor may record',
        },
      ],
    },
    {
      name: 'reward above the cap',
      change: { rewardMinScore: '2000' },
      violations: [
        {
          field: 'rewardMinScore',
          message:
            'rewardMinScore 2000 is invalid: it must be from 0 to the attainmentCap 120, ' +
            'because no score exceeds the cap',
        },
      ],
    },
    {
      name: 'negative punishment threshold',
      change: { punishmentBelowScore: '-1' },
      violations: [
        {
          field: 'punishmentBelowScore',
          message: 'punishmentBelowScore -1 is invalid: it must be 0 or more',
        },
      ],
    },
    {
      name: 'at-risk threshold above 100',
      change: { atRiskMinAttainment: '5000' },
      violations: [
        {
          field: 'atRiskMinAttainment',
          message:
            'atRiskMinAttainment 5000 is invalid: it must be from 0 to 100, because a ' +
            'projection of 100 or more is ON_TRACK',
        },
      ],
    },
    {
      name: 'repeated decision option',
      change: { decisionOptions: ['PROMOTION', 'MUTATION', 'PROMOTION'] },
      violations: [
        { field: 'decisionOptions', message: 'decisionOptions lists PROMOTION more than once' },
      ],
    },
    {
      name: 'recommendation outside the options',
      change: { rewardRecommendation: 'FOO' },
      violations: [
        {
          field: 'rewardRecommendation',
          message:
            'rewardRecommendation FOO is not one of the decisionOptions ' +
            '(PROMOTION, MUTATION, NO_ACTION): add it there or choose one of them',
        },
      ],
    },
  ])('reports $name', ({ change, violations }) => {
    expect(validateScoringPolicy({ ...DEFAULT_SCORING_POLICY, ...change })).toEqual(violations);
  });

  test('reports every broken rule', () => {
    const policy: ScoringPolicy = {
      ...DEFAULT_SCORING_POLICY,
      attainmentCap: '90',
      ratingBands: bandsWithMinimums('91', '76', '66', '70', '5'),
      punishmentBelowScore: '95',
      decisionOptions: [],
    };

    expect(fields(validateScoringPolicy(policy))).toEqual([
      'attainmentCap',
      'ratingBands[3].minScore',
      'ratingBands[4].minScore',
      'punishmentBelowScore',
      'rewardMinScore',
      'decisionOptions',
    ]);
  });
});
