import type { Indicator, IndicatorTarget, Plan } from '../entities';
import { Accumulation, MinimizeFormula, Polarity, type TargetValue } from '../scoring/types';
import { type CreateIndicatorData, TEXT_LIMITS } from '../services/indicator.service';
import { cellError, type ImportRowError, RowReader } from './cell-parsers';
import { checkRowRules, type PlanRules, type RowPlace } from './indicator-rules';
import { ExactDecimal, type ReadTable, type WrittenCell } from './spreadsheet';

/** Name of the data sheet in the workbook template. */
export const INDICATOR_SHEET = 'Indicators';

/** Columns before the yearly targets, in template order. */
const FIXED_COLUMNS = [
  'mission',
  'task',
  'indicator',
  'unit',
  'definition',
  'data_source',
  'polarity',
  'accumulation',
  'minimize_formula',
  'baseline_year',
  'baseline_value',
  'end_target',
  'end_lower',
  'end_upper',
] as const;

/** Years a plan's template has target columns for. */
type PlanYears = Pick<Plan, 'startYear' | 'endYear'>;

/** One indicator read from a row, with the mission and task it belongs to. */
export interface IndicatorRow {
  rowNumber: number;
  missionNumber: number;
  taskDescription: string;
  indicator: Omit<CreateIndicatorData, 'taskId'>;
}

/**
 * A data row as read: the values that identify its indicator, each null where its cell was
 * empty or invalid, and the whole indicator when the row has no error.
 */
export interface ReadIndicatorRow extends RowPlace {
  missionNumber: number | null;
  taskDescription: string | null;
  name: string | null;
  /** The indicator when every cell was read and the plan's rules hold; null otherwise. */
  complete: IndicatorRow | null;
}

/** Every data row of a file, and every problem found in its cells and against the plan. */
export interface ParsedIndicatorSheet {
  rows: ReadIndicatorRow[];
  errors: ImportRowError[];
  /** Column name to 0-based index in the file, for errors found later. */
  columnIndex: Map<string, number>;
}

/**
 * Returns the template's column headers for a plan: the fixed columns, then for each plan year
 * `target_<year>` (MAXIMIZE and MINIMIZE) and `lower_<year>`, `upper_<year>` (STABILIZE).
 */
export function indicatorColumns(plan: PlanYears): string[] {
  const yearly = planYears(plan).flatMap((year) => [
    `target_${year}`,
    `lower_${year}`,
    `upper_${year}`,
  ]);
  return [...FIXED_COLUMNS, ...yearly];
}

/**
 * Reads indicator rows from a table in the template's layout and checks them against the
 * plan's rules, as validateIndicator does for createIndicator. Header names are matched
 * without regard to case or surrounding spaces. A missing or unknown column is reported on
 * row 1 and stops the reading, because no row could be read reliably. Each data row is read
 * and checked in full, so every bad cell of the file is reported at once.
 */
export function parseIndicatorTable(table: ReadTable, plan: PlanRules): ParsedIndicatorSheet {
  const expected = indicatorColumns(plan);
  const columnIndex = new Map<string, number>();
  const errors: ImportRowError[] = [];

  table.header.forEach((title, index) => {
    const name = title.trim().toLowerCase();
    if (name === '') {
      return;
    }
    if (!expected.includes(name)) {
      errors.push(
        headerError(
          columnIndex,
          name,
          index,
          `is not a template column; plan years are ` +
            `${plan.startYear}-${plan.endYear}, so use only: ${expected.join(', ')}`,
        ),
      );
    } else if (columnIndex.has(name)) {
      errors.push(headerError(columnIndex, name, index, 'appears twice'));
    } else {
      columnIndex.set(name, index);
    }
  });
  for (const name of expected.filter((column) => !columnIndex.has(column))) {
    errors.push(cellError(1, name, columnIndex, null, 'is missing from the header row'));
  }
  if (errors.length > 0) {
    return { rows: [], errors, columnIndex };
  }

  const rows = table.rows.map(({ rowNumber, cells }) => {
    const row = readIndicatorRow({ rowNumber, cells, columnIndex }, plan);
    errors.push(...row.errors);
    return row.read;
  });
  return { rows, errors, columnIndex };
}

