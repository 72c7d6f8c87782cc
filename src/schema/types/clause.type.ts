import { Field, ObjectType } from 'type-graphql';
import { NodeInterface } from '../relay/node.interface';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('Clause', {
  implements: NodeInterface,
  description:
    'Clause of a contract: an indicator with its weight (bobot), offered target (tawaran) and ' +
    'committed target (komitmen).',
})
export class ClauseType extends NodeInterface {
  @Field(() => DecimalScalar, {
    description: 'Share of the contract score in percent; a contract weights sum to 100.',
  })
  weight: string;

  @Field(() => String, { nullable: true, description: 'Why the OPD can reach its commitment.' })
  justification: string | null;

  @Field(() => [DecimalScalar], {
    nullable: true,
    description:
      'Four quarterly targets, or null. For SUM indicators each is the amount of its quarter; ' +
      'for LAST and AVERAGE each is the level expected in that quarter.',
  })
  quarterlyTargets: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget in rupiah (IDR).' })
  budget: string | null;
}
