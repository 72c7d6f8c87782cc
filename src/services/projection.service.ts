import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  ClauseScoreRecord,
  Evaluation,
  Indicator,
  IndicatorTarget,
  Mission,
  Plan,
  Task,
} from '../entities';
import { EvaluationStatus } from '../entities/enums';
import type { Dec } from '../scoring/decimal';
import {
  type Projection,
  projectIndicator,
  ProjectionStatus,
  statusFor,
} from '../scoring/projection';
import type { MinimizeFormula, TargetValue } from '../scoring/types';
import { assertYearInPlan } from './plan-years';
import { findOrFail } from './repository-helpers';
import type { ScoreService } from './score.service';
import { endTargetOf } from './targets';

/** Where a realised yearly value comes from. */
export enum RealizationSource {
  /** The stored realisation of a FINAL evaluation. */
  FINAL_EVALUATION = 'FINAL_EVALUATION',
  /** Accumulated now from the counted quarterly realisations of the signed contract. */
  LIVE = 'LIVE',
}

/** One plan year of an indicator: its target and, when realised, its value. */
export interface ProjectionPoint {
  year: number;
  target: TargetValue | null;
  realization: string | null;
  source: RealizationSource | null;
}

/** An indicator projected to its plan's end year. */
export interface IndicatorProjectionResult {
  indicator: Indicator;
  plan: Plan;
  minimizeFormula: MinimizeFormula;
  points: ProjectionPoint[];
  projection: Projection;
}

/** How an at-risk status was found. */
export enum RiskBasis {
  /** Projection of the yearly values to the plan's end year. */
  PROJECTION = 'PROJECTION',
  /** Attainment so far in the year against the target to date. */
  QUARTER_TO_DATE = 'QUARTER_TO_DATE',
}

/** An indicator that is AT_RISK or OFF_TRACK. */
export interface AtRiskIndicatorResult {
  indicator: Indicator;
  status: ProjectionStatus;
  basis: RiskBasis;
  /** Projected attainment, or the attainment to date for QUARTER_TO_DATE. */
  attainment: Dec;
  /** Projected end-year value; null for QUARTER_TO_DATE. */
  projectedValue: Dec | null;
  upToQuarter: number | null;
}

/**
 * Projections and early warnings: will each indicator reach its end target, judging by the
 * years realised so far? Realised values come from FINAL evaluations where they exist and
 * otherwise from the current quarterly data of the year's SIGNED contract.
 */
