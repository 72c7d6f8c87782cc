import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Dec } from '../scoring/decimal';
import {
  type CheckedFile,
  checkCsvSize,
  checkHeaderWidth,
  checkRowCount,
  checkWorkbookSize,
  nameOf,
  SpreadsheetFileError,
  unreadableWorkbook,
} from './file-limits';

/** File format of an imported or exported spreadsheet. */
export enum SpreadsheetFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

/** Content of one cell after reading: text, a number, a boolean, a date, or empty. */
export type CellValue = string | number | boolean | Date | null;

/**
 * A decimal number to write from its exact text, such as "3999999999999996000000.5". CSV
 * writes the text in plain notation; .xlsx writes a number cell only when that shows the
 * value exactly (see MAX_NUMBER_CELL_DIGITS).
 */
export class ExactDecimal {
  constructor(readonly text: string) {}
}

/** Content of one cell to write: a read cell value or an exact decimal. */
export type WrittenCell = CellValue | ExactDecimal;

/**
 * Maximum significant digits of a decimal written as an .xlsx number cell. A double keeps every
 * decimal of 15 significant digits, and Excel shows at most 15, so such a cell shows the exact
 * value. A longer decimal is written as text, because Excel would show it rounded.
 */
export const MAX_NUMBER_CELL_DIGITS = 15;

/** One sheet to write: a header row and data rows of the same width. */
export interface SheetTable {
  name: string;
  header: string[];
  rows: WrittenCell[][];
  /** Column widths in characters; by default each header's length, at least 10. */
  widths?: number[];
}

/** A data row read from a file, with its row number as the spreadsheet shows it. */
export interface ReadRow {
  rowNumber: number;
  /** Cells by column index, 0 being column A. */
  cells: CellValue[];
}

/** The first sheet of a file: header cells as text, then the data rows that are not empty. */
export interface ReadTable {
  header: string[];
  rows: ReadRow[];
}

/** Options of readTable: the sheet to read, the import limits, and the file's name. */
export interface ReadOptions extends CheckedFile {
  /** Sheet to read from an .xlsx workbook; the first sheet when none has this name. */
  sheetName: string;
}

/** A generated file. */
export interface SpreadsheetFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

const MEDIA_TYPES: Record<SpreadsheetFormat, string> = {
  [SpreadsheetFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [SpreadsheetFormat.CSV]: 'text/csv; charset=utf-8',
};
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Start of text that a spreadsheet program evaluates as a formula when it opens a CSV file: =,
 * +, -, @, tab or carriage return. Apostrophes before such a start are part of the pattern, so
 * that a text which itself begins with an apostrophe is escaped too and unescaping it is exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * Reads the data sheet of an .xlsx workbook (the sheet named `sheetName`, else the first) or a
 * CSV file. CSV may be UTF-8 with or without a byte order mark. It may be separated by commas
 * or by semicolons, as Excel writes it under Indonesian regional settings. Its cells stay
 * text, and an apostrophe that escapeCsvText would add is removed. Throws
 * SpreadsheetFileError when the content is not a readable file of the format or exceeds the
 * import limits: the unpacked size before parsing, then the rows and header columns.
 */
export async function readTable(
  content: Buffer,
  format: SpreadsheetFormat,
  options: ReadOptions,
): Promise<ReadTable> {
  const worksheet =
    format === SpreadsheetFormat.XLSX
      ? await readXlsxSheet(content, options)
      : await readCsvSheet(content, options);

  let dataRows = 0;
  worksheet.eachRow({ includeEmpty: false }, (_, rowNumber) => {
    dataRows += rowNumber > 1 ? 1 : 0;
  });
  checkRowCount(dataRows, options);

  // Empty cells after the last header title are left out, so that a stray cell far to the
  // right does not make every row that wide.
  const header: string[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
    header[column - 1] = String(normaliseCell(cell.value) ?? '').trim();
  });
  while (header.length > 0 && !header[header.length - 1]) {
    header.pop();
  }
  checkHeaderWidth(header.length, options);
  for (let index = 0; index < header.length; index++) {
    header[index] ??= '';
  }

  const rows: ReadRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) {
      return;
    }
    // findCell, unlike getCell, does not create the cells it does not find.
    const cells = header.map((_, index) => normaliseCell(row.findCell(index + 1)?.value));
    if (cells.some((cell) => cell !== null && cell !== '')) {
      rows.push({ rowNumber, cells });
    }
  });
  return { header, rows };
}

/**
 * Writes sheets as one .xlsx workbook, or as one CSV file per sheet (CSV has no sheets). Files
 * are named `<baseName>.xlsx`, `<baseName>.csv` for one sheet, or `<baseName>-<sheet>.csv`.
 * CSV starts with a byte order mark so that Excel reads it as UTF-8, has as many fields in
 * every record as in its header, and passes text cells through escapeCsvText so that no cell
 * runs as a formula. .xlsx stores text cells as text.
 */
export async function writeSpreadsheet(
  sheets: SheetTable[],
  format: SpreadsheetFormat,
  baseName: string,
): Promise<SpreadsheetFile[]> {
  if (format === SpreadsheetFormat.XLSX) {
    const workbook = new ExcelJS.Workbook();
    sheets.forEach((sheet) => addSheet(workbook, sheet));
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return [{ fileName: `${baseName}.xlsx`, mediaType: MEDIA_TYPES[format], content }];
  }

  return sheets.map((sheet) => {
    const suffix = sheets.length === 1 ? '' : `-${sheet.name.toLowerCase()}`;
    return {
      fileName: `${baseName}${suffix}.csv`,
      mediaType: MEDIA_TYPES[format],
      content: Buffer.from(BYTE_ORDER_MARK + formatCsv(sheet), 'utf8'),
    };
  });
}

