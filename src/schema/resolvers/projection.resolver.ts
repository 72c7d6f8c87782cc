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
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Indicator, Mission, Opd } from '../../entities';
import { round2 } from '../../scoring/decimal';
import type { Dec } from '../../scoring/decimal';
import { Polarity } from '../../scoring/types';
import type {
  AtRiskIndicatorResult,
  IndicatorProjectionResult,
} from '../../services/projection.service';
import { endTargetOf } from '../../services/targets';
import type { GraphQLContext } from '../context';
import { MAX_YEAR, MIN_YEAR } from '../inputs/common.input';
import { decodeId } from '../relay/global-id';
import { IndicatorType } from '../types/indicator.type';
import { MissionType } from '../types/mission.type';
import { OpdType } from '../types/opd.type';
import { AtRiskIndicatorType, IndicatorProjectionType } from '../types/projection.type';
import { IndicatorResolver } from './indicator.resolver';

@ArgsType()
class AtRiskArgs {
  @Field(() => ID, { description: 'Plan.' })
  planId: string;

  @Field(() => Int, { description: 'Year up to which realised years count.' })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Judge by attainment to date up to this quarter (1-4) instead of projecting.',
  })
  @IsOptional()
  @Min(1)
  @Max(4)
  upToQuarter?: number | null;
}

/** Rounds half up to 4 decimals for projected values. */
function round4(value: Dec): string {
  return value.toDecimalPlaces(4).toFixed(4);
}

/** Shapes a projection result for the API. */
function toProjectionType(result: IndicatorProjectionResult): IndicatorProjectionType & {
  indicator: Indicator;
} {
  const { indicator, projection } = result;
  return {
    indicator,
    baseline: { year: indicator.baselineYear, value: indicator.baselineValue },
    points: result.points,
    endYear: result.plan.endYear,
    endTarget: endTargetOf(indicator),
    minimizeFormula: indicator.polarity === Polarity.MINIMIZE ? result.minimizeFormula : null,
    slope: projection.line ? round4(projection.line.slope) : null,
    projectedValue: projection.projectedValue ? round4(projection.projectedValue) : null,
    projectedAttainment: projection.projectedAttainment
      ? round2(projection.projectedAttainment)
      : null,
    status: projection.status,
  };
}

@Resolver(() => IndicatorProjectionType)
export class ProjectionResolver {
  @Authorized()
  @Query(() => IndicatorProjectionType, {
    description:
      'Projects an indicator to its plan end year from the baseline and the realised years, ' +
      'and says whether it is on track.',
  })
  async indicatorProjection(
    @Arg('indicatorId', () => ID, { description: 'Global ID of the indicator.' })
    indicatorId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<IndicatorProjectionType> {
    const id = decodeId(indicatorId, 'Indicator', 'indicatorId');
    return toProjectionType(await context.services.projections.projectOne(id));
  }

  @Authorized()
  @Query(() => [AtRiskIndicatorType], {
    description:
      'Indicators of a plan that are AT_RISK or OFF_TRACK, worst first: projected from the ' +
      'years up to `year`, or with `upToQuarter` judged by attainment to date in that year.',
  })
  async atRiskIndicators(
    @Args(() => AtRiskArgs) args: AtRiskArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<AtRiskIndicatorType[]> {
    const planId = decodeId(args.planId, 'Plan', 'planId');
    const results = await context.services.projections.atRisk(
      planId,
      args.year,
      args.upToQuarter ?? null,
    );
    return results.map(toAtRiskType);
  }

  @FieldResolver(() => IndicatorType, { description: 'The indicator projected.' })
  indicator(@Root() projection: { indicator: Indicator }): Indicator {
    return projection.indicator;
  }
}

function toAtRiskType(result: AtRiskIndicatorResult): AtRiskIndicatorType & {
  indicator: Indicator;
} {
  return {
    indicator: result.indicator,
    status: result.status,
    basis: result.basis,
    attainment: round2(result.attainment),
    projectedValue: result.projectedValue ? round4(result.projectedValue) : null,
    upToQuarter: result.upToQuarter,
  };
}

@Resolver(() => AtRiskIndicatorType)
export class AtRiskIndicatorResolver {
  private readonly indicators = new IndicatorResolver();

  @FieldResolver(() => IndicatorType, { description: 'The indicator.' })
  indicator(@Root() entry: { indicator: Indicator }): Indicator {
    return entry.indicator;
  }

  @FieldResolver(() => OpdType, { description: 'OPD that owns the indicator.' })
  opd(@Root() entry: { indicator: Indicator }, @Ctx() context: GraphQLContext): Promise<Opd> {
    return this.indicators.opd(entry.indicator, context);
  }

  @FieldResolver(() => MissionType, { description: 'Mission the indicator serves.' })
  mission(
    @Root() entry: { indicator: Indicator },
    @Ctx() context: GraphQLContext,
  ): Promise<Mission> {
    return this.indicators.mission(entry.indicator, context);
  }
}