/** Returns the cells of one indicator in template column order, for export. */
export function indicatorToCells(
  plan: PlanYears,
  missionNumber: number,
  taskDescription: string,
  indicator: Indicator,
  targets: readonly IndicatorTarget[],
): WrittenCell[] {
  const byYear = new Map(targets.map((target) => [target.year, target]));
  const yearly = planYears(plan).flatMap((year) => {
    const target = byYear.get(year);
    return [decimalCell(target?.value), decimalCell(target?.lower), decimalCell(target?.upper)];
  });
  return [
    missionNumber,
    taskDescription,
    indicator.name,
    indicator.unit,
    indicator.definition,
    indicator.dataSource,
    indicator.polarity,
    indicator.accumulation,
    indicator.minimizeFormula,
    indicator.baselineYear,
    decimalCell(indicator.baselineValue),
    decimalCell(indicator.endTargetValue),
    decimalCell(indicator.endTargetLower),
    decimalCell(indicator.endTargetUpper),
    ...yearly,
  ];
}

/**
 * Wraps a decimal string for writeSpreadsheet, which keeps every digit: CSV writes it in plain
 * notation, and .xlsx as a number cell only when Excel shows that exactly ("85.00" becomes 85).
 */
export function decimalCell(value: string | null | undefined): ExactDecimal | null {
  return value === null || value === undefined ? null : new ExactDecimal(value);
}

/** Reads one row's cells and checks them against the plan; returns the row and its errors. */
function readIndicatorRow(
  place: RowPlace,
  plan: PlanRules,
): { read: ReadIndicatorRow; errors: ImportRowError[] } {
  const reader = new RowReader(place.rowNumber, place.cells, place.columnIndex);
  const missionNumber = reader.integer('mission');
  const taskDescription = reader.text('task', { required: true, max: TEXT_LIMITS.taskDescription });
  const name = reader.text('indicator', { required: true, max: TEXT_LIMITS.name });
  const unit = reader.text('unit', { required: true, max: TEXT_LIMITS.unit });
  const definition = reader.text('definition', { required: true, max: TEXT_LIMITS.definition });
  const dataSource = reader.text('data_source', { required: true, max: TEXT_LIMITS.dataSource });
  const polarity = reader.choice('polarity', Object.values(Polarity), true);
  const accumulation = reader.choice('accumulation', Object.values(Accumulation), true);
  const minimizeFormula = reader.choice('minimize_formula', Object.values(MinimizeFormula), false);
  const baselineYear = reader.integer('baseline_year');
  const baselineValue = reader.decimal('baseline_value');
  if (baselineValue === null && reader.cell('baseline_value') === null) {
    reader.fail('baseline_value', null, 'is empty: every indicator needs a baseline value');
  }

  const endTarget = readTarget(reader, 'end_target', 'end_lower', 'end_upper');
  const yearlyTargets: { year: number; target: TargetValue }[] = [];
  const failedYears: number[] = [];
  for (const year of planYears(plan)) {
    const columns = [`target_${year}`, `lower_${year}`, `upper_${year}`] as const;
    const target = readTarget(reader, ...columns);
    if (columns.some((column) => reader.failed(column))) {
      failedYears.push(year);
    } else if (target.value !== null || target.lower !== null || target.upper !== null) {
      yearlyTargets.push({ year, target });
    }
  }

  const failedColumns = new Set(reader.errors.map((error) => error.column));
  const ruleErrors = checkRowRules(
    { polarity, minimizeFormula, baselineYear, endTarget, yearlyTargets, failedYears },
    failedColumns,
    place,
    plan,
  );
  const errors = [...reader.errors, ...ruleErrors];
  const read = { ...place, missionNumber, taskDescription, name, complete: null };
  if (
    errors.length > 0 ||
    missionNumber === null ||
    taskDescription === null ||
    name === null ||
    unit === null ||
    definition === null ||
    dataSource === null ||
    polarity === null ||
    accumulation === null ||
    baselineYear === null ||
    baselineValue === null
  ) {
    return { read, errors };
  }
  const indicator = {
    name,
    unit,
    definition,
    dataSource,
    polarity,
    accumulation,
    minimizeFormula,
    baselineYear,
    baselineValue,
    endTarget,
    yearlyTargets,
  };
  const complete = { rowNumber: place.rowNumber, missionNumber, taskDescription, indicator };
  return { read: { ...read, complete }, errors };
}

function readTarget(reader: RowReader, value: string, lower: string, upper: string): TargetValue {
  return {
    value: reader.decimal(value),
    lower: reader.decimal(lower),
    upper: reader.decimal(upper),
  };
}

function planYears(plan: PlanYears): number[] {
  const years: number[] = [];
  for (let year = plan.startYear; year <= plan.endYear; year++) {
    years.push(year);
  }
  return years;
}

function headerError(
  columnIndex: ReadonlyMap<string, number>,
  name: string,
  index: number,
  problem: string,
): ImportRowError {
  const withPosition = new Map(columnIndex).set(name, index);
  return cellError(1, name, withPosition, null, `column ${problem}`);
}
