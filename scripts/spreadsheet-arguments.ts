/**
 * Command-line arguments of scripts/spreadsheet.ts, checked before the database is opened, so
 * that a typing mistake costs no connection and shows no stack trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_IMPORT_LIMITS } from '../src/config/config';
import { SpreadsheetFormat } from '../src/exchange/spreadsheet';
import { MAX_LISTED_ROW_ERRORS } from '../src/services/indicator-import.service';
import { checkOutputFolder } from './spreadsheet-output';

const { maxUnpackedBytes: MAX_UNPACKED_BYTES, maxRows: MAX_ROWS } = DEFAULT_IMPORT_LIMITS;

/** Help text of the command, printed for --help. */
export const USAGE = `Usage: npm run spreadsheet -- COMMAND [options] [FILE]

Reads and writes spreadsheets on the database that DATABASE_URL names (else the SQLite file
in SQLITE_PATH), as the server does.

Commands:
  template             write the empty import template of a plan
                       --plan CODE [--format xlsx|csv] [--out DIR]
  import               import tasks, indicators and targets of one OPD from FILE (.xlsx or
                       .csv), as USERNAME with that user's rights, in one transaction
                       --plan CODE --opd CODE --user USERNAME FILE
  export-indicators    write an OPD's indicators in the template layout
                       --plan CODE --opd CODE [--format xlsx|csv] [--out DIR]
  export-evaluations   write a year's evaluation results
                       --plan CODE --year YEAR [--format xlsx|csv] [--out DIR]
  export-missions      write a year's mission attainment, or up to a quarter
                       --plan CODE --year YEAR [--quarter 1-4] [--format xlsx|csv] [--out DIR]

Options:
  --plan CODE          plan code, such as RPJMD-MALANG-2018-2023
  --opd CODE           OPD code, such as DINKES
  --user USERNAME      active user the import runs as and the audit trail names
  --year YEAR          contract year
  --quarter Q          last quarter counted, 1 to 4; the whole year when left out
  --format FORMAT      xlsx (the default) or csv; CSV writes one file per sheet
  --out DIR            existing folder for the written files (default: the current folder);
                       a file of the same name is replaced
  -h, --help           print this help and exit

IMPORT_MAX_BYTES does not bound the import, but IMPORT_MAX_UNPACKED_BYTES (bytes after
unpacking, default ${MAX_UNPACKED_BYTES}) and IMPORT_MAX_ROWS (data rows, default
${MAX_ROWS}) apply as on the server. docs/spreadsheet-import.md describes the template.

An import file with errors imports nothing; the command prints its first
${MAX_LISTED_ROW_ERRORS} errors in row and column order, then the number of errors left out.

Exit status: 0 on success; 1 when the work fails, such as an import file with errors or over
the limits, which imports nothing; 2 for invalid arguments or settings, a file that cannot be
read, or an --out folder or file that cannot be written; 78 for invalid database settings or
a database that cannot be opened (DATABASE_URL, SQLITE_PATH).
`;

/** The hint printed after an argument error. */
export const USAGE_HINT = 'Run "npm run spreadsheet -- --help" for usage.';

const COMMANDS = [
  'template',
  'import',
  'export-indicators',
  'export-evaluations',
  'export-missions',
] as const;

