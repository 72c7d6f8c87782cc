import { Field, ObjectType } from 'type-graphql';
import { SignatoryRole } from '../../entities/enums';
import { NodeInterface } from '../relay/node.interface';

@ObjectType('Signature', {
  implements: NodeInterface,
  description: 'Signature of one party on a contract version.',
})
export class SignatureType extends NodeInterface {
  @Field(() => SignatoryRole, { description: 'Party that signed.' })
  role: SignatoryRole;

  @Field({ description: 'When the party signed.' })
  signedAt: Date;

  @Field({ description: 'Content hash of the clauses as they were when the party signed.' })
  contentHash: string;
}
