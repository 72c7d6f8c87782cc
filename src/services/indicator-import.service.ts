import { type EntityManager, In } from 'typeorm';
import { type Actor, isOpdRole } from '../auth/actor';
import { requireRole } from '../auth/permissions';
import {
  type Indicator,
  type IndicatorTarget,
  type Mission,
  MissionAssignment,
  Opd,
  Plan,
  Task,
} from '../entities';
import type { ImportLimits } from '../config/config';
import { Role } from '../entities/enums';
import { BusinessRuleError, ForbiddenError } from '../errors/app-errors';
import { cellError, type ImportRowError } from '../exchange/cell-parsers';
import { cellOf } from '../exchange/indicator-rules';
import {
  INDICATOR_SHEET,
  type IndicatorRow,
  type ParsedIndicatorSheet,
  parseIndicatorTable,
} from '../exchange/indicator-sheet';
import { readTable, type SpreadsheetFormat } from '../exchange/spreadsheet';
import { type IndicatorService } from './indicator.service';
import { loadOpdIndicators } from './opd-indicators';
import { findOrFail } from './repository-helpers';
import { endTargetOf } from './targets';

/** A spreadsheet to import for one OPD under one plan. */
export interface ImportIndicatorsData {
  planId: number;
  opdId: number;
  content: Buffer;
  format: SpreadsheetFormat;
  /** Name of the file for messages, such as "targets.xlsx"; the mutation has none. */
  fileName?: string;
}

/** How far an import has come; `total` is the number of data rows. */
export interface ImportProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

/** Counts of a successful import. */
export interface ImportSummary {
  plan: Plan;
  opd: Opd;
  /** Data rows in the file. */
  rows: number;
  tasksCreated: number;
  indicatorsCreated: number;
  /** Rows that matched a stored indicator in every column and so changed nothing. */
  indicatorsUnchanged: number;
}

/**
 * Maximum number of row errors that a rejected import lists, taking the first in row and column
 * order. Without it, a file of 5000 rows (the default IMPORT_MAX_ROWS) with a bad value in every
 * cell lists several errors per row, tens of thousands in all, in a response of megabytes.
 * rowErrorCount counts them all.
 */
export const MAX_LISTED_ROW_ERRORS = 200;

/**
 * A file with at least one error; nothing of it was imported. `rowErrors` contains the first
 * MAX_LISTED_ROW_ERRORS of the errors in the order given, and `rowErrorCount` counts them all.
 */
export class ImportRejectedError extends BusinessRuleError {
  readonly rowErrors: ImportRowError[];
  readonly rowErrorCount: number;

  constructor(errors: ImportRowError[]) {
    super(
      `The file has ${errors.length} error(s), so nothing was imported: correct every ` +
        'listed cell and import the whole file again',
      'file',
    );
    this.rowErrors = errors.slice(0, MAX_LISTED_ROW_ERRORS);
    this.rowErrorCount = errors.length;
  }

  /** Whether rowErrors leaves out some of the errors. */
  get rowErrorsTruncated(): boolean {
    return this.rowErrorCount > this.rowErrors.length;
  }
}

/** Roles that may import: the planning agency for any OPD, OPD users for their own. */
const IMPORT_ROLES: readonly Role[] = [Role.ADMIN, Role.OPD_HEAD, Role.OPD_STAFF];

/** Stored data the import compares rows with: the plan's missions and the OPD's tasks. */
interface StoredState {
  missionsByNumber: Map<number, Mission>;
  assignedMissionIds: Set<number>;
  /** Tasks of the OPD by mission id and description. */
  tasks: Map<string, Task>;
  /** Indicators of those tasks by task id and name, with their yearly targets. */
  indicators: Map<string, { indicator: Indicator; targets: IndicatorTarget[] }>;
}

/**
 * Imports tasks, indicators, baselines and yearly targets of one OPD from a spreadsheet in the
 * template's layout. Every row passes the same checks as createTask and createIndicator; a
 * file with any error imports nothing. Rows are matched to stored data by mission, task
 * description and indicator name. A missing task is created, and a row equal to a stored
 * indicator changes nothing. A row that differs from a stored indicator is an error, because
 * the import only adds.
 */
export class IndicatorImportService {
  constructor(
    private readonly indicators: IndicatorService,
    private readonly limits: ImportLimits,
  ) {}

