import type { ImportLimits } from '../config/config';
import { InvalidInputError } from '../errors/app-errors';
import { readZipDirectory, verifyEntrySizes, ZipFormatError } from './zip-directory';

/**
 * Maximum number of columns in a header row. The template of a plan of N years has 14 + 3N
 * columns, and reading a row costs time and memory in proportion to the header's width.
 */
export const MAX_COLUMNS = 256;

/** The file being read, as the limit checks name it. */
export interface CheckedFile {
  /** Name for messages, such as "targets.xlsx"; "The file" when the caller has none. */
  fileName?: string;
  limits: ImportLimits;
}

/**
 * A file the import rejects as a whole: unreadable, too large once unpacked, or with too many
 * rows or columns. `detail` is the technical cause, for the log.
 */
export class SpreadsheetFileError extends InvalidInputError {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message, 'file');
  }
}

/**
 * Checks an .xlsx workbook's zip structure before a zip library unpacks it: the declared
 * unpacked size of its parts together must be within `maxUnpackedBytes`, and each part must
 * unpack to exactly its declared size. Throws SpreadsheetFileError otherwise.
 */
export function checkWorkbookSize(content: Buffer, file: CheckedFile): void {
  const label = nameOf(file);
  try {
    const directory = readZipDirectory(content);
    const max = file.limits.maxUnpackedBytes;
    const total = directory.totalUncompressedBytes;
    if (total > max) {
      throw new SpreadsheetFileError(
        `${label} has ${content.length} bytes but unpacks to ${total}, more than the ${max} ` +
          'that IMPORT_MAX_UNPACKED_BYTES allows: remove unused sheets, pictures and ' +
          'formatting, split the rows over several files, or send CSV',
        `unpacked size ${total} bytes declared by ${directory.entries.length} zip entries ` +
          `exceeds IMPORT_MAX_UNPACKED_BYTES ${max}`,
      );
    }
    verifyEntrySizes(content, directory);
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw unreadableWorkbook(file, `invalid zip archive: ${error.message}`);
    }
    throw error;
  }
}

/** Checks that a CSV file is within `maxUnpackedBytes`; throws SpreadsheetFileError otherwise. */
export function checkCsvSize(content: Buffer, file: CheckedFile): void {
  const max = file.limits.maxUnpackedBytes;
  if (content.length > max) {
    throw new SpreadsheetFileError(
      `${nameOf(file)} has ${content.length} bytes, more than the ${max} that ` +
        'IMPORT_MAX_UNPACKED_BYTES allows: split the rows over several files',
      `CSV size ${content.length} bytes exceeds IMPORT_MAX_UNPACKED_BYTES ${max}`,
    );
  }
}

/** Checks the number of data rows against `maxRows`; throws SpreadsheetFileError above it. */
export function checkRowCount(rows: number, file: CheckedFile): void {
  const max = file.limits.maxRows;
  if (rows > max) {
    throw new SpreadsheetFileError(
      `${nameOf(file)} has ${rows} data rows, more than the ${max} that IMPORT_MAX_ROWS ` +
        'allows: split the rows over several files',
      `${rows} data rows exceed IMPORT_MAX_ROWS ${max}`,
    );
  }
}

/** Checks the width of the header row against MAX_COLUMNS; throws SpreadsheetFileError above it. */
export function checkHeaderWidth(columns: number, file: CheckedFile): void {
  if (columns > MAX_COLUMNS) {
    throw new SpreadsheetFileError(
      `${nameOf(file)} has ${columns} columns in its header row, more than the ` +
        `${MAX_COLUMNS} an import reads: keep only the template's columns`,
      `header row with ${columns} columns exceeds ${MAX_COLUMNS}`,
    );
  }
}

/** Builds the error for a workbook that cannot be read, with the cause for the log. */
export function unreadableWorkbook(file: CheckedFile, detail: string): SpreadsheetFileError {
  return new SpreadsheetFileError(
    `${nameOf(file)} is not a readable .xlsx workbook: save it from Excel or LibreOffice as ` +
      '"Excel Workbook (.xlsx)", or send CSV',
    detail,
  );
}

/** Returns the file's name for the start of a message. */
export function nameOf(file: CheckedFile): string {
  return file.fileName ?? 'The file';
}
