import { Field, ObjectType } from 'type-graphql';
import { ClauseScoreFlag, MinimizeFormula, Polarity } from '../../scoring/types';
import { NodeInterface } from '../relay/node.interface';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('ClauseScore', {
  implements: NodeInterface,
  description: 'Stored score of one clause in an evaluation, with every input of its formula.',
})
export class ClauseScoreType extends NodeInterface {
  @Field(() => DecimalScalar, { description: 'Weight of the clause.' })
  weight: string;

  @Field(() => Polarity, { description: 'Polarity of the indicator when scored.' })
  polarity: Polarity;

  @Field(() => MinimizeFormula, {
    nullable: true,
    description: 'Formula used; null unless the polarity is MINIMIZE.',
  })
  minimizeFormula: MinimizeFormula | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Accumulated realisation; null when none was reported.',
  })
  realizationValue: string | null;

  @Field(() => [ClauseScoreFlag], { description: 'Conditions worth attention.' })
  flags: ClauseScoreFlag[];

  @Field({ description: 'The formula with its numbers, to check by hand.' })
  explanation: string;
}
