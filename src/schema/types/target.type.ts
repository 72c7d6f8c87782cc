import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('Target', {
  description: 'A target: `value` for MAXIMIZE and MINIMIZE, `lower` and `upper` for STABILIZE.',
})
export class TargetType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Single target value.' })
  value?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Lower bound of a band.' })
  lower?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Upper bound of a band.' })
  upper?: string | null;
}

@ObjectType('YearTarget', { description: 'Target of an indicator for one plan year.' })
export class YearTargetType {
  @Field(() => Int, { description: 'Plan year.' })
  year: number;

  @Field(() => TargetType, { description: 'Target for the year.' })
  target: TargetType;
}

@ObjectType('Baseline', { description: 'Starting point (titik nol) of an indicator.' })
export class BaselineType {
  @Field(() => Int, { description: 'Year of the baseline value.' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Value in that year.' })
  value: string;
}
