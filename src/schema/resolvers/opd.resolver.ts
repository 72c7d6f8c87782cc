import { IsOptional, Max, Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ContractStatus, OpdKind, TERMINAL_CONTRACT_STATUSES } from '../../entities/enums';
import { Contract, Indicator, Mission, Opd, Task } from '../../entities';
import { ConnectionResult, paginateArray } from '../../services/pagination';
import { GraphQLContext } from '../context';
import { MAX_YEAR, MIN_YEAR } from '../inputs/common.input';
import { CreateOpdInput } from '../inputs/opd.input';
import { runMutation } from '../mutation';
import { CreateOpdPayload } from '../payloads/payloads';
import { ConnectionArgs } from '../relay/connection-args';
import { connectionComplexity } from '../relay/connection-complexity';
import { decodeId } from '../relay/global-id';
import { ContractConnection, IndicatorConnection, OpdConnection } from '../types/connections';
import { ContractType } from '../types/contract.type';
import { MissionType } from '../types/mission.type';
import { OpdType } from '../types/opd.type';
import { TaskType } from '../types/task.type';

@ArgsType()
class OpdContractsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Only contracts of this year.' })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;
}

@Resolver(() => OpdType)
export class OpdResolver {
  @Authorized()
  @Query(() => OpdConnection, {
    complexity: connectionComplexity,
    description: 'Every OPD, by ID, optionally of one kind.',
  })
  opds(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('kind', () => OpdKind, { nullable: true, description: 'Only OPDs of this kind.' })
    kind: OpdKind | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<Opd>> {
    return context.services.opds.listOpds({ kind }, page);
  }

  @Authorized()
  @Query(() => OpdType, { nullable: true, description: 'An OPD by ID; null if none.' })
  opd(
    @Arg('id', () => ID, { description: 'Global ID of the OPD.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Opd | null> {
    return context.loaders.opd.load(decodeId(id, 'Opd', 'id'));
  }

  @Authorized()
  @Mutation(() => CreateOpdPayload, { description: 'Creates an OPD (ADMIN).' })
  createOpd(
    @Arg('input', () => CreateOpdInput, { description: 'Input of the mutation.' })
    input: CreateOpdInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateOpdPayload> {
    return runMutation(context, {
      action: 'createOpd',
      input,
      work: (manager, actor) => context.services.opds.createOpd(manager, actor, { ...input }),
      toPayload: (opd) => ({ opd }),
      emptyPayload: { opd: null },
    });
  }

  @FieldResolver(() => [MissionType], { description: 'Missions the OPD is assigned to.' })
  async missions(@Root() opd: Opd, @Ctx() context: GraphQLContext): Promise<Mission[]> {
    const assignments = await context.loaders.assignmentsByOpd.load(opd.id);
    return assignments.map((assignment) => assignment.mission as Mission);
  }

  @FieldResolver(() => [TaskType], { description: 'Tasks (uraian tugas) of the OPD.' })
  tasks(@Root() opd: Opd, @Ctx() context: GraphQLContext): Promise<Task[]> {
    return context.loaders.tasksByOpd.load(opd.id);
  }

  @FieldResolver(() => IndicatorConnection, {
    complexity: connectionComplexity,
    description: 'Indicators of the OPD, by ID.',
  })
  async indicators(
    @Root() opd: Opd,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<Indicator>> {
    return paginateArray(await context.loaders.indicatorsByOpd.load(opd.id), page);
  }

  @FieldResolver(() => ContractConnection, {
    complexity: connectionComplexity,
    description: 'Contract versions of the OPD, by ID, optionally of one year.',
  })
  async contracts(
    @Root() opd: Opd,
    @Args(() => OpdContractsArgs) args: OpdContractsArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<Contract>> {
    const all = await context.loaders.contractsByOpd.load(opd.id);
    const selected = args.year == null ? all : all.filter((c) => c.year === args.year);
    return paginateArray(selected, args);
  }

  @FieldResolver(() => ContractType, {
    nullable: true,
    description:
      'The contract in force for a year: the latest SIGNED version, or while none is signed ' +
      'the latest version that is neither SUPERSEDED nor WITHDRAWN; null when none was offered.',
  })
  async contract(
    @Root() opd: Opd,
    @Arg('year', () => Int, { description: 'Contract year.' }) year: number,
    @Ctx() context: GraphQLContext,
  ): Promise<Contract | null> {
    const versions = (await context.loaders.contractsByOpd.load(opd.id))
      .filter((contract) => contract.year === year)
      .sort((a, b) => b.version - a.version);
    return (
      versions.find((contract) => contract.status === ContractStatus.SIGNED) ??
      versions.find((contract) => !TERMINAL_CONTRACT_STATUSES.includes(contract.status)) ??
      null
    );
  }
}
