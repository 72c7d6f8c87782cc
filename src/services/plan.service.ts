import { type DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/permissions';
import { Role } from '../entities/enums';
import { Mission, Plan } from '../entities';
import { BusinessRuleError, ConflictError } from '../errors/app-errors';
import {
  DEFAULT_SCORING_POLICY,
  type ScoringPolicy,
  validateScoringPolicy,
} from '../scoring/policy';
import { findOrFail, translateUniqueViolation } from './repository-helpers';

/** Longest plan span accepted, in years; an RPJMD covers five. */
const MAX_PLAN_YEARS = 10;

/** Fields of a new plan; a missing policy, or missing policy fields, take the defaults. */
export interface CreatePlanData {
  code: string;
  title: string;
  governmentName: string;
  startYear: number;
  endYear: number;
  vision: string;
  scoringPolicy: Partial<ScoringPolicy> | null;
}

/** Fields of a new mission. */
export interface CreateMissionData {
  planId: number;
  number: number;
  title: string;
  description: string;
}

/** Plans (RPJMD) and their missions. */
export class PlanService {
  constructor(private readonly dataSource: DataSource) {}

  /** Lists every plan, newest start year first. */
  listPlans(): Promise<Plan[]> {
    return this.dataSource.manager.find(Plan, { order: { startYear: 'DESC', id: 'ASC' } });
  }

  /** Creates a plan with a validated scoring policy (ADMIN). */
  async createPlan(manager: EntityManager, actor: Actor, data: CreatePlanData): Promise<Plan> {
    requireRole(actor, [Role.ADMIN], 'create plans');

    const span = data.endYear - data.startYear;
    if (span < 1 || span > MAX_PLAN_YEARS) {
      throw new BusinessRuleError(
        `endYear ${data.endYear} is invalid: it must be 1 to ${MAX_PLAN_YEARS} years after ` +
          `startYear ${data.startYear}`,
        'endYear',
      );
    }
    const scoringPolicy: ScoringPolicy = { ...DEFAULT_SCORING_POLICY, ...data.scoringPolicy };
    BusinessRuleError.throwIfAny(
      validateScoringPolicy(scoringPolicy).map((violation) => ({
        field: `scoringPolicy.${violation.field}`,
        message: violation.message,
      })),
    );

    const plan = manager.create(Plan, {
      code: data.code,
      title: data.title,
      governmentName: data.governmentName,
      startYear: data.startYear,
      endYear: data.endYear,
      vision: data.vision,
      scoringPolicy,
      createdAt: new Date(),
    });
    return translateUniqueViolation(
      () => manager.save(plan),
      () => new ConflictError(`A plan with code "${data.code}" already exists`, 'code'),
    );
  }

  /** Adds a mission to a plan (ADMIN); mission numbers are unique within a plan. */
  async createMission(
    manager: EntityManager,
    actor: Actor,
    data: CreateMissionData,
  ): Promise<Mission> {
    requireRole(actor, [Role.ADMIN], 'create missions');
    await findOrFail(manager, Plan, data.planId, 'planId');

    const mission = manager.create(Mission, data);
    return translateUniqueViolation(
      () => manager.save(mission),
      () => new ConflictError(`The plan already has a mission number ${data.number}`, 'number'),
    );
  }
}
