import {
  Dec,
  DEFAULT_SCORING_POLICY,
  meanAttainment,
  Outcome,
  outcomeFor,
  Rating,
  type RatingBand,
  rateScore,
  recommendationFor,
  scoreContract,
  type ScoringPolicy,
  type WeightedAttainment,
} from '../../../src/scoring';

function clauses(...pairs: [weight: string, scoredAttainment: string][]): WeightedAttainment[] {
  return pairs.map(([weight, scoredAttainment]) => ({ weight, scoredAttainment }));
}

const CUSTOM_BANDS: RatingBand[] = [
  { rating: Rating.SEDANG, minScore: '70' },
  { rating: Rating.SANGAT_RENDAH, minScore: '0' },
  { rating: Rating.SANGAT_TINGGI, minScore: '90' },
  { rating: Rating.RENDAH, minScore: '60' },
  { rating: Rating.TINGGI, minScore: '80' },
];

const CUSTOM_POLICY: ScoringPolicy = {
  ...DEFAULT_SCORING_POLICY,
  ratingBands: CUSTOM_BANDS,
  rewardMinScore: '85',
  punishmentBelowScore: '50',
  rewardRecommendation: 'BONUS',
  punishmentRecommendation: 'WARNING',
};

describe('scoreContract weighted mean', () => {
  test.each<{ name: string; clauses: WeightedAttainment[]; score: string; rating: Rating }>([
    {
      name: 'single clause keeps attainment',
      clauses: clauses(['100', '80']),
      score: '80.00',
      rating: Rating.TINGGI,
    },
    {
      name: 'equal thirds keep 91',
      clauses: clauses(['33.33', '91'], ['33.33', '91'], ['33.34', '91']),
      score: '91.00',
      rating: Rating.SANGAT_TINGGI,
    },
    {
      name: 'thirds round up to 91',
      clauses: clauses(['33.33', '100'], ['33.33', '100'], ['33.34', '73']),
      score: '91.00',
      rating: Rating.SANGAT_TINGGI,
    },
    {
      name: 'exact 90.995 rounds up',
      clauses: clauses(['19.9', '95'], ['80.1', '90']),
      score: '91.00',
      rating: Rating.SANGAT_TINGGI,
    },
    {
      name: 'exact 76 stays 76',
      clauses: clauses(['69.6', '95'], ['30.4', '32.5']),
      score: '76.00',
      rating: Rating.TINGGI,
    },
    {
      name: 'equal halves average to 90.995',
      clauses: clauses(['50', '90.99'], ['50', '91']),
      score: '91.00',
      rating: Rating.SANGAT_TINGGI,
    },
    {
      name: 'capped and missing clauses average',
      clauses: clauses(['10', '120'], ['20', '0'], ['70', '100']),
      score: '82.00',
      rating: Rating.TINGGI,
    },
    {
      name: 'divides by total weight',
      clauses: clauses(['1', '90'], ['2', '60']),
      score: '70.00',
      rating: Rating.SEDANG,
    },
    {
      name: 'repeating mean rounds half up',
      clauses: clauses(['1', '100'], ['1', '100'], ['1', '0']),
      score: '66.67',
      rating: Rating.SEDANG,
    },
    {
      name: 'attainment 90.995 rounds up',
      clauses: clauses(['100', '90.995']),
      score: '91.00',
      rating: Rating.SANGAT_TINGGI,
    },
    {
      name: 'attainment 90.994999 rounds down',
      clauses: clauses(['100', '90.994999']),
      score: '90.99',
      rating: Rating.TINGGI,
    },
  ])('$name', ({ clauses: weighted, score, rating }) => {
    const result = scoreContract(weighted, DEFAULT_SCORING_POLICY);

    expect(result.score).toBe(score);
    expect(result.rating).toBe(rating);
  });

  test('accepts Dec inputs', () => {
    const weighted = [
      { weight: new Dec('40'), scoredAttainment: new Dec('100') },
      { weight: new Dec('60'), scoredAttainment: new Dec('50') },
    ];

    expect(scoreContract(weighted, DEFAULT_SCORING_POLICY).score).toBe('70.00');
  });

  test('empty clause list throws RangeError', () => {
    const run = () => scoreContract([], DEFAULT_SCORING_POLICY);

    expect(run).toThrow(RangeError);
    expect(run).toThrow('A contract score needs at least one clause');
  });

  test.each<{ name: string; clauses: WeightedAttainment[] }>([
    { name: 'single zero weight', clauses: clauses(['0', '100']) },
    { name: 'zero beside positive weight', clauses: clauses(['0', '10'], ['100', '80']) },
    { name: 'negative weight', clauses: clauses(['150', '0'], ['-50', '120']) },
  ])('$name throws RangeError', ({ clauses: weighted }) => {
    const run = () => scoreContract(weighted, DEFAULT_SCORING_POLICY);

    expect(run).toThrow(RangeError);
    expect(run).toThrow('Clause weights must be positive');
  });
});

