import { IsBase64, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SpreadsheetFormat } from '../../exchange/spreadsheet';
import { MAX_YEAR, MIN_YEAR } from './common.input';

@InputType('ImportIndicatorsInput', {
  description:
    'A spreadsheet in the indicator template layout (see indicatorTemplate) for one OPD.',
})
export class ImportIndicatorsInput {
  @Field(() => ID, { description: 'Plan whose missions and years the file uses.' })
  @Length(1, 200)
  planId: string;

  @Field(() => ID, { description: 'OPD the tasks and indicators belong to.' })
  @Length(1, 200)
  opdId: string;

  @Field(() => SpreadsheetFormat, { description: 'Format of the file.' })
  format: SpreadsheetFormat;

  @Field({
    description: 'The file, base64-encoded; at most IMPORT_MAX_BYTES bytes before encoding.',
  })
  @IsBase64()
  contentBase64: string;
}

@ArgsType()
export class PlanFileArgs {
  @Field(() => ID, { description: 'Plan.' })
  @Length(1, 200)
  planId: string;

  @Field(() => SpreadsheetFormat, { defaultValue: SpreadsheetFormat.XLSX, description: 'Format.' })
  format: SpreadsheetFormat;
}

@ArgsType()
export class OpdIndicatorFileArgs extends PlanFileArgs {
  @Field(() => ID, { description: 'OPD whose tasks and indicators are exported.' })
  @Length(1, 200)
  opdId: string;
}

@ArgsType()
export class YearFileArgs extends PlanFileArgs {
  @Field(() => Int, { description: 'Contract year.' })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}
