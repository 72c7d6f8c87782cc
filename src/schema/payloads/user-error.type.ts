import { Field, ObjectType } from 'type-graphql';
import { UserErrorCode } from '../enums';

@ObjectType('UserError', {
  description: 'A business rule the mutation broke; nothing was changed.',
})
export class UserErrorType {
  @Field(() => String, {
    nullable: true,
    description: 'Path of the input field at fault, for example "clauses[2].weight".',
  })
  field: string | null;

  @Field({ description: 'The rule that was broken and the value that broke it.' })
  message: string;

  @Field(() => UserErrorCode, { description: 'Machine-readable reason.' })
  code: UserErrorCode;
}
