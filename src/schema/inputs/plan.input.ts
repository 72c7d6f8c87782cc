import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MinimizeFormula, Rating } from '../../scoring/types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { MAX_YEAR, MIN_YEAR } from './common.input';
import { RequiredText } from './text-rules';

@InputType('RatingBandInput', { description: 'A rating and the score from which it applies.' })
export class RatingBandInput {
  @Field(() => Rating, { description: 'Rating of the band.' })
  rating: Rating;

  @Field(() => DecimalScalar, { description: 'Lowest score of the band, inclusive.' })
  minScore: string;
}

@InputType('ScoringPolicyInput', {
  description: 'Scoring rules for a plan; every field left out takes the default.',
})
export class ScoringPolicyInput {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Attainment cap, from 100 to 1000 (default 120).',
  })
  @IsOptional()
  attainmentCap?: string;

  @Field(() => MinimizeFormula, {
    nullable: true,
    description: 'Default formula for MINIMIZE indicators (default DIFFERENCE).',
  })
  @IsOptional()
  minimizeFormula?: MinimizeFormula;

  @Field(() => [RatingBandInput], {
    nullable: true,
    description: 'One band per rating, highest minimum first; the last starts at 0.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  ratingBands?: RatingBandInput[];

  @Field(() => DecimalScalar, { nullable: true, description: 'REWARD from this score (91).' })
  @IsOptional()
  rewardMinScore?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'PUNISHMENT below this (66).' })
  @IsOptional()
  punishmentBelowScore?: string;

  @Field({ nullable: true, description: 'Recommendation for REWARD (PROMOTION).' })
  @IsOptional()
  @RequiredText(60)
  rewardRecommendation?: string;

  @Field({ nullable: true, description: 'Recommendation for PUNISHMENT (MUTATION).' })
  @IsOptional()
  @RequiredText(60)
  punishmentRecommendation?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Decisions the mayor may record (PROMOTION, MUTATION, NO_ACTION).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @RequiredText(60, { each: true })
  decisionOptions?: string[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Projected attainment from which an indicator is AT_RISK (91).',
  })
  @IsOptional()
  atRiskMinAttainment?: string;
}

@InputType('CreatePlanInput', { description: 'A new five-year plan (RPJMD).' })
export class CreatePlanInput {
  @Field({ description: 'Short code, unique: capitals, digits and dashes.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,39}$/, {
    message: 'code must be 1-40 characters of A-Z, 0-9 and dashes',
  })
  code: string;

  @Field({ description: 'Title.' })
  @RequiredText(300)
  title: string;

  @Field({ description: 'Government that owns the plan.' })
  @RequiredText(200)
  governmentName: string;

  @Field(() => Int, { description: `First year, ${MIN_YEAR}-${MAX_YEAR}.` })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  startYear: number;

  @Field(() => Int, { description: `Last year, ${MIN_YEAR}-${MAX_YEAR}.` })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  endYear: number;

  @Field({ description: 'Vision (visi).' })
  @RequiredText(5000)
  vision: string;

  @Field(() => ScoringPolicyInput, { nullable: true, description: 'Scoring rules.' })
  @IsOptional()
  @ValidateNested()
  scoringPolicy?: ScoringPolicyInput | null;
}

@InputType('CreateMissionInput', { description: 'A new mission (misi) of a plan.' })
export class CreateMissionInput {
  @Field(() => ID, { description: 'Plan the mission belongs to.' })
  @Length(1, 200)
  planId: string;

  @Field(() => Int, { description: 'Mission number, 1-99, unique within the plan.' })
  @IsInt()
  @Min(1)
  @Max(99)
  number: number;

  @Field({ description: 'Title.' })
  @RequiredText(500)
  title: string;

  @Field({ description: 'Longer description, with the source of the text.' })
  @Length(0, 5000)
  description: string;
}
