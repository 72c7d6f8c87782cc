import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

/** A breaking change between two versions of the schema. */
export interface BreakingChange {
  /** Schema coordinate of what changed, for example "Opd.code"; empty for schema-wide changes. */
  path: string;
  message: string;
}

/**
 * Lists the changes from `oldSdl` to `newSdl` that can break a client, as graphql-inspector
 * classifies them: a removed type, field, argument or enum value, a changed type, a new
 * required argument. A change to a field, argument or enum value that `oldSdl` already marked
 * `@deprecated` is left out: deprecation is the notice that gives clients time to move.
 */
export async function findBreakingChanges(
  oldSdl: string,
  newSdl: string,
): Promise<BreakingChange[]> {
  const oldSchema = buildSchema(oldSdl);
  const changes: Change[] = await diff(oldSchema, buildSchema(newSdl));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .filter((change) => !isDeprecated(oldSchema, change.path ?? ''))
    .map((change) => ({ path: change.path ?? '', message: change.message }));
}

/**
 * Tells whether the schema coordinate `path` names a deprecated field, argument or enum value,
 * or an argument of a deprecated field. Types cannot be deprecated in GraphQL, so a path to a
 * type is never deprecated.
 */
export function isDeprecated(schema: GraphQLSchema, path: string): boolean {
  const [typeName, memberName, argumentName] = path.split('.');
  const type = schema.getType(typeName);
  if (!type || memberName === undefined) {
    return false;
  }
  if (isEnumType(type)) {
    return type.getValue(memberName)?.deprecationReason != null;
  }
  if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) {
    return false;
  }
  const field = type.getFields()[memberName];
  if (!field) {
    return false;
  }
  if (field.deprecationReason != null) {
    return true;
  }
  if (argumentName === undefined || !('args' in field)) {
    return false;
  }
  const argument = field.args.find((candidate) => candidate.name === argumentName);
  return argument?.deprecationReason != null;
}
