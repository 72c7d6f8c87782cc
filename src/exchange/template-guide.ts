import type { Plan } from '../entities';
import { TEXT_LIMITS } from '../services/indicator.service';
import { type SheetTable } from './spreadsheet';

/**
 * Returns the Guide sheet of the import template: one row per column with whether it is
 * required and what it holds. docs/spreadsheet-import.md explains the same layout at length.
 */
export function templateGuide(plan: Pick<Plan, 'code' | 'startYear' | 'endYear'>): SheetTable {
  const years = `${plan.startYear}-${plan.endYear}`;
  const rows: [string, string, string][] = [
    [
      'mission',
      'yes',
      `Mission number of plan ${plan.code} (see the Missions sheet); the OPD must be assigned to it.`,
    ],
    [
      'task',
      'yes',
      `Task (uraian tugas), up to ${TEXT_LIMITS.taskDescription} characters. Rows with the same mission and task text share one task; a stored task with that text is reused.`,
    ],
    [
      'indicator',
      'yes',
      `Indicator name, up to ${TEXT_LIMITS.name} characters, unique within its task.`,
    ],
    [
      'unit',
      'yes',
      `Unit of measure, for example %, km or persons; up to ${TEXT_LIMITS.unit} characters.`,
    ],
    [
      'definition',
      'yes',
      `How the value is defined and measured; up to ${TEXT_LIMITS.definition} characters.`,
    ],
    [
      'data_source',
      'yes',
      `Where the values come from (data dukung); up to ${TEXT_LIMITS.dataSource} characters.`,
    ],
    [
      'polarity',
      'yes',
      'MAXIMIZE (higher is better), MINIMIZE (lower is better) or STABILIZE (stay inside a band).',
    ],
    ['accumulation', 'yes', 'How quarterly values combine: SUM, LAST or AVERAGE.'],
    [
      'minimize_formula',
      'no',
      'MINIMIZE only: DIFFERENCE or RATIO; empty means the plan policy decides.',
    ],
    [
      'baseline_year',
      'yes',
      `Year of the baseline (titik nol), from ${plan.startYear - 5} to ${plan.endYear - 1}.`,
    ],
    [
      'baseline_value',
      'yes',
      'Baseline value: a number with a point before decimals, at most 4 decimals.',
    ],
    ['end_target', 'MAXIMIZE, MINIMIZE', `Target for ${plan.endYear} (titik akhir).`],
    ['end_lower, end_upper', 'STABILIZE', `Band for ${plan.endYear}: lower bound and upper bound.`],
    [
      'target_<year>',
      'MAXIMIZE, MINIMIZE',
      `Target of each plan year ${years}; required for every year after baseline_year.`,
    ],
    [
      'lower_<year>, upper_<year>',
      'STABILIZE',
      'Band of each plan year; required for every year after baseline_year.',
    ],
  ];
  return {
    name: 'Guide',
    header: ['column', 'required', 'meaning'],
    rows,
    widths: [26, 20, 110],
  };
}
