import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../relay/node.interface';

@Directive('@key(fields: "id")')
@ObjectType('Mission', {
  implements: NodeInterface,
  description: 'Numbered mission (misi) of a plan, served by the OPDs assigned to it.',
})
export class MissionType extends NodeInterface {
  @Field(() => Int, { description: 'Number of the mission, unique within its plan.' })
  number: number;

  @Field({ description: 'Title of the mission.' })
  title: string;

  @Field({ description: 'Longer description, with the source of the text.' })
  description: string;
}
