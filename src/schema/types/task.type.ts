import { Field, ObjectType } from 'type-graphql';
import { NodeInterface } from '../relay/node.interface';

@ObjectType('Task', {
  implements: NodeInterface,
  description: 'Duty (uraian tugas) of an OPD under one of its missions.',
})
export class TaskType extends NodeInterface {
  @Field({ description: 'What the OPD is charged with.' })
  description: string;
}
