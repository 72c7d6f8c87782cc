import type DataLoader from 'dataloader';
import { decodeId } from '../relay/global-id';
import { type GraphQLContext, requireActor } from '../context';

/**
 * Loader of each entity type that other subgraphs may reference with `@key(fields: "id")`.
 * The key is the same opaque global ID that `node(id)` takes.
 */
const LOADER_BY_ENTITY = {
  Plan: 'plan',
  Mission: 'mission',
  Opd: 'opd',
  Indicator: 'indicator',
  Contract: 'contract',
} as const;

/** A representation as the router sends it in `_entities(representations:)`. */
interface EntityReference {
  __typename: string;
  id: unknown;
}

type ReferenceResolver = (reference: EntityReference, context: GraphQLContext) => Promise<unknown>;

/**
 * Builds the `__resolveReference` resolver of every entity type. References resolve through the
 * request's DataLoaders, so a router asking for 100 representations of one type causes one SQL
 * statement. An ID that does not exist resolves to null; an ID that is malformed or names
 * another type is BAD_USER_INPUT. Like `node(id)`, resolving needs a signed-in user, so the
 * router must forward the client's Authorization header.
 */
export function createReferenceResolvers(): Record<
  string,
  { __resolveReference: ReferenceResolver }
> {
  const resolvers: Record<string, { __resolveReference: ReferenceResolver }> = {};
  for (const [typeName, loaderName] of Object.entries(LOADER_BY_ENTITY)) {
    resolvers[typeName] = {
      __resolveReference: (reference, context) => {
        requireActor(context);
        const id = decodeId(String(reference.id), typeName, `${typeName} representation id`);
        const loader = context.loaders[loaderName] as DataLoader<number, object | null>;
        return loader.load(id);
      },
    };
  }
  return resolvers;
}
