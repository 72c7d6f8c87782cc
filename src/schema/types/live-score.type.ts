import { Field, Int, ObjectType } from 'type-graphql';
import { ClauseScoreFlag, MinimizeFormula, Outcome, Rating } from '../../scoring/types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { TargetType } from './target.type';

@ObjectType('ClauseAttainment', {
  description:
    'Attainment (capaian) of a clause computed now from its counted realisations, for the ' +
    'whole year or up to a quarter.',
})
export class ClauseAttainmentType {
  @Field(() => Int, { nullable: true, description: 'Last quarter counted; null for the year.' })
  upToQuarter: number | null;

  @Field(() => TargetType, {
    description: 'Target compared with: the yearly commitment, or the target to date.',
  })
  target: TargetType;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Accumulated realisation; null when no quarter has a value.',
  })
  realization: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Attainment in percent before the cap, floored at 0; null when missing.',
  })
  rawAttainment: string | null;

  @Field(() => DecimalScalar, {
    description: 'Attainment used in scores: capped, or 0 when the realisation is missing.',
  })
  scoredAttainment: string;

  @Field(() => MinimizeFormula, {
    nullable: true,
    description: 'Formula applied; null unless the indicator is MINIMIZE.',
  })
  minimizeFormula: MinimizeFormula | null;

  @Field(() => [ClauseScoreFlag], { description: 'Conditions worth attention.' })
  flags: ClauseScoreFlag[];

  @Field({ description: 'The formula with its numbers, to check by hand.' })
  explanation: string;
}

@ObjectType('ContractProgress', {
  description: 'Weighted score of a contract computed now, for the year or up to a quarter.',
})
export class ContractProgressType {
  @Field(() => Int, { nullable: true, description: 'Last quarter counted; null for the year.' })
  upToQuarter: number | null;

  @Field(() => DecimalScalar, { description: 'Weighted score rounded half up to 2 decimals.' })
  score: string;

  @Field(() => Rating, { description: 'Rating band of the score.' })
  rating: Rating;

  @Field(() => Outcome, { description: 'Outcome the score would lead to.' })
  outcome: Outcome;

  @Field(() => String, { nullable: true, description: 'Policy recommendation for the outcome.' })
  recommendation: string | null;
}