describe('scoreContract default policy boundaries', () => {
  test.each<{
    attainment: string;
    score: string;
    rating: Rating;
    outcome: Outcome;
    recommendation: string | null;
  }>([
    {
      attainment: '120',
      score: '120.00',
      rating: Rating.SANGAT_TINGGI,
      outcome: Outcome.REWARD,
      recommendation: 'PROMOTION',
    },
    {
      attainment: '91',
      score: '91.00',
      rating: Rating.SANGAT_TINGGI,
      outcome: Outcome.REWARD,
      recommendation: 'PROMOTION',
    },
    {
      attainment: '90.99',
      score: '90.99',
      rating: Rating.TINGGI,
      outcome: Outcome.NONE,
      recommendation: null,
    },
    {
      attainment: '76',
      score: '76.00',
      rating: Rating.TINGGI,
      outcome: Outcome.NONE,
      recommendation: null,
    },
    {
      attainment: '75.99',
      score: '75.99',
      rating: Rating.SEDANG,
      outcome: Outcome.NONE,
      recommendation: null,
    },
    {
      attainment: '66',
      score: '66.00',
      rating: Rating.SEDANG,
      outcome: Outcome.NONE,
      recommendation: null,
    },
    {
      attainment: '65.99',
      score: '65.99',
      rating: Rating.RENDAH,
      outcome: Outcome.PUNISHMENT,
      recommendation: 'MUTATION',
    },
    {
      attainment: '51',
      score: '51.00',
      rating: Rating.RENDAH,
      outcome: Outcome.PUNISHMENT,
      recommendation: 'MUTATION',
    },
    {
      attainment: '50.99',
      score: '50.99',
      rating: Rating.SANGAT_RENDAH,
      outcome: Outcome.PUNISHMENT,
      recommendation: 'MUTATION',
    },
    {
      attainment: '0',
      score: '0.00',
      rating: Rating.SANGAT_RENDAH,
      outcome: Outcome.PUNISHMENT,
      recommendation: 'MUTATION',
    },
  ])(
    'attainment $attainment rates $rating',
    ({ attainment, score, rating, outcome, recommendation }) => {
      const result = scoreContract(clauses(['100', attainment]), DEFAULT_SCORING_POLICY);

      expect(result.score).toBe(score);
      expect(result.rating).toBe(rating);
      expect(result.outcome).toBe(outcome);
      expect(result.recommendation).toBe(recommendation);
    },
  );
});

