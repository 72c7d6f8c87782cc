import {
  IsInt,
  IsOptional,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReviewVerdict } from '../../entities/enums';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { RequiredText, StorableText } from './text-rules';

@InputType('EvidenceInput', { description: 'Evidence (data dukung) behind a value.' })
export class EvidenceInput {
  @Field({ description: 'Where the value comes from (required).' })
  @RequiredText(500)
  dataSource: string;

  @Field(() => String, { nullable: true, description: 'http or https link to a document.' })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  documentUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  @IsOptional()
  @MaxLength(5000)
  @StorableText()
  note?: string | null;
}

@InputType('SubmitRealizationInput', { description: 'A quarterly value (realisasi) to report.' })
export class SubmitRealizationInput {
  @Field(() => ID, { description: 'Clause reported on.' })
  @Length(1, 200)
  clauseId: string;

  @Field(() => Int, { description: 'Quarter (triwulan), 1-4.' })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  @Field(() => DecimalScalar, { description: 'Value in the indicator unit.' })
  value: string;

  @Field(() => EvidenceInput, { description: 'Evidence behind the value.' })
  @ValidateNested()
  evidence: EvidenceInput;
}

@InputType('ScoreEvaluationInput', { description: 'A SIGNED contract to score for the year.' })
export class ScoreEvaluationInput {
  @Field(() => ID, { description: 'Contract to score.' })
  @Length(1, 200)
  contractId: string;
}

@InputType('FinalizeEvaluationInput', { description: 'A DRAFT evaluation to make FINAL.' })
export class FinalizeEvaluationInput {
  @Field(() => ID, { description: 'Evaluation to finalise.' })
  @Length(1, 200)
  evaluationId: string;
}

@InputType('ReviewRealizationInput', { description: 'An evaluator review of one realisation.' })
export class ReviewRealizationInput {
  @Field(() => ID, { description: 'Realisation reviewed.' })
  @Length(1, 200)
  realizationId: string;

  @Field(() => ReviewVerdict, { description: 'VERIFY or RETURN.' })
  verdict: ReviewVerdict;

  @Field(() => String, {
    nullable: true,
    description: 'Reviewer note; required for RETURN, to tell the OPD what to correct.',
  })
  @IsOptional()
  @MaxLength(5000)
  @StorableText()
  note?: string | null;
}

@InputType('DecideOutcomeInput', { description: 'The mayor decision on a FINAL evaluation.' })
export class DecideOutcomeInput {
  @Field(() => ID, { description: 'FINAL evaluation decided on.' })
  @Length(1, 200)
  evaluationId: string;

  @Field({
    description:
      'Decision, one of the plan policy decision options (default PROMOTION, MUTATION, ' +
      'NO_ACTION); it may differ from the recommendation.',
  })
  @RequiredText(60)
  decision: string;

  @Field(() => String, { nullable: true, description: 'Reasons for the decision.' })
  @IsOptional()
  @MaxLength(5000)
  @StorableText()
  note?: string | null;
}
