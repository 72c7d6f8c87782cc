import { Field, ObjectType } from 'type-graphql';
import { EvaluationStatus } from '../../entities/enums';
import { Outcome, Rating } from '../../scoring/types';
import { NodeInterface } from '../relay/node.interface';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('Evaluation', {
  implements: NodeInterface,
  description:
    'Yearly evaluation of a contract: weighted score, rating (predikat), outcome and the ' +
    'recommendation the policy gives for it.',
})
export class EvaluationType extends NodeInterface {
  @Field(() => EvaluationStatus, { description: 'DRAFT or FINAL.' })
  status: EvaluationStatus;

  @Field(() => DecimalScalar, {
    description:
      'Weighted mean of the exact (unrounded) clause attainments, rounded half up to two decimals.',
  })
  score: string;

  @Field(() => Rating, { description: 'Rating band of the rounded score.' })
  rating: Rating;

  @Field(() => Outcome, { description: 'Outcome of the rounded score.' })
  outcome: Outcome;

  @Field(() => String, {
    nullable: true,
    description: 'Policy recommendation for the outcome, for example PROMOTION; null for NONE.',
  })
  recommendation: string | null;

  @Field({ description: 'When it was last scored.' })
  scoredAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it became FINAL.' })
  finalizedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Decision the mayor recorded; may differ from the recommendation.',
  })
  decision: string | null;

  @Field(() => String, { nullable: true, description: 'Note on the decision.' })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the decision was recorded.' })
  decidedAt: Date | null;
}