describe('scoreContract custom policy', () => {
  test.each<{
    attainment: string;
    rating: Rating;
    outcome: Outcome;
    recommendation: string | null;
  }>([
    {
      attainment: '90',
      rating: Rating.SANGAT_TINGGI,
      outcome: Outcome.REWARD,
      recommendation: 'BONUS',
    },
    { attainment: '85', rating: Rating.TINGGI, outcome: Outcome.REWARD, recommendation: 'BONUS' },
    { attainment: '84.99', rating: Rating.TINGGI, outcome: Outcome.NONE, recommendation: null },
    { attainment: '79.99', rating: Rating.SEDANG, outcome: Outcome.NONE, recommendation: null },
    { attainment: '50', rating: Rating.SANGAT_RENDAH, outcome: Outcome.NONE, recommendation: null },
    {
      attainment: '49.99',
      rating: Rating.SANGAT_RENDAH,
      outcome: Outcome.PUNISHMENT,
      recommendation: 'WARNING',
    },
  ])('attainment $attainment gives $outcome', ({ attainment, rating, outcome, recommendation }) => {
    const result = scoreContract(clauses(['100', attainment]), CUSTOM_POLICY);

    expect(result.rating).toBe(rating);
    expect(result.outcome).toBe(outcome);
    expect(result.recommendation).toBe(recommendation);
  });
});

describe('rateScore', () => {
  test.each<{ score: string; rating: Rating }>([
    { score: '100', rating: Rating.SANGAT_TINGGI },
    { score: '90', rating: Rating.SANGAT_TINGGI },
    { score: '89.99', rating: Rating.TINGGI },
    { score: '80', rating: Rating.TINGGI },
    { score: '79.99', rating: Rating.SEDANG },
    { score: '70', rating: Rating.SEDANG },
    { score: '69.99', rating: Rating.RENDAH },
    { score: '60', rating: Rating.RENDAH },
    { score: '59.99', rating: Rating.SANGAT_RENDAH },
    { score: '0', rating: Rating.SANGAT_RENDAH },
  ])('custom bands rate $score', ({ score, rating }) => {
    expect(rateScore(score, CUSTOM_BANDS)).toBe(rating);
  });

  test('accepts a Dec score', () => {
    expect(rateScore(new Dec('76'), DEFAULT_SCORING_POLICY.ratingBands)).toBe(Rating.TINGGI);
  });

  test('below every band gets lowest', () => {
    const bands = [
      { rating: Rating.TINGGI, minScore: '50' },
      { rating: Rating.RENDAH, minScore: '10' },
    ];

    expect(rateScore('5', bands)).toBe(Rating.RENDAH);
  });
});

describe('outcomeFor and recommendationFor', () => {
  test.each<{ score: string; outcome: Outcome }>([
    { score: '91', outcome: Outcome.REWARD },
    { score: '90.99', outcome: Outcome.NONE },
    { score: '66', outcome: Outcome.NONE },
    { score: '65.99', outcome: Outcome.PUNISHMENT },
  ])('score $score gives $outcome', ({ score, outcome }) => {
    expect(outcomeFor(score, DEFAULT_SCORING_POLICY)).toBe(outcome);
  });

  test.each<{ outcome: Outcome; recommendation: string | null }>([
    { outcome: Outcome.REWARD, recommendation: 'BONUS' },
    { outcome: Outcome.PUNISHMENT, recommendation: 'WARNING' },
    { outcome: Outcome.NONE, recommendation: null },
  ])('$outcome recommends from policy', ({ outcome, recommendation }) => {
    expect(recommendationFor(outcome, CUSTOM_POLICY)).toBe(recommendation);
  });
});

describe('meanAttainment', () => {
  test('empty list returns null', () => {
    expect(meanAttainment([])).toBeNull();
  });

  test.each<{ name: string; values: (string | Dec)[]; mean: string }>([
    { name: 'single value keeps it', values: ['80'], mean: '80.00' },
    { name: 'two values average', values: ['100', '80'], mean: '90.00' },
    { name: 'zeros average to zero', values: ['0', '0'], mean: '0.00' },
    { name: 'exact 91 stays 91', values: ['100', '100', '73'], mean: '91.00' },
    { name: 'half cent rounds up', values: ['90', '91.99'], mean: '91.00' },
    { name: 'repeating third rounds down', values: ['1', '1', '2'], mean: '1.33' },
    { name: 'repeating two thirds rounds up', values: ['2', '2', '1'], mean: '1.67' },
    { name: 'Dec values are accepted', values: [new Dec('120'), '0'], mean: '60.00' },
  ])('$name', ({ values, mean }) => {
    expect(meanAttainment(values)).toBe(mean);
  });
});
