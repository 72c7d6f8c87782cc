import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** Largest page a client may request. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** Relay pagination arguments: `first`/`after` forward, `last`/`before` backward. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the start, 1-${MAX_PAGE_SIZE}.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end, 1-${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  @IsOptional()
  @MaxLength(200)
  before?: string | null;
}
