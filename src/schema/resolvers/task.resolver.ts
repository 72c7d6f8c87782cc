import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Indicator, Mission, Opd, Task } from '../../entities';
import { GraphQLContext } from '../context';
import { CreateTaskInput } from '../inputs/indicator.input';
import { runMutation } from '../mutation';
import { CreateTaskPayload } from '../payloads/payloads';
import { decodeId } from '../relay/global-id';
import { IndicatorType } from '../types/indicator.type';
import { MissionType } from '../types/mission.type';
import { OpdType } from '../types/opd.type';
import { TaskType } from '../types/task.type';

@Resolver(() => TaskType)
export class TaskResolver {
  @Authorized()
  @Mutation(() => CreateTaskPayload, {
    description: 'Creates a task for the caller own OPD under one of its missions.',
  })
  createTask(
    @Arg('input', () => CreateTaskInput, { description: 'Input of the mutation.' })
    input: CreateTaskInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateTaskPayload> {
    const opdId = decodeId(input.opdId, 'Opd', 'opdId');
    const missionId = decodeId(input.missionId, 'Mission', 'missionId');
    return runMutation(context, {
      action: 'createTask',
      input,
      work: (manager, actor) =>
        context.services.indicators.createTask(manager, actor, {
          opdId,
          missionId,
          description: input.description,
        }),
      toPayload: (task) => ({ task }),
      emptyPayload: { task: null },
    });
  }

  @FieldResolver(() => OpdType, { description: 'OPD the task belongs to.' })
  async opd(@Root() task: Task, @Ctx() context: GraphQLContext): Promise<Opd> {
    return (await context.loaders.opd.load(task.opdId)) as Opd;
  }

  @FieldResolver(() => MissionType, { description: 'Mission the task serves.' })
  async mission(@Root() task: Task, @Ctx() context: GraphQLContext): Promise<Mission> {
    return (await context.loaders.mission.load(task.missionId)) as Mission;
  }

  @FieldResolver(() => [IndicatorType], { description: 'Indicators of the task.' })
  indicators(@Root() task: Task, @Ctx() context: GraphQLContext): Promise<Indicator[]> {
    return context.loaders.indicatorsByTask.load(task.id);
  }
}
