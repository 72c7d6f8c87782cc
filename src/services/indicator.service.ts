import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { OPD_USER_ROLES, requireOwnOpd, requireRole } from '../auth/permissions';
import {
  Indicator,
  IndicatorTarget,
  Mission,
  MissionAssignment,
  Opd,
  Plan,
  Task,
} from '../entities';
import { BusinessRuleError } from '../errors/app-errors';
import { checkTargetShape, type RuleViolation } from '../rules/target-rules';
import {
  type Accumulation,
  type MinimizeFormula,
  Polarity,
  type TargetValue,
} from '../scoring/types';
import { findOrFail } from './repository-helpers';

/** Fields of a new task. */
export interface CreateTaskData {
  opdId: number;
  missionId: number;
  description: string;
}

/** Target of one plan year. */
export interface YearTargetData {
  year: number;
  target: TargetValue;
}

/** Fields of a new indicator. */
export interface CreateIndicatorData {
  taskId: number;
  name: string;
  unit: string;
  definition: string;
  dataSource: string;
  polarity: Polarity;
  accumulation: Accumulation;
  minimizeFormula: MinimizeFormula | null;
  baselineYear: number;
  baselineValue: string;
  endTarget: TargetValue;
  yearlyTargets: YearTargetData[];
}

/** How many years before the plan starts a baseline may lie. */
const MAX_BASELINE_YEARS_BEFORE_PLAN = 5;

/**
 * Lengths of the text fields of tasks and indicators, in characters, as the columns store
 * them. The GraphQL inputs and the spreadsheet import check the same limits.
 */
export const TEXT_LIMITS = {
  taskDescription: 5000,
  name: 300,
  unit: 60,
  definition: 5000,
  dataSource: 500,
} as const;

/** Tasks (uraian tugas) and indicators (indikator capaian) of an OPD. */
export class IndicatorService {
  /** Creates a task for the actor's own OPD under a mission the OPD is assigned to. */
  async createTask(manager: EntityManager, actor: Actor, data: CreateTaskData): Promise<Task> {
    requireOwnOpd(actor, data.opdId, 'create tasks');
    await findOrFail(manager, Opd, data.opdId, 'opdId');
    const mission = await findOrFail(manager, Mission, data.missionId, 'missionId');

    const assigned = await manager.exists(MissionAssignment, {
      where: { opdId: data.opdId, missionId: data.missionId },
    });
    if (!assigned) {
      throw new BusinessRuleError(
        `missionId: the OPD is not assigned to mission ${mission.number}; ask the planning ` +
          'agency to assign it first',
        'missionId',
      );
    }
    return manager.save(manager.create(Task, data));
  }

  /**
   * Creates an indicator with its yearly targets for a task of the actor's own OPD. Every plan
   * year after the baseline year needs a target; targets have the shape the polarity needs.
   */
  async createIndicator(
    manager: EntityManager,
    actor: Actor,
    data: CreateIndicatorData,
  ): Promise<Indicator> {
    // The role is checked before any lookup, so a role that may never do this gets FORBIDDEN
    // rather than learning whether the task exists.
    requireRole(actor, OPD_USER_ROLES, 'create indicators');
    const task = await findOrFail(manager, Task, data.taskId, 'taskId');
    requireOwnOpd(actor, task.opdId, 'create indicators');
    const mission = await findOrFail(manager, Mission, task.missionId, 'taskId');
    const plan = await findOrFail(manager, Plan, mission.planId, 'taskId');

    BusinessRuleError.throwIfAny(validateIndicator(data, plan));
    return this.insertIndicator(manager, data);
  }

  /**
   * Stores an indicator and its yearly targets without any check: the caller has checked the
   * actor's rights and run validateIndicator on `data`.
   */
  async insertIndicator(manager: EntityManager, data: CreateIndicatorData): Promise<Indicator> {
    const indicator = await manager.save(
      manager.create(Indicator, {
        taskId: data.taskId,
        name: data.name,
        unit: data.unit,
        definition: data.definition,
        dataSource: data.dataSource,
        polarity: data.polarity,
        accumulation: data.accumulation,
        minimizeFormula: data.minimizeFormula,
        baselineYear: data.baselineYear,
        baselineValue: data.baselineValue,
        endTargetValue: data.endTarget.value ?? null,
        endTargetLower: data.endTarget.lower ?? null,
        endTargetUpper: data.endTarget.upper ?? null,
      }),
    );
    const targets = data.yearlyTargets.map((entry) =>
      manager.create(IndicatorTarget, {
        indicatorId: indicator.id,
        year: entry.year,
        value: entry.target.value ?? null,
        lower: entry.target.lower ?? null,
        upper: entry.target.upper ?? null,
      }),
    );
    await manager.save(targets);
    return indicator;
  }
}

