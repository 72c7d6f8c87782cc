import type { Indicator, IndicatorTarget, Plan } from '../entities';
import { type RuleViolation } from '../rules/target-rules';
import { Dec } from '../scoring/decimal';
import { Accumulation, MinimizeFormula, Polarity, type TargetValue } from '../scoring/types';
import { type CreateIndicatorData, TEXT_LIMITS } from '../services/indicator.service';
import { cellError, type ImportRowError, RowReader } from './cell-parsers';
import { type CellValue, type ReadTable } from './spreadsheet';

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

/** Every row of a file that could be read, and every problem found while reading. */
export interface ParsedIndicatorSheet {
  rows: IndicatorRow[];
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
 * Reads indicator rows from a table in the template's layout. Header names are matched without
 * regard to case or surrounding spaces. A missing or unknown column is reported on row 1 and
 * stops the reading, because no row could be read reliably. Each data row is read in full, so
 * every bad cell of the file is reported at once.
 */
export function parseIndicatorTable(table: ReadTable, plan: PlanYears): ParsedIndicatorSheet {
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

  const rows: IndicatorRow[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const reader = new RowReader(rowNumber, cells, columnIndex);
    const row = readIndicatorRow(reader, rowNumber, plan);
    errors.push(...reader.errors);
    if (row && reader.errors.length === 0) {
      rows.push(row);
    }
  }
  return { rows, errors, columnIndex };
}

/**
 * Turns the violations of validateIndicator for one row into import errors on the columns
 * they concern, with the input paths in the messages replaced by column names.
 */
export function violationsToErrors(
  row: IndicatorRow,
  violations: RuleViolation[],
  columnIndex: ReadonlyMap<string, number>,
  plan: PlanYears,
): ImportRowError[] {
  const years = row.indicator.yearlyTargets.map((entry) => entry.year);
  return violations.map((violation) => {
    const column = columnOf(violation.field, years, row, plan);
    const problem = relabel(violation.message, years);
    return cellError(row.rowNumber, column, columnIndex, null, problem);
  });
}

/** Returns the cells of one indicator in template column order, for export. */
export function indicatorToCells(
  plan: PlanYears,
  missionNumber: number,
  taskDescription: string,
  indicator: Indicator,
  targets: readonly IndicatorTarget[],
): CellValue[] {
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
 * Writes a decimal string as a number cell when a double represents it exactly ("85.00" becomes 85),
 * so Excel can compute with it; longer values stay text and lose nothing.
 */
export function decimalCell(value: string | null | undefined): CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  const number = Number(value);
  return new Dec(value).eq(new Dec(number)) ? number : value;
}

function readIndicatorRow(
  reader: RowReader,
  rowNumber: number,
  plan: PlanYears,
): IndicatorRow | null {
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
  const yearlyTargets = planYears(plan).flatMap((year) => {
    const target = readTarget(reader, `target_${year}`, `lower_${year}`, `upper_${year}`);
    const given = target.value !== null || target.lower !== null || target.upper !== null;
    return given ? [{ year, target }] : [];
  });

  if (
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
    return null;
  }
  return {
    rowNumber,
    missionNumber,
    taskDescription,
    indicator: {
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
    },
  };
}

function readTarget(reader: RowReader, value: string, lower: string, upper: string): TargetValue {
  return {
    value: reader.decimal(value),
    lower: reader.decimal(lower),
    upper: reader.decimal(upper),
  };
}

/** Maps a validateIndicator field path to the column it concerns. */
function columnOf(field: string, years: number[], row: IndicatorRow, plan: PlanYears): string {
  const yearly = /^yearlyTargets\[(\d+)\]\.(?:target|year)(?:\.(lower|upper))?/.exec(field);
  if (yearly) {
    return `${yearly[2] ?? 'target'}_${years[Number(yearly[1])]}`;
  }
  switch (field) {
    case 'endTarget.lower':
      return 'end_lower';
    case 'endTarget.upper':
      return 'end_upper';
    case 'baselineYear':
      return 'baseline_year';
    case 'minimizeFormula':
      return 'minimize_formula';
    case 'yearlyTargets':
      return `target_${firstYearWithoutTarget(row, plan)}`;
    default:
      return field.startsWith('endTarget') ? 'end_target' : 'indicator';
  }
}

/**
 * Replaces the input paths in a validateIndicator message with the words of the template:
 * "yearlyTargets[2].target.lower" becomes lower_<year of entry 2>, "endTarget" the end target.
 */
function relabel(message: string, years: number[]): string {
  return message
    .replace(/yearlyTargets\[(\d+)\]\.target\.(lower|upper)/g, (_, index: string, part: string) => {
      return `${part}_${years[Number(index)]}`;
    })
    .replace(/yearlyTargets\[(\d+)\]\.(?:target|year)(?:\.value)?/g, (_, index: string) => {
      return `the ${years[Number(index)]} target`;
    })
    .replace(/endTarget\.(lower|upper)/g, 'end_$1')
    .replace(/endTarget(?:\.value)?/g, 'the end target')
    .replace(/^yearlyTargets /, 'the row ')
    .replace(/\bbaselineYear\b/g, 'baseline_year')
    .replace(/\bminimizeFormula\b/g, 'minimize_formula');
}

function firstYearWithoutTarget(row: IndicatorRow, plan: PlanYears): number {
  const given = new Set(row.indicator.yearlyTargets.map((entry) => entry.year));
  let year = Math.max(plan.startYear, row.indicator.baselineYear + 1);
  while (given.has(year)) {
    year += 1;
  }
  return year;
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
