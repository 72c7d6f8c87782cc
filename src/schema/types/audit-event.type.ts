import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../entities/enums';
import { NodeInterface } from '../relay/node.interface';

@ObjectType('AuditEvent', {
  implements: NodeInterface,
  description: 'Record of one successful mutation, written in the same transaction.',
})
export class AuditEventType extends NodeInterface {
  @Field(() => Role, { nullable: true, description: 'Role of the actor at the time.' })
  actorRole: Role | null;

  @Field({ description: 'Mutation name, for example "signContract".' })
  action: string;

  @Field({ description: 'Type of the object changed, for example "Contract".' })
  entityType: string;

  @Field({ description: 'When it happened.' })
  occurredAt: Date;

  @Field({ description: 'SHA-256 of the canonical mutation input, secrets removed.' })
  inputDigest: string;
}