export class ProjectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scores: ScoreService,
  ) {}

  /** Projects one indicator with every realised year of its plan. */
  async projectOne(indicatorId: number): Promise<IndicatorProjectionResult> {
    const manager = this.dataSource.manager;
    const indicator = await findOrFail(manager, Indicator, indicatorId, 'indicatorId');
    const task = await findOrFail(manager, Task, indicator.taskId, 'indicatorId');
    const mission = await findOrFail(manager, Mission, task.missionId, 'indicatorId');
    const plan = await findOrFail(manager, Plan, mission.planId, 'indicatorId');
    const [result] = await this.projectMany(plan, [indicator], plan.endYear);
    return result;
  }

  /**
   * Lists the plan's indicators that are AT_RISK or OFF_TRACK, worst first. Without a quarter
   * each indicator is projected from the years up to `year`; with one, each clause of the
   * year's SIGNED contracts is judged by its attainment to date. Indicators without data are
   * left out.
   */
  async atRisk(
    planId: number,
    year: number,
    upToQuarter: number | null,
  ): Promise<AtRiskIndicatorResult[]> {
    const manager = this.dataSource.manager;
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    assertYearInPlan(plan, year);
    const results =
      upToQuarter === null
        ? await this.atRiskByProjection(manager, plan, year)
        : await this.atRiskToDate(plan, year, upToQuarter);
    return results
      .filter(
        (result) =>
          result.status === ProjectionStatus.AT_RISK ||
          result.status === ProjectionStatus.OFF_TRACK,
      )
      .sort((a, b) => a.attainment.comparedTo(b.attainment) || a.indicator.id - b.indicator.id);
  }

  private async atRiskByProjection(
    manager: EntityManager,
    plan: Plan,
    year: number,
  ): Promise<AtRiskIndicatorResult[]> {
    const indicators = await manager.find(Indicator, {
      where: { task: { mission: { planId: plan.id } } },
      order: { id: 'ASC' },
    });
    const projections = await this.projectMany(plan, indicators, year);
    return projections.flatMap(({ indicator, projection }) =>
      projection.projectedAttainment === null
        ? []
        : [
            {
              indicator,
              status: projection.status,
              basis: RiskBasis.PROJECTION,
              attainment: projection.projectedAttainment,
              projectedValue: projection.projectedValue,
              upToQuarter: null,
            },
          ],
    );
  }

  private async atRiskToDate(
    plan: Plan,
    year: number,
    upToQuarter: number,
  ): Promise<AtRiskIndicatorResult[]> {
    const clauses = await this.scores.scoreClauses(
      { kind: 'signedInYear', planId: plan.id, year },
      upToQuarter,
    );
    const scored = clauses.filter((clause) => clause.score.attainment !== null);
    const indicators = await this.dataSource.manager.find(Indicator, {
      where: { id: In(scored.map((clause) => clause.row.indicatorId)) },
    });
    const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
    return scored.map((clause) => {
      const raw = clause.score.attainment?.raw as Dec;
      return {
        indicator: byId.get(clause.row.indicatorId) as Indicator,
        status: statusFor(raw, plan.scoringPolicy.atRiskMinAttainment),
        basis: RiskBasis.QUARTER_TO_DATE,
        attainment: raw,
        projectedValue: null,
        upToQuarter,
      };
    });
  }

  /** Projects indicators of one plan with the years realised up to `maxYear`. */
  private async projectMany(
    plan: Plan,
    indicators: Indicator[],
    maxYear: number,
  ): Promise<IndicatorProjectionResult[]> {
    if (indicators.length === 0) {
      return [];
    }
    const ids = indicators.map((indicator) => indicator.id);
    const targetRows = await this.dataSource.manager.find(IndicatorTarget, {
      where: { indicatorId: In(ids) },
    });
    const targets = new Map(targetRows.map((row) => [`${row.indicatorId}:${row.year}`, row]));
    const realised = await this.loadRealisedValues(plan, ids, maxYear);
    const policy = plan.scoringPolicy;

    return indicators.map((indicator) => {
      const minimizeFormula = indicator.minimizeFormula ?? policy.minimizeFormula;
      const points = buildPoints(plan, indicator, targets, realised);
      const projection = projectIndicator({
        polarity: indicator.polarity,
        minimizeFormula,
        baseline: { year: indicator.baselineYear, value: indicator.baselineValue },
        realised: points.flatMap((point) =>
          point.realization === null ? [] : [{ year: point.year, value: point.realization }],
        ),
        endYear: plan.endYear,
        endTarget: endTargetOf(indicator),
        cap: policy.attainmentCap,
        atRiskMinAttainment: policy.atRiskMinAttainment,
      });
      return { indicator, plan, minimizeFormula, points, projection };
    });
  }

  /**
   * Returns realised values keyed by "indicator:year": from the FINAL evaluation of the year's
   * SIGNED contract where one exists, otherwise accumulated from its current realisations.
   */
  private async loadRealisedValues(
    plan: Plan,
    indicatorIds: number[],
    maxYear: number,
  ): Promise<Map<string, { value: string; source: RealizationSource }>> {
    const clauses = await this.scores.scoreClauses(
      { kind: 'signedInPlan', planId: plan.id, maxYear, indicatorIds },
      null,
    );
    const finalValues = await this.loadFinalValues(clauses.map((clause) => clause.row.contractId));

    const values = new Map<string, { value: string; source: RealizationSource }>();
    for (const clause of clauses) {
      const key = `${clause.row.indicatorId}:${clause.row.year}`;
      if (finalValues.has(clause.row.clauseId)) {
        const value = finalValues.get(clause.row.clauseId);
        if (value !== null && value !== undefined) {
          values.set(key, { value, source: RealizationSource.FINAL_EVALUATION });
        }
      } else if (clause.score.realization !== null) {
        values.set(key, {
          value: clause.score.realization.toString(),
          source: RealizationSource.LIVE,
        });
      }
    }
    return values;
  }

  /** Returns, by clause id, the realisation stored in FINAL evaluations of the contracts. */
  private async loadFinalValues(contractIds: number[]): Promise<Map<number, string | null>> {
    if (contractIds.length === 0) {
      return new Map();
    }
    const manager = this.dataSource.manager;
    const evaluations = await manager.find(Evaluation, {
      select: { id: true },
      where: { contractId: In([...new Set(contractIds)]), status: EvaluationStatus.FINAL },
    });
    if (evaluations.length === 0) {
      return new Map();
    }
    const scores = await manager.find(ClauseScoreRecord, {
      select: { clauseId: true, realizationValue: true },
      where: { evaluationId: In(evaluations.map((evaluation) => evaluation.id)) },
    });
    return new Map(scores.map((score) => [score.clauseId, score.realizationValue]));
  }
}

function buildPoints(
  plan: Plan,
  indicator: Indicator,
  targets: Map<string, IndicatorTarget>,
  realised: Map<string, { value: string; source: RealizationSource }>,
): ProjectionPoint[] {
  const points: ProjectionPoint[] = [];
  for (let year = plan.startYear; year <= plan.endYear; year++) {
    const target = targets.get(`${indicator.id}:${year}`);
    const value = realised.get(`${indicator.id}:${year}`);
    points.push({
      year,
      target: target ? { value: target.value, lower: target.lower, upper: target.upper } : null,
      realization: value?.value ?? null,
      source: value?.source ?? null,
    });
  }
  return points;
}
