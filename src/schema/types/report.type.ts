import { Field, Int, ObjectType } from 'type-graphql';
import { ScoreBasis } from '../../services/report.service';
import { Outcome, Rating } from '../../scoring/types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import type { Contract, Opd } from '../../entities';
import { ContractType } from './contract.type';
import { OpdType } from './opd.type';

@ObjectType('MissionAttainment', {
  description:
    'Attainment of one mission: the mean capped attainment of the clauses in the year signed ' +
    'contracts whose indicator serves the mission. A clause without realisation counts 0.',
})
export class MissionAttainmentType {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Mean attainment rounded half up to 2 decimals; null when no clause is signed.',
  })
  attainment: string | null;

  @Field(() => Rating, { nullable: true, description: 'Rating of the attainment.' })
  rating: Rating | null;

  @Field(() => Int, { description: 'OPDs assigned to the mission.' })
  opdsAssigned: number;

  @Field(() => Int, { description: 'Assigned OPDs with a SIGNED contract for the year.' })
  opdsSigned: number;

  @Field(() => Int, { description: 'Signed clauses whose indicator serves the mission.' })
  clauses: number;

  @Field(() => Int, { description: 'Clauses with attainment of at least 100.' })
  clausesAchieved: number;

  @Field(() => Int, { description: 'Clauses without any counted realisation.' })
  clausesMissingData: number;
}

@ObjectType('OpdRankingEntry', { description: 'An OPD place in the ranking of a year.' })
export class OpdRankingEntryType {
  @Field(() => Int, { description: 'Rank; equal scores share a rank (1, 2, 2, 4).' })
  rank: number;

  @Field(() => DecimalScalar, { description: 'Contract score rounded half up to 2 decimals.' })
  score: string;

  @Field(() => Rating, { description: 'Rating band of the score.' })
  rating: Rating;

  @Field(() => Outcome, { description: 'Outcome of the score.' })
  outcome: Outcome;

  @Field(() => String, { nullable: true, description: 'Policy recommendation for the outcome.' })
  recommendation: string | null;

  @Field(() => ScoreBasis, { description: 'Whether the score is final or computed now.' })
  basis: ScoreBasis;
}

@ObjectType('UnsignedOpd', {
  description: 'An OPD without a SIGNED contract for a year, with its contract in progress.',
})
export class UnsignedOpdType {
  @Field(() => OpdType, { description: 'The OPD.' })
  opd: Opd;

  @Field(() => ContractType, {
    nullable: true,
    description:
      'Latest contract version for the year that is not WITHDRAWN, if one was offered; null ' +
      'if none.',
  })
  contract: Contract | null;
}
