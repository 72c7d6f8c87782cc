import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../relay/node.interface';
import { ScoringPolicyType } from './scoring-policy.type';

@Directive('@key(fields: "id")')
@ObjectType('Plan', {
  implements: NodeInterface,
  description: 'Five-year regional mid-term plan (RPJMD) with its missions and scoring policy.',
})
export class PlanType extends NodeInterface {
  @Field({ description: 'Short code, unique, for example "RPJMD-MALANG-2018-2023".' })
  code: string;

  @Field({ description: 'Title of the plan.' })
  title: string;

  @Field({ description: 'Government that owns the plan, for example "Kota Malang".' })
  governmentName: string;

  @Field(() => Int, { description: 'First year of the plan.' })
  startYear: number;

  @Field(() => Int, { description: 'Last year of the plan; end targets refer to it.' })
  endYear: number;

  @Field({ description: 'Vision (visi) of the plan.' })
  vision: string;

  @Field(() => ScoringPolicyType, { description: 'Scoring rules for the plan contracts.' })
  scoringPolicy: ScoringPolicyType;

  @Field({ description: 'When the plan was created.' })
  createdAt: Date;
}
