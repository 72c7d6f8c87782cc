import { Field, ID, InterfaceType } from 'type-graphql';

/** GraphQL type name for each entity class whose name differs from its type. */
const TYPE_NAME_BY_CLASS: Record<string, string> = {
  ClauseScoreRecord: 'ClauseScore',
};

/** Returns the GraphQL object type name of an entity instance. */
export function typeNameOf(value: object): string {
  const className = value.constructor.name;
  return TYPE_NAME_BY_CLASS[className] ?? className;
}

/** Relay Node: every object with a global ID can be fetched again through `node(id)`. */
@InterfaceType('Node', {
  description: 'An object with an opaque global ID that `node(id)` fetches again.',
  resolveType: (value: object) => typeNameOf(value),
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id: string;
}