/**
 * Checks an indicator against its plan. A minimize formula is allowed only on MINIMIZE, and the
 * baseline year lies from five years before the plan to the year before its end. The end target
 * has the polarity's shape, and every plan year after the baseline year has such a target.
 * Violation fields are input paths: "yearlyTargets[2].target" is data.yearlyTargets[2]. The
 * spreadsheet import runs the same checks one by one, skipping those whose cells are invalid.
 */
export function validateIndicator(data: CreateIndicatorData, plan: Plan): RuleViolation[] {
  return [
    ...checkMinimizeFormula(data.polarity, data.minimizeFormula),
    ...checkBaselineYear(data.baselineYear, plan),
    ...checkTargetShape(data.polarity, data.endTarget, 'endTarget'),
    ...checkYearlyTargets(data.polarity, data.yearlyTargets, plan),
    ...checkTargetYearsCovered(
      data.baselineYear,
      data.yearlyTargets.map((entry) => entry.year),
      plan,
    ),
  ];
}

/** Checks that a minimize formula is given only for a MINIMIZE indicator. */
export function checkMinimizeFormula(
  polarity: Polarity,
  minimizeFormula: MinimizeFormula | null,
): RuleViolation[] {
  if (minimizeFormula === null || polarity === Polarity.MINIMIZE) {
    return [];
  }
  return [
    {
      field: 'minimizeFormula',
      message: `minimizeFormula applies only to MINIMIZE indicators, not to ${polarity}`,
    },
  ];
}

/**
 * Checks that the baseline year lies from five years before the plan starts to the year
 * before it ends.
 */
export function checkBaselineYear(
  baselineYear: number,
  plan: Pick<Plan, 'code' | 'startYear' | 'endYear'>,
): RuleViolation[] {
  const earliest = plan.startYear - MAX_BASELINE_YEARS_BEFORE_PLAN;
  if (baselineYear >= earliest && baselineYear < plan.endYear) {
    return [];
  }
  return [
    {
      field: 'baselineYear',
      message:
        `baselineYear ${baselineYear} is invalid: it must lie from ${earliest} to ` +
        `${plan.endYear - 1} for plan ${plan.code} (${plan.startYear}-${plan.endYear})`,
    },
  ];
}

/**
 * Checks each yearly target: its year lies in the plan and appears once, and the target has
 * the polarity's shape.
 */
export function checkYearlyTargets(
  polarity: Polarity,
  yearlyTargets: readonly YearTargetData[],
  plan: Pick<Plan, 'startYear' | 'endYear'>,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const seen = new Set<number>();

  yearlyTargets.forEach((entry, index) => {
    const field = `yearlyTargets[${index}]`;
    if (entry.year < plan.startYear || entry.year > plan.endYear) {
      violations.push({
        field: `${field}.year`,
        message: `${field}.year ${entry.year} is outside plan years ${plan.startYear}-${plan.endYear}`,
      });
    }
    if (seen.has(entry.year)) {
      violations.push({
        field: `${field}.year`,
        message: `${field}.year ${entry.year} appears more than once`,
      });
    }
    seen.add(entry.year);
    violations.push(...checkTargetShape(polarity, entry.target, `${field}.target`));
  });
  return violations;
}

/** Checks that every plan year after the baseline year is among `givenYears`. */
export function checkTargetYearsCovered(
  baselineYear: number,
  givenYears: Iterable<number>,
  plan: Pick<Plan, 'startYear' | 'endYear'>,
): RuleViolation[] {
  const missing = missingTargetYears(baselineYear, new Set(givenYears), plan);
  if (missing.length === 0) {
    return [];
  }
  return [
    {
      field: 'yearlyTargets',
      message: `yearlyTargets has no target for ${missing.join(', ')}: every plan year after the baseline year needs one`,
    },
  ];
}

/** Returns the plan years after the baseline year that are not in `givenYears`, in order. */
export function missingTargetYears(
  baselineYear: number,
  givenYears: ReadonlySet<number>,
  plan: Pick<Plan, 'startYear' | 'endYear'>,
): number[] {
  const missing: number[] = [];
  for (let year = Math.max(plan.startYear, baselineYear + 1); year <= plan.endYear; year++) {
    if (!givenYears.has(year)) {
      missing.push(year);
    }
  }
  return missing;
}
