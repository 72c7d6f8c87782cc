import { Field, ObjectType } from 'type-graphql';
import { MinimizeFormula, Rating } from '../../scoring/types';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('RatingBand', { description: 'A rating and the score from which it applies.' })
export class RatingBandType {
  @Field(() => Rating, { description: 'Rating (predikat) of the band.' })
  rating: Rating;

  @Field(() => DecimalScalar, { description: 'Lowest score of the band, inclusive.' })
  minScore: string;
}

@ObjectType('ScoringPolicy', {
  description: 'Scoring rules a city sets for a plan: cap, formulas, bands and outcomes.',
})
export class ScoringPolicyType {
  @Field(() => DecimalScalar, {
    description: 'Upper limit of the attainment used in scores (default 120).',
  })
  attainmentCap: string;

  @Field(() => MinimizeFormula, {
    description: 'Formula for MINIMIZE indicators that name none (default DIFFERENCE).',
  })
  minimizeFormula: MinimizeFormula;

  @Field(() => [RatingBandType], { description: 'Rating bands, highest first.' })
  ratingBands: RatingBandType[];

  @Field(() => DecimalScalar, { description: 'Score from which the outcome is REWARD.' })
  rewardMinScore: string;

  @Field(() => DecimalScalar, { description: 'Score below which the outcome is PUNISHMENT.' })
  punishmentBelowScore: string;

  @Field({ description: 'Recommendation for a REWARD outcome, for example PROMOTION.' })
  rewardRecommendation: string;

  @Field({ description: 'Recommendation for a PUNISHMENT outcome, for example MUTATION.' })
  punishmentRecommendation: string;

  @Field(() => [String], { description: 'Decisions the mayor may record on an outcome.' })
  decisionOptions: string[];

  @Field(() => DecimalScalar, {
    description: 'Projected attainment from which an indicator is at risk rather than off track.',
  })
  atRiskMinAttainment: string;
}