/** A command of the tool. */
export type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  plan: { type: 'string' },
  opd: { type: 'string' },
  user: { type: 'string' },
  year: { type: 'string' },
  quarter: { type: 'string' },
  format: { type: 'string', default: 'xlsx' },
  out: { type: 'string', default: '.' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A file to import, read before the database is opened. */
export interface ImportFile {
  path: string;
  content: Buffer;
  format: SpreadsheetFormat;
}

/** A checked command line. Fields beyond `planCode` are set for the commands that use them. */
export interface Invocation {
  command: Command;
  planCode: string;
  format: SpreadsheetFormat;
  out: string;
  opdCode?: string;
  username?: string;
  year?: number;
  /** Last quarter counted by export-missions; null for the whole year. */
  quarter?: number | null;
  file?: ImportFile;
}

/** An invalid command line or a file that cannot be opened; the tool exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Checks the arguments (without the node and script paths) and reads the file to import.
 * Returns 'help' for -h or --help. Throws UsageError naming the first problem.
 */
export function parseCommandLine(args: string[]): Invocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    return 'help';
  }
  const [command, ...files] = parsed.positionals;
  if (command === undefined) {
    throw new UsageError(`the command is missing: use one of ${COMMANDS.join(', ')}`);
  }
  if (!isCommand(command)) {
    throw new UsageError(`"${command}" is not a command: use one of ${COMMANDS.join(', ')}`);
  }
  if (command !== 'import' && files.length > 0) {
    // The value is not shown, because it may be something typed in the wrong place.
    const extra = parsed.tokens.filter((token) => token.kind === 'positional')[1];
    throw new UsageError(
      `unexpected argument at position ${extra.index + 1}: ${command} takes no file`,
    );
  }
  if (command !== 'import') {
    checkOutputFolder(values.out);
  }

  const invocation: Invocation = {
    command,
    planCode: required(values.plan, '--plan'),
    format: readFormat(values.format),
    out: values.out,
  };
  switch (command) {
    case 'template':
      return invocation;
    case 'export-indicators':
      return { ...invocation, opdCode: required(values.opd, '--opd') };
    case 'export-evaluations':
      return { ...invocation, year: readInteger(values.year, '--year') };
    case 'export-missions':
      return {
        ...invocation,
        year: readInteger(values.year, '--year'),
        quarter: values.quarter === undefined ? null : readQuarter(values.quarter),
      };
    case 'import':
      return {
        ...invocation,
        opdCode: required(values.opd, '--opd'),
        username: required(values.user, '--user'),
        file: readImportFile(files),
      };
  }
}

function isCommand(text: string): text is Command {
  return (COMMANDS as readonly string[]).includes(text);
}

function readImportFile(files: string[]): ImportFile {
  if (files.length !== 1) {
    throw new UsageError(
      `import takes exactly one file, but got ${files.length}: ` +
        'import --plan CODE --opd CODE --user USERNAME FILE',
    );
  }
  const file = files[0];
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw new UsageError(
      `${file} is neither .xlsx nor .csv: save it as "Excel Workbook (.xlsx)" or ` +
        '"CSV UTF-8 (Comma delimited)"',
    );
  }
  try {
    const content = readFileSync(file);
    const format = extension === '.csv' ? SpreadsheetFormat.CSV : SpreadsheetFormat.XLSX;
    return { path: file, content, format };
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeReadError(error)}`);
  }
}

/** Plain words for the errors of reading a file that a user can fix. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
};

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return READ_ERRORS[code] ?? (error as Error).message;
}

function required(value: string | undefined, option: string): string {
  if (!value) {
    throw new UsageError(`${option} is missing`);
  }
  return value;
}

function readInteger(value: string | undefined, option: string): number {
  const number = Number(required(value, option));
  if (!Number.isInteger(number)) {
    throw new UsageError(`${option} "${value}" is not a whole number`);
  }
  return number;
}

function readQuarter(value: string): number {
  const quarter = readInteger(value, '--quarter');
  if (quarter < 1 || quarter > 4) {
    throw new UsageError(`--quarter "${value}" is invalid: use 1, 2, 3 or 4`);
  }
  return quarter;
}

function readFormat(value: string | undefined): SpreadsheetFormat {
  const requested = (value ?? 'xlsx').toUpperCase();
  const format = Object.values(SpreadsheetFormat).find((known) => (known as string) === requested);
  if (!format) {
    throw new UsageError(`--format "${value}" is invalid: use xlsx or csv`);
  }
  return format;
}
