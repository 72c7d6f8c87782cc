import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Clause, Indicator, Mission, Opd, Plan, Task } from '../../entities';
import { endTargetOf } from '../../services/targets';
import { MinimizeFormula, Polarity, TargetValue } from '../../scoring/types';
import { GraphQLContext } from '../context';
import { CreateIndicatorInput } from '../inputs/indicator.input';
import { runMutation } from '../mutation';
import { CreateIndicatorPayload } from '../payloads/payloads';
import { decodeId } from '../relay/global-id';
import { ClauseType } from '../types/clause.type';
import { IndicatorType } from '../types/indicator.type';
import { MissionType } from '../types/mission.type';
import { OpdType } from '../types/opd.type';
import { BaselineType, TargetType, YearTargetType } from '../types/target.type';
import { TaskType } from '../types/task.type';

@Resolver(() => IndicatorType)
export class IndicatorResolver {
  @Authorized()
  @Query(() => IndicatorType, { nullable: true, description: 'An indicator by ID; null if none.' })
  indicator(
    @Arg('id', () => ID, { description: 'Global ID of the indicator.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Indicator | null> {
    return context.loaders.indicator.load(decodeId(id, 'Indicator', 'id'));
  }

  @Authorized()
  @Mutation(() => CreateIndicatorPayload, {
    description: 'Creates an indicator with its targets for a task of the caller own OPD.',
  })
  createIndicator(
    @Arg('input', () => CreateIndicatorInput, { description: 'Input of the mutation.' })
    input: CreateIndicatorInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateIndicatorPayload> {
    const taskId = decodeId(input.taskId, 'Task', 'taskId');
    return runMutation(context, {
      action: 'createIndicator',
      input,
      work: (manager, actor) =>
        context.services.indicators.createIndicator(manager, actor, {
          ...input,
          taskId,
          minimizeFormula: input.minimizeFormula ?? null,
          endTarget: { ...input.endTarget },
          yearlyTargets: input.yearlyTargets.map((entry) => ({
            year: entry.year,
            target: { ...entry.target },
          })),
        }),
      toPayload: (indicator) => ({ indicator }),
      emptyPayload: { indicator: null },
    });
  }

  @FieldResolver(() => TaskType, { description: 'Task the indicator measures.' })
  async task(@Root() indicator: Indicator, @Ctx() context: GraphQLContext): Promise<Task> {
    return (await context.loaders.task.load(indicator.taskId)) as Task;
  }

  @FieldResolver(() => OpdType, { description: 'OPD that owns the indicator.' })
  async opd(@Root() indicator: Indicator, @Ctx() context: GraphQLContext): Promise<Opd> {
    const task = (await context.loaders.task.load(indicator.taskId)) as Task;
    return (await context.loaders.opd.load(task.opdId)) as Opd;
  }

  @FieldResolver(() => MissionType, { description: 'Mission the indicator serves.' })
  async mission(@Root() indicator: Indicator, @Ctx() context: GraphQLContext): Promise<Mission> {
    const task = (await context.loaders.task.load(indicator.taskId)) as Task;
    return (await context.loaders.mission.load(task.missionId)) as Mission;
  }

  @FieldResolver(() => MinimizeFormula, {
    nullable: true,
    description:
      'Formula scores use: the indicator own, else the plan policy; null unless MINIMIZE.',
  })
  async effectiveMinimizeFormula(
    @Root() indicator: Indicator,
    @Ctx() context: GraphQLContext,
  ): Promise<MinimizeFormula | null> {
    if (indicator.polarity !== Polarity.MINIMIZE) {
      return null;
    }
    if (indicator.minimizeFormula) {
      return indicator.minimizeFormula;
    }
    const mission = await this.mission(indicator, context);
    const plan = (await context.loaders.plan.load(mission.planId)) as Plan;
    return plan.scoringPolicy.minimizeFormula;
  }

  @FieldResolver(() => BaselineType, { description: 'Starting point (titik nol).' })
  baseline(@Root() indicator: Indicator): BaselineType {
    return { year: indicator.baselineYear, value: indicator.baselineValue };
  }

  @FieldResolver(() => TargetType, { description: 'Target for the plan end year (titik akhir).' })
  endTarget(@Root() indicator: Indicator): TargetValue {
    return endTargetOf(indicator);
  }

  @FieldResolver(() => [YearTargetType], { description: 'Target of each plan year, by year.' })
  async targets(
    @Root() indicator: Indicator,
    @Ctx() context: GraphQLContext,
  ): Promise<YearTargetType[]> {
    const rows = await context.loaders.targetsByIndicator.load(indicator.id);
    return rows.map((row) => ({
      year: row.year,
      target: { value: row.value, lower: row.lower, upper: row.upper },
    }));
  }

  @FieldResolver(() => [ClauseType], {
    description: 'Contract clauses on the indicator, every year and version, by ID.',
  })
  clauses(@Root() indicator: Indicator, @Ctx() context: GraphQLContext): Promise<Clause[]> {
    return context.loaders.clausesByIndicator.load(indicator.id);
  }
}
