import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Accumulation, MinimizeFormula, Polarity } from '../../scoring/types';
import { TEXT_LIMITS } from '../../services/indicator.service';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { MAX_INPUT_ITEMS, MAX_YEAR, MIN_YEAR, TargetInput } from './common.input';
import { RequiredText } from './text-rules';

@InputType('CreateTaskInput', { description: 'A new duty (uraian tugas) of an OPD.' })
export class CreateTaskInput {
  @Field(() => ID, { description: 'The OPD; must be the caller own OPD.' })
  @Length(1, 200)
  opdId: string;

  @Field(() => ID, { description: 'Mission the task serves; the OPD must be assigned to it.' })
  @Length(1, 200)
  missionId: string;

  @Field({ description: 'What the OPD is charged with.' })
  @RequiredText(TEXT_LIMITS.taskDescription)
  description: string;
}

@InputType('YearTargetInput', { description: 'Target of an indicator for one plan year.' })
export class YearTargetInput {
  @Field(() => Int, { description: 'Plan year.' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => TargetInput, { description: 'Target for the year.' })
  @ValidateNested()
  target: TargetInput;
}

@InputType('CreateIndicatorInput', {
  description: 'A new indicator with baseline, end target and one target per plan year.',
})
export class CreateIndicatorInput {
  @Field(() => ID, { description: 'Task the indicator measures.' })
  @Length(1, 200)
  taskId: string;

  @Field({ description: 'Name.' })
  @RequiredText(TEXT_LIMITS.name)
  name: string;

  @Field({ description: 'Unit, for example "%".' })
  @RequiredText(TEXT_LIMITS.unit)
  unit: string;

  @Field({ description: 'How the value is defined and measured.' })
  @RequiredText(TEXT_LIMITS.definition)
  definition: string;

  @Field({ description: 'Where the values come from (required: targets need concrete data).' })
  @RequiredText(TEXT_LIMITS.dataSource)
  dataSource: string;

  @Field(() => Polarity, { description: 'Direction in which the indicator improves.' })
  polarity: Polarity;

  @Field(() => Accumulation, { description: 'How quarterly values combine.' })
  accumulation: Accumulation;

  @Field(() => MinimizeFormula, {
    nullable: true,
    description: 'Formula for a MINIMIZE indicator; empty means the plan policy decides.',
  })
  @IsOptional()
  minimizeFormula?: MinimizeFormula | null;

  @Field(() => Int, { description: 'Year of the baseline (titik nol).' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  baselineYear: number;

  @Field(() => DecimalScalar, { description: 'Baseline value.' })
  baselineValue: string;

  @Field(() => TargetInput, { description: 'Target for the plan end year (titik akhir).' })
  @ValidateNested()
  endTarget: TargetInput;

  @Field(() => [YearTargetInput], {
    description: 'One target for each plan year after the baseline year.',
  })
  @ArrayMaxSize(MAX_INPUT_ITEMS)
  @ValidateNested({ each: true })
  yearlyTargets: YearTargetInput[];
}
