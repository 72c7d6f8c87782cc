import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { AmendmentReason, ContractStatus } from '../../entities/enums';
import { NodeInterface } from '../relay/node.interface';

@Directive('@key(fields: "id")')
@ObjectType('Contract', {
  implements: NodeInterface,
  description:
    'One version of the yearly performance contract (kontrak lelang, Perjanjian Kinerja) ' +
    'between the mayor and an OPD.',
})
export class ContractType extends NodeInterface {
  @Field(() => Int, { description: 'Contract year, inside the plan.' })
  year: number;

  @Field(() => Int, { description: 'Version number; amendments add versions.' })
  version: number;

  @Field(() => ContractStatus, { description: 'Lifecycle stage.' })
  status: ContractStatus;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the canonical clauses, fixed by the first signature.',
  })
  contentHash: string | null;

  @Field(() => AmendmentReason, { nullable: true, description: 'Why this version was made.' })
  amendmentReason: AmendmentReason | null;

  @Field(() => String, { nullable: true, description: 'Note on the amendment.' })
  amendmentNote: string | null;

  @Field({ description: 'When the targets were offered.' })
  offeredAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the OPD last bid.' })
  bidAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the second party signed.' })
  signedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the amendment was withdrawn; null unless the status is WITHDRAWN.',
  })
  withdrawnAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the amendment was withdrawn; null unless the status is WITHDRAWN.',
  })
  withdrawalNote: string | null;
}
