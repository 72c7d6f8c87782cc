import 'reflect-metadata';
import { getNamedType, isObjectType, parse } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { buildApiSchema } from '../../../src/schema/build-schema';

async function costOf(source: string, variables: Record<string, unknown> = {}): Promise<number> {
  return getComplexity({
    schema: await buildApiSchema(),
    query: parse(source),
    variables,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

describe('query cost', () => {
  test('connection multiplies by first', async () => {
    const small = await costOf('{ opds(first: 1) { edges { node { id code } } } }');
    const large = await costOf('{ opds(first: 100) { edges { node { id code } } } }');
    // edges + node + id + code = 4 per item, plus 1 for the connection field.
    expect(small).toBe(1 + 4);
    expect(large).toBe(1 + 100 * 4);
  });

  test('first from variables counts', async () => {
    const source = 'query ($n: Int) { opds(first: $n) { edges { node { id } } } }';
    expect(await costOf(source, { n: 50 })).toBe(1 + 50 * 3);
  });

  test('missing page size uses default', async () => {
    expect(await costOf('{ opds { totalCount } }')).toBe(1 + 20 * 1);
  });

  test('out-of-range first counts as 100', async () => {
    const source = 'query ($n: Int) { opds(first: $n) { totalCount } }';
    expect(await costOf(source, { n: 1_000_000 })).toBe(1 + 100);
    expect(await costOf(source, { n: -5 })).toBe(1 + 100);
  });

  test('nested connections multiply', async () => {
    const source = `{ opds(first: 10) { edges { node {
      indicators(first: 10) { edges { node { id } } }
    } } } }`;
    expect(await costOf(source)).toBe(1 + 10 * (2 + (1 + 10 * 3)));
  });

  test('every connection field has a cost', async () => {
    const schema = await buildApiSchema();
    const uncosted: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) {
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const returned = getNamedType(field.type).name;
        if (returned.endsWith('Connection') && field.extensions.complexity === undefined) {
          uncosted.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(uncosted).toEqual([]);
  });
});
