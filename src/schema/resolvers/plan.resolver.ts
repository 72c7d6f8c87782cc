import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Mission, Plan } from '../../entities';
import { GraphQLContext } from '../context';
import { CreateMissionInput, CreatePlanInput } from '../inputs/plan.input';
import { runMutation } from '../mutation';
import { CreateMissionPayload, CreatePlanPayload } from '../payloads/payloads';
import { decodeId } from '../relay/global-id';
import { MissionType } from '../types/mission.type';
import { PlanType } from '../types/plan.type';

@Resolver(() => PlanType)
export class PlanResolver {
  @Authorized()
  @Query(() => [PlanType], { description: 'Every plan, newest start year first.' })
  plans(@Ctx() context: GraphQLContext): Promise<Plan[]> {
    return context.services.plans.listPlans();
  }

  @Authorized()
  @Query(() => PlanType, { nullable: true, description: 'A plan by ID; null if none.' })
  plan(
    @Arg('id', () => ID, { description: 'Global ID of the plan.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Plan | null> {
    return context.loaders.plan.load(decodeId(id, 'Plan', 'id'));
  }

  @Authorized()
  @Mutation(() => CreatePlanPayload, {
    description: 'Creates a plan (RPJMD) with its scoring policy (ADMIN).',
  })
  createPlan(
    @Arg('input', () => CreatePlanInput, { description: 'Input of the mutation.' })
    input: CreatePlanInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreatePlanPayload> {
    return runMutation(context, {
      action: 'createPlan',
      input,
      work: (manager, actor) =>
        context.services.plans.createPlan(manager, actor, {
          ...input,
          scoringPolicy: input.scoringPolicy ? { ...input.scoringPolicy } : null,
        }),
      toPayload: (plan) => ({ plan }),
      emptyPayload: { plan: null },
    });
  }

  @Authorized()
  @Mutation(() => CreateMissionPayload, { description: 'Adds a mission to a plan (ADMIN).' })
  createMission(
    @Arg('input', () => CreateMissionInput, { description: 'Input of the mutation.' })
    input: CreateMissionInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateMissionPayload> {
    const planId = decodeId(input.planId, 'Plan', 'planId');
    return runMutation(context, {
      action: 'createMission',
      input,
      work: (manager, actor) =>
        context.services.plans.createMission(manager, actor, { ...input, planId }),
      toPayload: (mission) => ({ mission }),
      emptyPayload: { mission: null },
    });
  }

  @FieldResolver(() => [MissionType], { description: 'Missions of the plan, by number.' })
  missions(@Root() plan: Plan, @Ctx() context: GraphQLContext): Promise<Mission[]> {
    return context.loaders.missionsByPlan.load(plan.id);
  }

  @FieldResolver(() => [Int], { description: 'Every year of the plan, first to last.' })
  years(@Root() plan: Plan): number[] {
    const years: number[] = [];
    for (let year = plan.startYear; year <= plan.endYear; year++) {
      years.push(year);
    }
    return years;
  }
}
