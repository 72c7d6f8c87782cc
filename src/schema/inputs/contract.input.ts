import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AmendmentReason } from '../../entities/enums';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { MAX_INPUT_ITEMS, MAX_YEAR, MIN_YEAR, TargetInput } from './common.input';
import { RequiredText } from './text-rules';

@InputType('OfferClauseInput', { description: 'One clause of an offer.' })
export class OfferClauseInput {
  @Field(() => ID, { description: 'Indicator of the OPD to contract on.' })
  @Length(1, 200)
  indicatorId: string;

  @Field(() => DecimalScalar, { description: 'Weight in percent; the weights sum to 100.' })
  weight: string;

  @Field(() => TargetInput, {
    nullable: true,
    description: 'Offered target; empty means the indicator target for the year.',
  })
  @IsOptional()
  @ValidateNested()
  offeredTarget?: TargetInput | null;

  @Field(() => [DecimalScalar], {
    nullable: true,
    description: 'Four quarterly targets, or empty; not for STABILIZE.',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  quarterlyTargets?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget in rupiah (IDR).' })
  @IsOptional()
  budget?: string | null;
}

@InputType('OfferContractInput', {
  description: 'Targets and weights (tawaran target) offered to one OPD for one year.',
})
export class OfferContractInput {
  @Field(() => ID, { description: 'Plan the contract serves.' })
  @Length(1, 200)
  planId: string;

  @Field(() => ID, { description: 'OPD offered the contract.' })
  @Length(1, 200)
  opdId: string;

  @Field(() => Int, { description: 'Contract year, inside the plan.' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => [OfferClauseInput], { description: 'Clauses, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INPUT_ITEMS)
  @ValidateNested({ each: true })
  clauses: OfferClauseInput[];
}

@InputType('BidClauseInput', { description: 'The OPD commitment (komitmen) for one clause.' })
export class BidClauseInput {
  @Field(() => ID, { description: 'Clause of the contract.' })
  @Length(1, 200)
  clauseId: string;

  @Field(() => TargetInput, { description: 'Committed target, at least as ambitious as offered.' })
  @ValidateNested()
  committedTarget: TargetInput;

  @Field({ description: 'How the target will be reached.' })
  @RequiredText(5000)
  justification: string;

  @Field(() => [DecimalScalar], {
    nullable: true,
    description: 'Four quarterly targets replacing the offered ones, or empty to keep them.',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  quarterlyTargets?: string[] | null;
}

@InputType('BidContractInput', { description: 'A bid (penawaran): one commitment per clause.' })
export class BidContractInput {
  @Field(() => ID, { description: 'Contract bid on.' })
  @Length(1, 200)
  contractId: string;

  @Field(() => [BidClauseInput], { description: 'Every clause of the contract, once.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INPUT_ITEMS)
  @ValidateNested({ each: true })
  clauses: BidClauseInput[];
}

@InputType('SignContractInput', {
  description: 'A contract to sign; the caller role decides the party (MAYOR or OPD_HEAD).',
})
export class SignContractInput {
  @Field(() => ID, { description: 'Contract to sign.' })
  @Length(1, 200)
  contractId: string;
}

@InputType('AmendContractInput', {
  description: 'A request to amend a SIGNED contract (revisi Perjanjian Kinerja).',
})
export class AmendContractInput {
  @Field(() => ID, { description: 'SIGNED contract version to amend.' })
  @Length(1, 200)
  contractId: string;

  @Field(() => AmendmentReason, { description: 'Legal reason for the amendment.' })
  reason: AmendmentReason;

  @Field({ description: 'What changed and why.' })
  @RequiredText(5000)
  note: string;
}

@InputType('WithdrawAmendmentInput', {
  description: 'A request to withdraw an amendment that both parties have not signed yet.',
})
export class WithdrawAmendmentInput {
  @Field(() => ID, { description: 'Amendment version to withdraw: OFFERED, BID or SIGNING.' })
  @Length(1, 200)
  contractId: string;

  @Field({ description: 'Why the amendment is withdrawn.' })
  @RequiredText(5000)
  note: string;
}

@InputType('ReviseOfferInput', {
  description: 'New clauses for a contract that nobody has signed yet.',
})
export class ReviseOfferInput {
  @Field(() => ID, { description: 'OFFERED or BID contract to revise.' })
  @Length(1, 200)
  contractId: string;

  @Field(() => [OfferClauseInput], { description: 'Clauses replacing the current ones.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INPUT_ITEMS)
  @ValidateNested({ each: true })
  clauses: OfferClauseInput[];
}
