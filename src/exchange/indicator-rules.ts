import type { Plan } from '../entities';
import { checkTargetShape, type RuleViolation } from '../rules/target-rules';
import {
  checkBaselineYear,
  checkMinimizeFormula,
  checkTargetYearsCovered,
  checkYearlyTargets,
  missingTargetYears,
  type YearTargetData,
} from '../services/indicator.service';
import { type MinimizeFormula, type Polarity, type TargetValue } from '../scoring/types';
import { cellError, type ImportRowError } from './cell-parsers';
import { type CellValue } from './spreadsheet';

/** The plan's fields that the rules of an indicator need. */
export type PlanRules = Pick<Plan, 'code' | 'startYear' | 'endYear'>;

/**
 * Values of one row that validateIndicator checks, each null where its cell was empty or
 * invalid.
 */
export interface RuleInputs {
  polarity: Polarity | null;
  minimizeFormula: MinimizeFormula | null;
  baselineYear: number | null;
  endTarget: TargetValue;
  /** Targets of the plan years whose three cells were read without error and not all empty. */
  yearlyTargets: YearTargetData[];
  /** Plan years with an invalid target, lower or upper cell. */
  failedYears: number[];
}

/** A row's number and cells, and the file's column positions, for building its errors. */
export interface RowPlace {
  rowNumber: number;
  cells: readonly CellValue[];
  columnIndex: ReadonlyMap<string, number>;
}

const END_TARGET_COLUMNS = ['end_target', 'end_lower', 'end_upper'];

/**
 * Runs the checks of validateIndicator on a row as read, each one only when the cells it needs
 * were read without error (`failedColumns` lists the others). So a bad cell is reported once,
 * by its own message, and every other broken rule of the row is still reported. A row without
 * failed cells gets exactly validateIndicator's checks. Returns the errors on the columns the
 * violations concern.
 */
export function checkRowRules(
  inputs: RuleInputs,
  failedColumns: ReadonlySet<string>,
  place: RowPlace,
  plan: PlanRules,
): ImportRowError[] {
  const { polarity, baselineYear } = inputs;
  const violations: RuleViolation[] = [];
  if (polarity !== null && !failedColumns.has('minimize_formula')) {
    violations.push(...checkMinimizeFormula(polarity, inputs.minimizeFormula));
  }
  if (baselineYear !== null) {
    violations.push(...checkBaselineYear(baselineYear, plan));
  }
  if (polarity !== null && !END_TARGET_COLUMNS.some((column) => failedColumns.has(column))) {
    violations.push(...checkTargetShape(polarity, inputs.endTarget, 'endTarget'));
  }
  if (polarity !== null) {
    violations.push(...checkYearlyTargets(polarity, inputs.yearlyTargets, plan));
  }

  // A year with an invalid cell counts as given, because its cell error already covers it.
  const givenYears = new Set([
    ...inputs.yearlyTargets.map((entry) => entry.year),
    ...inputs.failedYears,
  ]);
  if (baselineYear !== null) {
    violations.push(...checkTargetYearsCovered(baselineYear, givenYears, plan));
  }

  const years = inputs.yearlyTargets.map((entry) => entry.year);
  return violations.map((violation) => {
    const column = columnOf(
      violation.field,
      years,
      () => missingTargetYears(baselineYear ?? plan.startYear, givenYears, plan)[0],
    );
    const raw = cellOf(place, column);
    const problem = withoutLeadingValue(relabel(violation.message, years), column);
    return cellError(place.rowNumber, column, place.columnIndex, raw, problem);
  });
}

/** Returns the cell of a column in a row, or null when the file has no such column. */
export function cellOf(place: RowPlace, column: string): CellValue {
  const index = place.columnIndex.get(column);
  return index === undefined ? null : (place.cells[index] ?? null);
}

/**
 * Maps a validateIndicator field path to the column it concerns. `firstMissingYear` gives the
 * column of a missing target.
 */
function columnOf(field: string, years: number[], firstMissingYear: () => number): string {
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
      return `target_${firstMissingYear()}`;
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

/**
 * Drops the column name and the number that start a message such as "end_lower 4 must not
 * exceed end_upper 2", because the error already names the column and quotes the cell.
 */
function withoutLeadingValue(message: string, column: string): string {
  if (!message.startsWith(`${column} `)) {
    return message;
  }
  return message.slice(column.length + 1).replace(/^-?\d+(?:\.\d+)? /, '');
}
