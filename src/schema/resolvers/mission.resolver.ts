import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Indicator, Mission, Opd, Plan, Task } from '../../entities';
import { ConnectionResult, paginateArray } from '../../services/pagination';
import { GraphQLContext } from '../context';
import { AssignOpdToMissionInput } from '../inputs/opd.input';
import { runMutation } from '../mutation';
import { AssignOpdToMissionPayload } from '../payloads/payloads';
import { ConnectionArgs } from '../relay/connection-args';
import { connectionComplexity } from '../relay/connection-complexity';
import { decodeId } from '../relay/global-id';
import { IndicatorConnection, OpdConnection } from '../types/connections';
import { MissionType } from '../types/mission.type';
import { PlanType } from '../types/plan.type';
import { TaskType } from '../types/task.type';

@Resolver(() => MissionType)
export class MissionResolver {
  @Authorized()
  @Query(() => MissionType, { nullable: true, description: 'A mission by ID; null if none.' })
  mission(
    @Arg('id', () => ID, { description: 'Global ID of the mission.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Mission | null> {
    return context.loaders.mission.load(decodeId(id, 'Mission', 'id'));
  }

  @Authorized()
  @Mutation(() => AssignOpdToMissionPayload, {
    description: 'Assigns an OPD to a mission it will serve (ADMIN).',
  })
  assignOpdToMission(
    @Arg('input', () => AssignOpdToMissionInput, { description: 'Input of the mutation.' })
    input: AssignOpdToMissionInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AssignOpdToMissionPayload> {
    const opdId = decodeId(input.opdId, 'Opd', 'opdId');
    const missionId = decodeId(input.missionId, 'Mission', 'missionId');
    return runMutation(context, {
      action: 'assignOpdToMission',
      input,
      work: (manager, actor) =>
        context.services.opds.assignToMission(manager, actor, opdId, missionId),
      toPayload: (assignment) => ({
        opd: assignment.opd as Opd,
        mission: assignment.mission as Mission,
      }),
      emptyPayload: { opd: null, mission: null },
      describe: (assignment) => ({ entity: assignment.opd as Opd }),
    });
  }

  @FieldResolver(() => PlanType, { description: 'Plan the mission belongs to.' })
  async plan(@Root() mission: Mission, @Ctx() context: GraphQLContext): Promise<Plan> {
    return (await context.loaders.plan.load(mission.planId)) as Plan;
  }

  @FieldResolver(() => OpdConnection, {
    complexity: connectionComplexity,
    description: 'OPDs assigned to the mission, by ID.',
  })
  async opds(
    @Root() mission: Mission,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<Opd>> {
    const assignments = await context.loaders.assignmentsByMission.load(mission.id);
    const opds = assignments.map((assignment) => assignment.opd as Opd);
    return paginateArray(
      opds.sort((a, b) => a.id - b.id),
      page,
    );
  }

  @FieldResolver(() => [TaskType], { description: 'Tasks of every OPD under the mission.' })
  tasks(@Root() mission: Mission, @Ctx() context: GraphQLContext): Promise<Task[]> {
    return context.loaders.tasksByMission.load(mission.id);
  }

  @FieldResolver(() => IndicatorConnection, {
    complexity: connectionComplexity,
    description: 'Indicators serving the mission through their tasks, by ID.',
  })
  async indicators(
    @Root() mission: Mission,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<Indicator>> {
    return paginateArray(await context.loaders.indicatorsByMission.load(mission.id), page);
  }
}
