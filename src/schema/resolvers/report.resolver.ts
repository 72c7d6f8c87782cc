import { IsOptional, Max, Min } from 'class-validator';
import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Contract, Evaluation, Mission, Opd } from '../../entities';
import {
  MissionAttainmentResult,
  RankingEntry,
  UnsignedOpdResult,
} from '../../services/report.service';
import { GraphQLContext } from '../context';
import { MAX_YEAR, MIN_YEAR } from '../inputs/common.input';
import { decodeId } from '../relay/global-id';
import { ContractType } from '../types/contract.type';
import { EvaluationType } from '../types/evaluation.type';
import { MissionType } from '../types/mission.type';
import { OpdType } from '../types/opd.type';
import { MissionAttainmentType, OpdRankingEntryType, UnsignedOpdType } from '../types/report.type';

@ArgsType()
class YearReportArgs {
  @Field(() => ID, { description: 'Plan.' })
  planId: string;

  @Field(() => Int, { description: 'Contract year.' })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}

@ArgsType()
class MissionAttainmentArgs extends YearReportArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Count quarters 1 to this one (1-4) against the target to date; empty: the year.',
  })
  @IsOptional()
  @Min(1)
  @Max(4)
  upToQuarter?: number | null;
}

@Resolver()
export class ReportResolver {
  @Authorized()
  @Query(() => [MissionAttainmentType], {
    description:
      'Attainment per mission of a plan for a year, or up to a quarter against the target to ' +
      'date, from the SIGNED contracts of the year; missions in number order.',
  })
  missionAttainment(
    @Args(() => MissionAttainmentArgs) args: MissionAttainmentArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<MissionAttainmentResult[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    return context.services.reports.missionAttainment(planId, args.year, args.upToQuarter ?? null);
  }

  @Authorized()
  @Query(() => [OpdRankingEntryType], {
    description:
      'OPDs with a SIGNED contract in the year, by score, highest first: the FINAL evaluation ' +
      'score where one exists, else the score computed now.',
  })
  opdRanking(
    @Args(() => YearReportArgs) args: YearReportArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<RankingEntry[]> {
    return context.services.reports.opdRanking(decodeId(args.planId, 'Plan', 'planId'), args.year);
  }

  @Authorized()
  @Query(() => [UnsignedOpdType], {
    description: 'Every OPD without a SIGNED contract for the year, by ID: who has not signed.',
  })
  unsignedOpds(
    @Args(() => YearReportArgs) args: YearReportArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<UnsignedOpdResult[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    return context.services.reports.unsignedOpds(planId, args.year);
  }
}

@Resolver(() => MissionAttainmentType)
export class MissionAttainmentResolver {
  @FieldResolver(() => MissionType, { description: 'The mission.' })
  mission(@Root() result: MissionAttainmentResult): Mission {
    return result.mission;
  }
}

@Resolver(() => OpdRankingEntryType)
export class OpdRankingEntryResolver {
  @FieldResolver(() => OpdType, { description: 'The OPD.' })
  opd(@Root() entry: RankingEntry): Opd {
    return entry.opd;
  }

  @FieldResolver(() => ContractType, { description: 'The SIGNED contract scored.' })
  async contract(@Root() entry: RankingEntry, @Ctx() context: GraphQLContext): Promise<Contract> {
    return (await context.loaders.contract.load(entry.contractId)) as Contract;
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description: 'Evaluation of the contract, DRAFT or FINAL, if any.',
  })
  async evaluation(
    @Root() entry: RankingEntry,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation | null> {
    if (entry.evaluationStatus === null) {
      return null;
    }
    return context.loaders.evaluationByContract.load(entry.contractId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Decision the mayor recorded, if any; may differ from the recommendation.',
  })
  decision(@Root() entry: RankingEntry): string | null {
    return entry.decision;
  }
}
