import {
  GraphQLID,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { toSubgraphSchema } from '../../src/schema/federation/subgraph-schema';
import { buildApiSchema } from '../../src/schema/build-schema';

describe('toSubgraphSchema', () => {
  test('field extensions survive wrapping', () => {
    const query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        title: { type: GraphQLString, extensions: { complexity: 5 }, resolve: () => 'x' },
        id: { type: new GraphQLNonNull(GraphQLID), resolve: () => '1' },
      },
    });
    const subgraph = toSubgraphSchema(new GraphQLSchema({ query }));
    const fields = subgraph.getQueryType()?.getFields();
    expect(fields?.title.extensions).toEqual({ complexity: 5 });
    expect(fields?.id.extensions).toEqual({});
    expect(Object.keys(fields ?? {})).toEqual(expect.arrayContaining(['_service']));
  });

  test('API schema has federation fields', async () => {
    const fields = (await buildApiSchema()).getQueryType()?.getFields() ?? {};
    expect(fields._service).toBeDefined();
    expect(fields._entities).toBeDefined();
  });

  test('entity union lists keyed types', async () => {
    const union = (await buildApiSchema()).getType('_Entity');
    const members = union && 'getTypes' in union ? union.getTypes().map((type) => type.name) : [];
    expect(members.sort()).toEqual(['Contract', 'Indicator', 'Mission', 'Opd', 'Plan']);
  });
});