/**
 * Formats a sheet as CSV (RFC 4180: comma separated, CRLF line breaks, quoted fields where
 * needed). Every record gets one field per header column, empty for a missing cell.
 */
function formatCsv(sheet: SheetTable): string {
  const width = sheet.header.length;
  const records = [sheet.header, ...sheet.rows].map((row) => {
    if (row.length > width) {
      throw new Error(`sheet ${sheet.name} has a row of ${row.length} cells for ${width} columns`);
    }
    const fields: string[] = [];
    for (let index = 0; index < width; index++) {
      fields.push(csvField(row[index] ?? null));
    }
    return fields.join(',') + '\r\n';
  });
  return records.join('');
}

/** Turns one cell into a CSV field; decimals keep every digit, in plain notation. */
function csvField(cell: WrittenCell): string {
  if (cell === null) {
    return '';
  }
  if (cell instanceof ExactDecimal) {
    return new Dec(cell.text).toFixed();
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') {
    return String(cell);
  }
  const text = cell instanceof Date ? cell.toISOString() : escapeCsvText(cell);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Returns the .xlsx value of a cell: a number for a decimal that Excel shows exactly, else text. */
function xlsxValue(cell: WrittenCell): CellValue {
  if (!(cell instanceof ExactDecimal)) {
    return cell;
  }
  const decimal = new Dec(cell.text);
  return decimal.sd() <= MAX_NUMBER_CELL_DIGITS ? decimal.toNumber() : decimal.toFixed();
}

/**
 * Prefixes an apostrophe to text that starts like a formula (see FORMULA_START), the usual
 * way to make a spreadsheet program show it as text. writeSpreadsheet passes only text cells
 * here, so a negative number stays a number.
 */
export function escapeCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Removes the apostrophe that escapeCsvText added; other text is returned unchanged. */
export function unescapeCsvText(text: string): string {
  return ESCAPED_FORMULA_START.test(text) ? text.slice(1) : text;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetTable): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRow(sheet.header);
  worksheet.addRows(sheet.rows.map((row) => row.map(xlsxValue)));
  worksheet.getRow(1).font = { bold: true };
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.header.forEach((title, index) => {
    worksheet.getColumn(index + 1).width = sheet.widths?.[index] ?? Math.max(10, title.length + 2);
  });
  return worksheet;
}

async function readXlsxSheet(content: Buffer, options: ReadOptions): Promise<ExcelJS.Worksheet> {
  checkWorkbookSize(content, options);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its input as an ArrayBuffer; a copy of exactly the file's bytes is one.
    const bytes = content.buffer.slice(content.byteOffset, content.byteOffset + content.length);
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    throw unreadableWorkbook(options, `ExcelJS failed to load it: ${(error as Error).message}`);
  }
  const worksheet = workbook.getWorksheet(options.sheetName) ?? workbook.worksheets[0];
  if (!worksheet) {
    throw new SpreadsheetFileError(
      `${nameOf(options)} has no worksheet: add the ${options.sheetName} sheet of the template`,
      'the workbook has no worksheet',
    );
  }
  return worksheet;
}

async function readCsvSheet(content: Buffer, options: ReadOptions): Promise<ExcelJS.Worksheet> {
  checkCsvSize(content, options);
  checkUtf8(content, options);
  let text = content.toString('utf8');
  if (text.startsWith(BYTE_ORDER_MARK)) {
    text = text.slice(1);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const workbook = new ExcelJS.Workbook();
  try {
    return await workbook.csv.read(Readable.from([text]), {
      // Cells stay text: the import parses numbers itself, and ExcelJS would turn a task
      // description such as "2019-01-02" into a date. Text that the export escaped as a
      // formula reads back as it was stored.
      map: (value: string) => (value === '' ? null : unescapeCsvText(value)),
      parserOptions: { delimiter },
    });
  } catch (error) {
    const reason = (error as Error).message;
    throw new SpreadsheetFileError(
      `${nameOf(options)} is not readable CSV: ${reason}; save it as ` +
        '"CSV UTF-8 (Comma delimited)"',
      `the CSV parser failed: ${reason}`,
    );
  }
}

/**
 * Rejects CSV that is not valid UTF-8, such as Excel's plain "CSV (Comma delimited)", which
 * uses the Windows code page. Decoded anyway, its accented letters would become replacement
 * characters in every cell and header that has one.
 */
function checkUtf8(content: Buffer, options: ReadOptions): void {
  if (isUtf8(content)) {
    return;
  }
  let line = 1;
  let lineStart = 0;
  for (
    let offset = content.indexOf(0x0a);
    offset !== -1;
    offset = content.indexOf(0x0a, lineStart)
  ) {
    if (!isUtf8(content.subarray(lineStart, offset))) {
      break;
    }
    line += 1;
    lineStart = offset + 1;
  }
  throw new SpreadsheetFileError(
    `${nameOf(options)} is not UTF-8 text (line ${line} is the first with other bytes); save ` +
      'it as "CSV UTF-8 (Comma delimited)"',
    `invalid UTF-8 on line ${line}, which starts at byte ${lineStart}`,
  );
}

/**
 * Reduces an ExcelJS cell value to what the import reads: a formula gives its cached result,
 * rich text and hyperlinks give their text, and an error value (such as #DIV/0!) its code.
 */
function normaliseCell(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if ('result' in value) {
    return normaliseCell(value.result);
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('text' in value) {
    return String(value.text);
  }
  if ('error' in value) {
    return String(value.error);
  }
  return null;
}