  /** Imports the file inside the caller's transaction; throws ImportRejectedError on errors. */
  async importIndicators(
    manager: EntityManager,
    actor: Actor,
    data: ImportIndicatorsData,
    onProgress: (progress: ImportProgress) => void = () => undefined,
  ): Promise<ImportSummary> {
    requireImportRight(actor, data.opdId);
    const plan = await findOrFail(manager, Plan, data.planId, 'planId');
    const opd = await findOrFail(manager, Opd, data.opdId, 'opdId');

    const table = await readTable(data.content, data.format, {
      sheetName: INDICATOR_SHEET,
      limits: this.limits,
      fileName: data.fileName,
    });
    const parsed = parseIndicatorTable(table, plan);
    const stored = await loadStoredState(manager, plan, opd);
    const checked = checkRows(parsed, stored, plan, onProgress);
    const errors = [...parsed.errors, ...checked.errors];
    if (errors.length === 0 && table.rows.length === 0) {
      errors.push(
        cellError(2, 'mission', parsed.columnIndex, null, 'is empty: the file has no data rows'),
      );
    }
    if (errors.length > 0) {
      // Row by row, and left to right within a row; errors of columns missing from the file
      // come last.
      const position = (error: ImportRowError) =>
        parsed.columnIndex.get(error.column) ?? Number.MAX_SAFE_INTEGER;
      throw new ImportRejectedError(
        errors.sort((a, b) => a.row - b.row || position(a) - position(b)),
      );
    }

    const created = await this.writeRows(manager, opd, checked.newRows, stored, onProgress);
    return {
      plan,
      opd,
      rows: table.rows.length,
      tasksCreated: created.tasks,
      indicatorsCreated: checked.newRows.length,
      indicatorsUnchanged: checked.unchanged,
    };
  }

