import { Field, Int, ObjectType } from 'type-graphql';
import { RealizationStatus } from '../../entities/enums';
import { NodeInterface } from '../relay/node.interface';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('Evidence', { description: 'Evidence (data dukung) behind a reported value.' })
export class EvidenceType {
  @Field({ description: 'Where the value comes from.' })
  dataSource: string;

  @Field(() => String, { nullable: true, description: 'Link to a supporting document.' })
  documentUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  note: string | null;
}

@ObjectType('Realization', {
  implements: NodeInterface,
  description: 'Reported value (realisasi) of a clause for one quarter (triwulan).',
})
export class RealizationType extends NodeInterface {
  @Field(() => Int, { description: 'Quarter 1-4.' })
  quarter: number;

  @Field(() => DecimalScalar, { description: 'Reported value in the indicator unit.' })
  value: string;

  @Field(() => RealizationStatus, { description: 'Review state.' })
  status: RealizationStatus;

  @Field({ description: 'When the value was submitted.' })
  submittedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an evaluator reviewed it.' })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Reviewer note.' })
  reviewNote: string | null;
}
