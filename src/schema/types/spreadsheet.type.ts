import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Opd } from '../../entities';
import { SpreadsheetFormat } from '../../exchange/spreadsheet';
import { MAX_LISTED_ROW_ERRORS } from '../../services/indicator-import.service';
import { MutationPayload } from '../payloads/payloads';
import { OpdType } from './opd.type';

registerEnumType(SpreadsheetFormat, {
  name: 'SpreadsheetFormat',
  description: 'File format of an imported or exported spreadsheet.',
  valuesConfig: {
    XLSX: { description: 'Excel workbook (.xlsx); one file with a sheet per table.' },
    CSV: {
      description:
        'CSV in UTF-8, one file per table. The import also reads semicolons as separators.',
    },
  },
});

@ObjectType('SpreadsheetFile', { description: 'A generated spreadsheet file.' })
export class SpreadsheetFileType {
  @Field({ description: 'Suggested file name, for example "evaluation-RPJMD-2019.xlsx".' })
  fileName: string;

  @Field({ description: 'Media type to save or serve the file with.' })
  mediaType: string;

  @Field(() => Int, { description: 'Size of the file in bytes, before base64 encoding.' })
  byteLength: number;

  @Field({ description: 'The file content, base64-encoded.' })
  contentBase64: string;
}

@ObjectType('ImportRowError', {
  description: 'A problem with one cell (or, on row 1, one column) of an imported file.',
})
export class ImportRowErrorType {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it; the header is 1.' })
  row: number;

  @Field({ description: 'Column header, for example "polarity" or "target_2020".' })
  column: string;

  @Field({ description: 'Cell reference such as "G5", or "row 5" when the column is missing.' })
  cell: string;

  @Field(() => String, {
    nullable: true,
    description: 'The cell content, shortened; null if empty.',
  })
  value: string | null;

  @Field({ description: 'The cell, the value and the rule it breaks.' })
  message: string;
}

@ObjectType('ImportSummary', { description: 'What an import stored.' })
export class ImportSummaryType {
  @Field(() => OpdType, { description: 'The OPD the rows were imported for.' })
  opd: Opd;

  @Field(() => Int, { description: 'Data rows in the file.' })
  rows: number;

  @Field(() => Int, { description: 'Tasks created; rows of a stored task reuse it.' })
  tasksCreated: number;

  @Field(() => Int, { description: 'Indicators created, with their yearly targets.' })
  indicatorsCreated: number;

  @Field(() => Int, {
    description: 'Rows equal to a stored indicator in every column, which changed nothing.',
  })
  indicatorsUnchanged: number;
}

@ObjectType('ImportIndicatorsPayload', {
  description:
    'Result of importIndicators: a summary when the whole file was imported, or the row ' +
    'errors when nothing was.',
})
export class ImportIndicatorsPayload extends MutationPayload {
  @Field(() => ImportSummaryType, { nullable: true, description: 'What the import stored.' })
  summary: ImportSummaryType | null;

  @Field(() => [ImportRowErrorType], {
    description:
      `Problems in the file, row by row and left to right: the first ${MAX_LISTED_ROW_ERRORS} ` +
      'when there are more (see rowErrorsTruncated); empty when the file was imported.',
  })
  rowErrors: ImportRowErrorType[];

  @Field(() => Int, {
    description: 'Number of problems found in the file, listed or not; 0 when it was imported.',
  })
  rowErrorCount: number;

  @Field({
    description:
      `Whether rowErrors leaves out problems, because there are more than ` +
      `${MAX_LISTED_ROW_ERRORS}; correct the listed ones and import again to see the rest.`,
  })
  rowErrorsTruncated: boolean;
}
