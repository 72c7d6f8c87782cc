import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Clause, ClauseScoreRecord, Realization } from '../../entities';
import { Dec, round2 } from '../../scoring/decimal';
import { TargetValue } from '../../scoring/types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { GraphQLContext } from '../context';
import { ClauseScoreType } from '../types/clause-score.type';
import { ClauseType } from '../types/clause.type';
import { RealizationType } from '../types/realization.type';
import { TargetType } from '../types/target.type';

@Resolver(() => ClauseScoreType)
export class ClauseScoreResolver {
  @FieldResolver(() => ClauseType, { description: 'Clause scored.' })
  async clause(@Root() score: ClauseScoreRecord, @Ctx() context: GraphQLContext): Promise<Clause> {
    return (await context.loaders.clause.load(score.clauseId)) as Clause;
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      'Attainment (capaian) before the cap, floored at 0, rounded half up to 2 decimals; null ' +
      'when the realisation is missing.',
  })
  rawAttainment(@Root() score: ClauseScoreRecord): string | null {
    return score.rawAttainment === null ? null : round2(new Dec(score.rawAttainment));
  }

  @FieldResolver(() => DecimalScalar, {
    description:
      'Attainment used in the score, rounded half up to 2 decimals: capped, or 0 when the ' +
      'realisation is missing.',
  })
  scoredAttainment(@Root() score: ClauseScoreRecord): string {
    return round2(new Dec(score.scoredAttainment));
  }

  @FieldResolver(() => TargetType, { description: 'Committed target the score compared with.' })
  target(@Root() score: ClauseScoreRecord): TargetValue {
    return { value: score.targetValue, lower: score.targetLower, upper: score.targetUpper };
  }

  @FieldResolver(() => [RealizationType], {
    description: 'Realisations the score used, with their review state.',
  })
  async realizations(
    @Root() score: ClauseScoreRecord,
    @Ctx() context: GraphQLContext,
  ): Promise<Realization[]> {
    const all = await context.loaders.realizationsByClause.load(score.clauseId);
    const used = new Set(score.realizationIds);
    return all.filter((realization) => used.has(realization.id));
  }
}
