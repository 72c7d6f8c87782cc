import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../entities/enums';
import { NodeInterface } from '../relay/node.interface';

@ObjectType('User', {
  implements: NodeInterface,
  description: 'A person who signs in. OPD roles act for exactly one OPD.',
})
export class UserType extends NodeInterface {
  @Field({ description: 'Sign-in name, unique.' })
  username: string;

  @Field({ description: 'Name shown to other users.' })
  displayName: string;

  @Field(() => Role, { description: 'Role, which decides what the user may do.' })
  role: Role;

  @Field({ description: 'Whether the user is blocked from signing in.' })
  disabled: boolean;

  @Field({ description: 'When the user was created.' })
  createdAt: Date;
}
