import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
} from 'graphql';
import { buildResolverSchema, printApiSchema } from '../../src/schema/build-schema';

describe('schema.graphql', () => {
  test('committed file matches the code', async () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    const generated = await printApiSchema();
    // On failure run `npm run schema:print` and commit schema.graphql.
    expect(committed).toBe(generated);
  });

  test('every type and field has a description', async () => {
    const schema = await buildResolverSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) {
        continue;
      }
      const isRoot = ['Query', 'Mutation'].includes(type.name);
      if (!type.description && !isRoot) {
        missing.push(type.name);
      }
      if (
        type instanceof GraphQLObjectType ||
        type instanceof GraphQLInterfaceType ||
        type instanceof GraphQLInputObjectType
      ) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) {
            missing.push(`${type.name}.${field.name}`);
          }
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) {
              missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues()) {
          if (!value.description) {
            missing.push(`${type.name}.${value.name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
