import { ClassType, Field, Int, ObjectType } from 'type-graphql';

/** Relay page information. */
@ObjectType('PageInfo', { description: 'Position of a page within a connection.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' })
  endCursor: string | null;
}

/**
 * Builds the Relay connection and edge types for a node type, named `<name>Connection` and
 * `<name>Edge`.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, noun: string) {
  @ObjectType(`${name}Edge`, { description: `A ${noun} with its cursor.` })
  class Edge {
    @Field({ description: 'Cursor to pass as `after` or `before`.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${noun}.` })
    node: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge], { description: `${noun[0].toUpperCase()}${noun.slice(1)}s on this page.` })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `Number of ${noun}s in the whole list, on every page.` })
    totalCount: number;
  }
  return ConnectionType;
}
