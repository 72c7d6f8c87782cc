import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars/decimal.scalar';

/** Years accepted anywhere in the API. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Longest list accepted in one input. */
export const MAX_INPUT_ITEMS = 250;

@InputType('TargetInput', {
  description:
    'A target: give `value` for MAXIMIZE and MINIMIZE, `lower` and `upper` for STABILIZE.',
})
export class TargetInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'Single target value.' })
  @IsOptional()
  value?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Lower bound of a band.' })
  @IsOptional()
  lower?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Upper bound of a band.' })
  @IsOptional()
  upper?: string | null;
}
