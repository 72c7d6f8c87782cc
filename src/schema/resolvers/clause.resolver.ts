import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Clause, Contract, Indicator, Realization } from '../../entities';
import { LiveClauseScore } from '../../services/score.service';
import { committedTargetOf, offeredTargetOf } from '../../services/targets';
import { round2 } from '../../scoring/decimal';
import { Polarity, TargetValue } from '../../scoring/types';
import { GraphQLContext } from '../context';
import { ClauseType } from '../types/clause.type';
import { ContractType } from '../types/contract.type';
import { IndicatorType } from '../types/indicator.type';
import { ClauseAttainmentType } from '../types/live-score.type';
import { RealizationType } from '../types/realization.type';
import { TargetType } from '../types/target.type';
import { QuarterArg } from './quarter.arg';

@Resolver(() => ClauseType)
export class ClauseResolver {
  @FieldResolver(() => ContractType, { description: 'Contract the clause belongs to.' })
  async contract(@Root() clause: Clause, @Ctx() context: GraphQLContext): Promise<Contract> {
    return (await context.loaders.contract.load(clause.contractId)) as Contract;
  }

  @FieldResolver(() => IndicatorType, { description: 'Indicator contracted on.' })
  async indicator(@Root() clause: Clause, @Ctx() context: GraphQLContext): Promise<Indicator> {
    return (await context.loaders.indicator.load(clause.indicatorId)) as Indicator;
  }

  @FieldResolver(() => TargetType, { description: 'Target the mayor offered (tawaran).' })
  offeredTarget(@Root() clause: Clause): TargetValue {
    return offeredTargetOf(clause);
  }

  @FieldResolver(() => TargetType, {
    nullable: true,
    description: 'Target the OPD committed to (komitmen); null before the bid.',
  })
  committedTarget(@Root() clause: Clause): TargetValue | null {
    const target = committedTargetOf(clause);
    return target.value === null && target.lower === null ? null : target;
  }

  @FieldResolver(() => [RealizationType], {
    description: 'Every realisation reported on the clause, returned ones included, in order.',
  })
  realizations(@Root() clause: Clause, @Ctx() context: GraphQLContext): Promise<Realization[]> {
    return context.loaders.realizationsByClause.load(clause.id);
  }

  @FieldResolver(() => ClauseAttainmentType, {
    nullable: true,
    description:
      'Attainment (capaian) computed now from the counted realisations; null before the bid.',
  })
  async attainment(
    @Root() clause: Clause,
    @Args(() => QuarterArg) { upToQuarter }: QuarterArg,
    @Ctx() context: GraphQLContext,
  ): Promise<ClauseAttainmentType | null> {
    if (clause.committedValue === null && clause.committedLower === null) {
      return null;
    }
    const live = await context.loaders.liveClauseScore.load({
      id: clause.id,
      upToQuarter: upToQuarter ?? null,
    });
    return live ? toClauseAttainment(live) : null;
  }
}

/** Shapes a live clause score for the API; attainments are shown rounded half up to 2 places. */
export function toClauseAttainment(live: LiveClauseScore): ClauseAttainmentType {
  const { row, policy, score } = live;
  return {
    upToQuarter: live.upToQuarter,
    target: {
      value: score.targetUsed.value ?? null,
      lower: score.targetUsed.lower ?? null,
      upper: score.targetUsed.upper ?? null,
    },
    realization: score.realization?.toString() ?? null,
    rawAttainment: score.attainment ? round2(score.attainment.raw) : null,
    scoredAttainment: round2(score.scoredAttainment),
    minimizeFormula:
      row.polarity === Polarity.MINIMIZE ? (row.minimizeFormula ?? policy.minimizeFormula) : null,
    flags: score.flags,
    explanation: score.explanation,
  };
}
