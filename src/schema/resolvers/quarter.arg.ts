import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class QuarterArg {
  @Field(() => Int, {
    nullable: true,
    description: 'Count quarters 1 to this one (1-4) against the target to date; empty: the year.',
  })
  @IsOptional()
  @Min(1)
  @Max(4)
  upToQuarter?: number | null;
}