  private async writeRows(
    manager: EntityManager,
    opd: Opd,
    rows: IndicatorRow[],
    stored: StoredState,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<{ tasks: number }> {
    let tasksCreated = 0;
    for (const [index, row] of rows.entries()) {
      const mission = stored.missionsByNumber.get(row.missionNumber) as Mission;
      const key = taskKey(mission.id, row.taskDescription);
      let task = stored.tasks.get(key);
      if (!task) {
        task = await manager.save(
          manager.create(Task, {
            opdId: opd.id,
            missionId: mission.id,
            description: row.taskDescription,
          }),
        );
        stored.tasks.set(key, task);
        tasksCreated += 1;
      }
      await this.indicators.insertIndicator(manager, { ...row.indicator, taskId: task.id });
      onProgress({ phase: 'write', done: index + 1, total: rows.length });
    }
    return { tasks: tasksCreated };
  }
}

function requireImportRight(actor: Actor, opdId: number): void {
  requireRole(actor, IMPORT_ROLES, 'import indicators');
  if (isOpdRole(actor.role) && actor.opdId !== opdId) {
    throw new ForbiddenError(
      `User ${actor.username} may not import indicators for an OPD that is not theirs`,
    );
  }
}

async function loadStoredState(manager: EntityManager, plan: Plan, opd: Opd): Promise<StoredState> {
  const { missions, tasks, indicators, targets } = await loadOpdIndicators(
    manager,
    plan.id,
    opd.id,
  );
  const assignments = await manager.find(MissionAssignment, {
    where: { opdId: opd.id, missionId: In(missions.map((mission) => mission.id)) },
  });

  return {
    missionsByNumber: new Map(missions.map((mission) => [mission.number, mission])),
    assignedMissionIds: new Set(assignments.map((assignment) => assignment.missionId)),
    tasks: new Map(tasks.map((task) => [taskKey(task.missionId, task.description), task])),
    indicators: new Map(
      indicators.map((indicator) => [
        indicatorKey(indicator.taskId, indicator.name),
        {
          indicator,
          targets: targets.filter((target) => target.indicatorId === indicator.id),
        },
      ]),
    ),
  };
}

/**
 * Checks every read row against the stored data: its mission, repeated rows, and stored
 * indicators of the same name. A row with errors in other cells still gets every check whose
 * cells were read. Returns the rows to create, how many rows matched stored indicators, and
 * the errors.
 */
function checkRows(
  parsed: ParsedIndicatorSheet,
  stored: StoredState,
  plan: Plan,
  onProgress: (progress: ImportProgress) => void,
) {
  const errors: ImportRowError[] = [];
  const newRows: IndicatorRow[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;

  for (const [index, row] of parsed.rows.entries()) {
    let rowFailed = false;
    const fail = (column: string, problem: string) => {
      errors.push(cellError(row.rowNumber, column, row.columnIndex, cellOf(row, column), problem));
      rowFailed = true;
    };
    onProgress({ phase: 'validate', done: index + 1, total: parsed.rows.length });

    const mission =
      row.missionNumber === null ? undefined : stored.missionsByNumber.get(row.missionNumber);
    if (row.missionNumber !== null && !mission) {
      const numbers = [...stored.missionsByNumber.keys()].sort((a, b) => a - b).join(', ');
      fail('mission', `is not a mission of plan ${plan.code}; use ${numbers}`);
    }
    if (mission && !stored.assignedMissionIds.has(mission.id)) {
      fail(
        'mission',
        'is a mission the OPD is not assigned to; ask the planning agency to assign it first',
      );
    }

    if (row.missionNumber !== null && row.taskDescription !== null && row.name !== null) {
      const rowKey = `${row.missionNumber}\u0000${row.taskDescription}\u0000${row.name}`;
      const earlier = seen.get(rowKey);
      if (earlier === undefined) {
        seen.set(rowKey, row.rowNumber);
      } else {
        fail('indicator', `repeats the indicator of row ${earlier} in the same mission and task`);
      }
    }

    const complete = row.complete;
    if (!complete || !mission || rowFailed) {
      continue;
    }
    const task = stored.tasks.get(taskKey(mission.id, complete.taskDescription));
    const existing = task && stored.indicators.get(indicatorKey(task.id, complete.indicator.name));
    if (!existing) {
      newRows.push(complete);
      continue;
    }
    const differing = differingColumns(existing.indicator, existing.targets, complete);
    if (differing.length === 0) {
      unchanged += 1;
    } else {
      fail(
        differing[0],
        `differs from the stored indicator "${complete.indicator.name}" of this task in ` +
          `${differing.join(', ')}; the import only adds indicators and never changes stored ` +
          'ones, so give the row a new name or remove it',
      );
    }
  }
  return { errors, newRows, unchanged };
}

/** Returns the columns in which a row differs from a stored indicator, in template order. */
function differingColumns(
  indicator: Indicator,
  targets: readonly IndicatorTarget[],
  row: IndicatorRow,
): string[] {
  const given = row.indicator;
  const columns: string[] = [];
  const compare = (column: string, stored: unknown, read: unknown) => {
    if ((stored ?? null) !== (read ?? null)) {
      columns.push(column);
    }
  };
  compare('unit', indicator.unit, given.unit);
  compare('definition', indicator.definition, given.definition);
  compare('data_source', indicator.dataSource, given.dataSource);
  compare('polarity', indicator.polarity, given.polarity);
  compare('accumulation', indicator.accumulation, given.accumulation);
  compare('minimize_formula', indicator.minimizeFormula, given.minimizeFormula);
  compare('baseline_year', indicator.baselineYear, given.baselineYear);
  compare('baseline_value', indicator.baselineValue, given.baselineValue);
  const end = endTargetOf(indicator);
  compare('end_target', end.value, given.endTarget.value);
  compare('end_lower', end.lower, given.endTarget.lower);
  compare('end_upper', end.upper, given.endTarget.upper);

  const storedByYear = new Map(targets.map((target) => [target.year, target]));
  const readByYear = new Map(given.yearlyTargets.map((entry) => [entry.year, entry.target]));
  const years = [...new Set([...storedByYear.keys(), ...readByYear.keys()])].sort();
  for (const year of years) {
    const stored = storedByYear.get(year);
    const read = readByYear.get(year);
    compare(`target_${year}`, stored?.value, read?.value);
    compare(`lower_${year}`, stored?.lower, read?.lower);
    compare(`upper_${year}`, stored?.upper, read?.upper);
  }
  return columns;
}

function taskKey(missionId: number, description: string): string {
  return `${missionId}\u0000${description}`;
}

function indicatorKey(taskId: number, name: string): string {
  return `${taskId}\u0000${name}`;
}
