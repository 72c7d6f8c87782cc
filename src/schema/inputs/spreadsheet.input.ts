import { isBase64, Length, Max, Min, ValidateBy } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SpreadsheetFormat } from '../../exchange/spreadsheet';
import { MAX_YEAR, MIN_YEAR } from './common.input';

/** White space that base64 tools put between groups of characters, such as line breaks. */
const BASE64_WHITESPACE = /\s+/g;

/** Returns base64 text without the spaces and line breaks that Base64Text allows in it. */
export function removeBase64Whitespace(base64: string): string {
  return base64.replace(BASE64_WHITESPACE, '');
}

/**
 * Base64 text (RFC 4648, standard alphabet and padding) in which spaces and line breaks are
 * ignored, because the `base64` command writes lines of 76 characters by default.
 */
function Base64Text(): PropertyDecorator {
  return ValidateBy({
    name: 'base64Text',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && isBase64(removeBase64Whitespace(value)),
      defaultMessage: () =>
        '$property must be base64 encoded: only the characters A-Z, a-z, 0-9, +, / and = ' +
        'padding, with optional spaces and line breaks',
    },
  });
}

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
    description:
      'The file, base64-encoded, with optional line breaks; at most IMPORT_MAX_BYTES bytes ' +
      'before encoding.',
  })
  @Base64Text()
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
