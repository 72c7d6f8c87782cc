import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  type GraphQLField,
  GraphQLInterfaceType,
  GraphQLObjectType,
  type GraphQLSchema,
  parse,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import { type GraphQLContext, requireActor } from '../context';
import { createReferenceResolvers } from './entity-references';

/**
 * Opts the schema into Federation 2 and imports the one federation directive it uses. Version
 * 2.3 is the newest that every router released since 2023 understands.
 */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/**
 * Turns the type-graphql schema into an Apollo Federation 2 subgraph: the same types, fields and
 * resolvers, plus `_service { sdl }` and `_entities(representations:)` for the entity types
 * marked with `@key`. The SDL is printed with its directives because a plain print drops `@key`.
 */
export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(createReferenceResolvers())) {
    resolvers[typeName] = {
      ...resolvers[typeName],
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }

  const subgraph = buildSubgraphSchema({ typeDefs, resolvers });
  copyFieldExtensions(schema, subgraph);
  requireSignInForSdl(subgraph);
  return subgraph;
}

/**
 * Makes `_service { sdl }` answer signed-in callers only. The SDL is the whole schema, so an
 * anonymous caller would get what turning introspection off in production withholds; a
 * gateway that composes at run time sends a service account's bearer token.
 */
function requireSignInForSdl(subgraph: GraphQLSchema): void {
  const field = subgraph.getQueryType()?.getFields()._service;
  const resolve = field?.resolve;
  if (!field || !resolve) {
    return;
  }
  field.resolve = (source, args, context: GraphQLContext, info) => {
    requireActor(context);
    return resolve(source, args, context, info);
  };
}

/**
 * Copies each field's `extensions` from the type-graphql schema. type-graphql keeps options such
 * as `complexity` there, and a schema rebuilt from SDL would otherwise lose them.
 */
function copyFieldExtensions(source: GraphQLSchema, target: GraphQLSchema): void {
  for (const sourceType of Object.values(source.getTypeMap())) {
    const targetType = target.getType(sourceType.name);
    if (!hasFields(sourceType) || !hasFields(targetType)) {
      continue;
    }
    const targetFields = targetType.getFields();
    for (const [name, field] of Object.entries(sourceType.getFields())) {
      const targetField: GraphQLField<unknown, unknown> | undefined = targetFields[name];
      if (targetField && Object.keys(field.extensions).length > 0) {
        Object.assign(targetField.extensions, field.extensions);
      }
    }
  }
}

function hasFields(type: unknown): type is GraphQLObjectType | GraphQLInterfaceType {
  return type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType;
}
