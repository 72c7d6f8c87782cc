import { Directive, Field, ObjectType } from 'type-graphql';
import { Accumulation, MinimizeFormula, Polarity } from '../../scoring/types';
import { NodeInterface } from '../relay/node.interface';

@Directive('@key(fields: "id")')
@ObjectType('Indicator', {
  implements: NodeInterface,
  description:
    'Achievement indicator (indikator capaian, IKU) of a task, with baseline (titik nol), ' +
    'yearly targets and end target (titik akhir), backed by a named data source.',
})
export class IndicatorType extends NodeInterface {
  @Field({ description: 'Name of the indicator.' })
  name: string;

  @Field({ description: 'Unit of the values, for example "%" or "km".' })
  unit: string;

  @Field({ description: 'How the value is defined and measured.' })
  definition: string;

  @Field({ description: 'Where the values come from (data dukung).' })
  dataSource: string;

  @Field(() => Polarity, { description: 'Direction in which the indicator improves.' })
  polarity: Polarity;

  @Field(() => Accumulation, { description: 'How quarterly values combine.' })
  accumulation: Accumulation;

  @Field(() => MinimizeFormula, {
    nullable: true,
    description: 'Formula named by the indicator; null means the plan policy decides.',
  })
  minimizeFormula: MinimizeFormula | null;
}
