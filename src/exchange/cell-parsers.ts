import { decimalLimitProblem } from '../rules/decimal-limits';
import { requiredTextProblem } from '../rules/text-rules';
import { Dec } from '../scoring/decimal';
import { type CellValue } from './spreadsheet';

/** A problem with one cell of an imported file. */
export interface ImportRowError {
  /** Row number as the spreadsheet shows it; the header is row 1. */
  row: number;
  /** Column header, for example "polarity". */
  column: string;
  /** Cell reference such as "G5"; just the row number when the column is missing. */
  cell: string;
  /** The cell's content as text, shortened; null for an empty cell. */
  value: string | null;
  message: string;
}

const INTEGER_PATTERN = /^-?\d{1,9}$/;
/** Significant digits kept from a number cell; Excel itself shows at most 15. */
const NUMBER_CELL_PRECISION = 15;
const MAX_SHOWN_VALUE = 60;

/**
 * Reads the cells of one row by column name and collects every problem, so that a file with
 * many mistakes is reported in one pass. Each read returns null when the cell is invalid or
 * empty, and `errors` records which.
 */
export class RowReader {
  readonly errors: ImportRowError[] = [];

  constructor(
    private readonly rowNumber: number,
    private readonly cells: readonly CellValue[],
    private readonly columnIndex: ReadonlyMap<string, number>,
  ) {}

  /**
   * Reads text without surrounding spaces and checks it with requiredTextProblem, the rules of
   * the API's required text inputs. Empty text is an error when `required`.
   */
  text(column: string, options: { required: boolean; max: number }): string | null {
    const raw = this.cell(column);
    if (raw instanceof Date) {
      this.fail(column, raw, 'is a date; enter text (format the cell as Text)');
      return null;
    }
    const text = raw === null ? '' : String(raw).trim();
    if (text === '') {
      if (options.required) {
        this.fail(column, raw, `is empty: every row needs ${column}`);
      }
      return null;
    }
    const problem = requiredTextProblem(text, options.max);
    if (problem) {
      this.fail(column, raw, problem);
      return null;
    }
    return text;
  }

  /** Reads a whole number; empty is an error. */
  integer(column: string): number | null {
    const raw = this.cell(column);
    const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
    if (raw === null || text === '') {
      this.fail(column, raw, `is empty: every row needs ${column}`);
      return null;
    }
    if (!INTEGER_PATTERN.test(text)) {
      this.fail(column, raw, 'is not a whole number');
      return null;
    }
    return Number(text);
  }

  /**
   * Reads a decimal as a canonical string ("12.5"). Number cells keep 15 significant digits,
   * so a value Excel computed as 0.30000000000000004 reads as 0.3. Empty gives null without
   * an error; the caller decides whether the value is required.
   */
  decimal(column: string): string | null {
    const raw = this.cell(column);
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      return null;
    }
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      return this.checkDecimal(column, raw, new Dec(raw.toPrecision(NUMBER_CELL_PRECISION)));
    }
    const text = String(raw).trim();
    if (typeof raw !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) {
      const hint = /^-?\d+,\d+$/.test(text) ? ' (use a point, not a comma, before decimals)' : '';
      this.fail(column, raw, `is not a decimal number${hint}`);
      return null;
    }
    return this.checkDecimal(column, raw, new Dec(text));
  }

  /** Reads one of `values`, ignoring case; empty gives null, an error when `required`. */
  choice<T extends string>(column: string, values: readonly T[], required: boolean): T | null {
    const raw = this.cell(column);
    const text = String(raw ?? '')
      .trim()
      .toUpperCase();
    if (text === '') {
      if (required) {
        this.fail(column, raw, `is empty: use ${values.join(', ')}`);
      }
      return null;
    }
    const found = values.find((value) => value === text);
    if (!found) {
      this.fail(column, raw, `is invalid: use ${values.join(', ')}`);
      return null;
    }
    return found;
  }

  /** Returns true when a cell of the column has been found invalid. */
  failed(column: string): boolean {
    return this.errors.some((error) => error.column === column);
  }

  /** Records a problem of this row found outside the cell readers, such as a broken rule. */
  fail(column: string, raw: CellValue | undefined, problem: string): void {
    this.errors.push(cellError(this.rowNumber, column, this.columnIndex, raw ?? null, problem));
  }

  /** Returns the cell of a column, or null when the file has no such column. */
  cell(column: string): CellValue {
    const index = this.columnIndex.get(column);
    return index === undefined ? null : (this.cells[index] ?? null);
  }

  private checkDecimal(column: string, raw: CellValue, value: Dec): string | null {
    const text = value.toFixed();
    const problem = decimalLimitProblem(text);
    if (problem) {
      this.fail(column, raw, problem);
      return null;
    }
    return text;
  }
}

/**
 * Builds an import error. The message names the cell, the column and the value, then the
 * problem: 'G5 (polarity) "UP" is invalid: use MAXIMIZE, MINIMIZE, STABILIZE'.
 */
export function cellError(
  row: number,
  column: string,
  columnIndex: ReadonlyMap<string, number>,
  raw: CellValue,
  problem: string,
): ImportRowError {
  const index = columnIndex.get(column);
  const cell = index === undefined ? `row ${row}` : `${columnLetter(index)}${row}`;
  const value = showValue(raw);
  const shown = value === null ? '' : ` ${quoteValue(value)}`;
  return { row, column, cell, value, message: `${cell} (${column})${shown} ${problem}` };
}

/** Returns the spreadsheet letter of a 0-based column index: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function showValue(raw: CellValue): string | null {
  if (raw === null || raw === '') {
    return null;
  }
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}...` : text;
}

/**
 * Quotes a value for a message. JSON escapes control characters and broken surrogate pairs;
 * DEL and the zero-width marks are escaped here as well, so that the reader sees every
 * character that the rules reject.
 */
function quoteValue(value: string): string {
  return JSON.stringify(value).replace(/[\u007F\u200B-\u200D\u2060\uFEFF]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
