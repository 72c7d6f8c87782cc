import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { InvalidInputError } from '../../errors/app-errors';
import { SpreadsheetFileError } from '../../exchange/file-limits';
import type { SpreadsheetFile } from '../../exchange/spreadsheet';
import type { ImportRowError } from '../../exchange/cell-parsers';
import {
  ImportRejectedError,
  type ImportSummary,
  MAX_LISTED_ROW_ERRORS,
} from '../../services/indicator-import.service';
import { GraphQLContext } from '../context';
import {
  ImportIndicatorsInput,
  OpdIndicatorFileArgs,
  PlanFileArgs,
  removeBase64Whitespace,
  YearFileArgs,
} from '../inputs/spreadsheet.input';
import { type Nullable, runMutation, type WithUserErrors } from '../mutation';
import { decodeId } from '../relay/global-id';
import { ImportIndicatorsPayload, SpreadsheetFileType } from '../types/spreadsheet.type';
import { QuarterArg } from './quarter.arg';

/** Payload fields of importIndicators besides the user errors. */
interface ImportResult {
  summary: ImportSummary;
  rowErrors: ImportRowError[];
  rowErrorCount: number;
  rowErrorsTruncated: boolean;
}

@Resolver()
export class SpreadsheetResolver {
  @Authorized()
  @Query(() => [SpreadsheetFileType], {
    description:
      'The empty import template of a plan: the Indicators sheet, and in XLSX a Guide sheet ' +
      'explaining each column and a Missions sheet.',
  })
  async indicatorTemplate(
    @Args(() => PlanFileArgs) args: PlanFileArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SpreadsheetFileType[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    return toFileTypes(await context.services.spreadsheets.indicatorTemplate(planId, args.format));
  }

  @Authorized()
  @Query(() => [SpreadsheetFileType], {
    description:
      'Tasks and indicators of an OPD under a plan in the import template layout; importing ' +
      'the file again changes nothing.',
  })
  async indicatorExport(
    @Args(() => OpdIndicatorFileArgs) args: OpdIndicatorFileArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SpreadsheetFileType[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    const opdId = decodeId(args.opdId, 'Opd', 'opdId');
    return toFileTypes(await context.services.spreadsheets.indicators(planId, opdId, args.format));
  }

  @Authorized()
  @Query(() => [SpreadsheetFileType], {
    description:
      'Evaluation results of a year: per SIGNED contract the score, rating, outcome, ' +
      'recommendation and decision, and per clause the formula inputs and attainment.',
  })
  async evaluationExport(
    @Args(() => YearFileArgs) args: YearFileArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<SpreadsheetFileType[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    const files = await context.services.spreadsheets.evaluationResults(
      planId,
      args.year,
      args.format,
    );
    return toFileTypes(files);
  }

  @Authorized()
  @Query(() => [SpreadsheetFileType], {
    description: 'Mission attainment of a year, or up to a quarter, as missionAttainment.',
  })
  async missionAttainmentExport(
    @Args(() => YearFileArgs) args: YearFileArgs,
    @Args(() => QuarterArg) quarter: QuarterArg,
    @Ctx() context: GraphQLContext,
  ): Promise<SpreadsheetFileType[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    const files = await context.services.spreadsheets.missionAttainment(
      planId,
      args.year,
      quarter.upToQuarter ?? null,
      args.format,
    );
    return toFileTypes(files);
  }

  @Authorized()
  @Mutation(() => ImportIndicatorsPayload, {
    description:
      'Imports tasks, indicators, baselines and yearly targets of one OPD from a spreadsheet ' +
      '(ADMIN for any OPD, OPD_HEAD and OPD_STAFF for their own). A file with any error ' +
      'imports nothing and lists its errors in rowErrors (the first ' +
      `${MAX_LISTED_ROW_ERRORS}, with rowErrorCount counting all); a good file imports in ` +
      'one transaction.',
  })
  importIndicators(
    @Arg('input', () => ImportIndicatorsInput, { description: 'Input of the mutation.' })
    input: ImportIndicatorsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Nullable<ImportResult> & WithUserErrors> {
    const planId = decodeId(input.planId, 'Plan', 'planId');
    const opdId = decodeId(input.opdId, 'Opd', 'opdId');
    const content = decodeFile(input.contentBase64, context.config.importMaxBytes);
    return runMutation<ImportSummary, ImportResult>(context, {
      action: 'importIndicators',
      input: { planId, opdId, format: input.format, byteLength: content.length },
      work: async (manager, actor) => {
        try {
          return await context.services.indicatorImport.importIndicators(manager, actor, {
            planId,
            opdId,
            content,
            format: input.format,
          });
        } catch (error) {
          // The client sees the message; the log also keeps the cause, such as a zip archive
          // that understates its size or the parser's error.
          if (error instanceof SpreadsheetFileError) {
            context.log.warn(
              {
                action: 'importIndicators',
                planId,
                opdId,
                format: input.format,
                byteLength: content.length,
                reason: error.detail,
              },
              'import file rejected',
            );
          }
          throw error;
        }
      },
      toPayload: (summary) => ({
        summary,
        rowErrors: [],
        rowErrorCount: 0,
        rowErrorsTruncated: false,
      }),
      emptyPayload: {
        summary: null,
        rowErrors: null,
        rowErrorCount: null,
        rowErrorsTruncated: null,
      },
      rejectedPayload: (error) =>
        error instanceof ImportRejectedError
          ? {
              summary: null,
              rowErrors: error.rowErrors,
              rowErrorCount: error.rowErrorCount,
              rowErrorsTruncated: error.rowErrorsTruncated,
            }
          : { summary: null, rowErrors: [], rowErrorCount: 0, rowErrorsTruncated: false },
      describe: (summary) => ({ entity: summary.opd }),
    });
  }
}

function decodeFile(base64: string, maxBytes: number): Buffer {
  const content = Buffer.from(removeBase64Whitespace(base64), 'base64');
  if (content.length === 0) {
    throw new InvalidInputError('contentBase64 is empty: send the file content', 'contentBase64');
  }
  if (content.length > maxBytes) {
    throw new InvalidInputError(
      `contentBase64 contains ${content.length} bytes, more than the ${maxBytes} that ` +
        'IMPORT_MAX_BYTES allows: split the file or use the command-line import',
      'contentBase64',
    );
  }
  return content;
}

function toFileTypes(files: SpreadsheetFile[]): SpreadsheetFileType[] {
  return files.map((file) => ({
    fileName: file.fileName,
    mediaType: file.mediaType,
    byteLength: file.content.length,
    contentBase64: file.content.toString('base64'),
  }));
}
