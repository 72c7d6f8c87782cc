import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Role } from '../../src/entities/enums';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { postGraphQL } from '../support/graphql-client';
import { insertSyntheticData } from '../support/synthetic';
import { startTestServer, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Plan { id code }
    ... on Mission { id number }
    ... on Opd { id code }
    ... on Indicator { id name }
    ... on Contract { id year }
  }
}`;

/** How many rows of each type the synthetic data set has, by database id 1..count. */
const ROWS_BY_TYPE = { Plan: 1, Mission: 4, Opd: 100, Indicator: 100, Contract: 100 };

/** Builds `count` representations of one type, cycling through the ids that exist. */
function representations(typeName: keyof typeof ROWS_BY_TYPE, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    __typename: typeName,
    id: toGlobalId(typeName, (index % ROWS_BY_TYPE[typeName]) + 1),
  }));
}

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  const userId = await insertUser(server.app.dataSource, 'analyst', Role.ANALYST);
  await insertSyntheticData(
    server.app.dataSource,
    { missions: ROWS_BY_TYPE.Mission, opds: ROWS_BY_TYPE.Opd, indicatorsPerOpd: 1 },
    userId,
  );
  token = await server.login('analyst');
});

afterAll(async () => {
  await server?.close();
});

describe('Federation subgraph', () => {
  test('_service SDL needs sign-in', async () => {
    const response = await server.request('{ _service { sdl } }');
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('_service SDL keys five entities', async () => {
    const response = await server.request('{ _service { sdl } }', {}, { token });
    const sdl: string = response.data?._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    for (const typeName of Object.keys(ROWS_BY_TYPE)) {
      expect(sdl).toMatch(new RegExp(`type ${typeName} implements Node\\s+@key\\(fields: "id"\\)`));
    }
  });

  test('_entities resolves each type by global ID', async () => {
    const all = Object.keys(ROWS_BY_TYPE).map((typeName) => ({
      __typename: typeName,
      id: toGlobalId(typeName, 1),
    }));
    const response = await server.request(ENTITIES, { representations: all }, { token });
    expect(response.errors).toBeUndefined();
    const entities = response.data?._entities;
    expect(entities.map((entity: any) => entity.__typename)).toEqual(Object.keys(ROWS_BY_TYPE));
    expect(entities.map((entity: any) => entity.id)).toEqual(all.map((entry) => entry.id));
    expect(entities[2].code).toEqual(expect.any(String));
  });

  test('unknown ID resolves to null', async () => {
    const missing = [{ __typename: 'Opd', id: toGlobalId('Opd', 99999) }];
    const response = await server.request(ENTITIES, { representations: missing }, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([null]);
  });

  test('ID of another type rejected', async () => {
    const wrong = [{ __typename: 'Opd', id: toGlobalId('Plan', 1) }];
    const response = await server.request(ENTITIES, { representations: wrong }, { token });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('Opd representation id');
  });

  test('anonymous _entities rejected', async () => {
    const response = await server.request(ENTITIES, { representations: representations('Opd', 1) });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('one statement per entity type', async () => {
    const baseline = await server.countStatements(ENTITIES, { representations: [] }, token);

    for (const typeName of Object.keys(ROWS_BY_TYPE) as (keyof typeof ROWS_BY_TYPE)[]) {
      const statements = await server.countStatements(
        ENTITIES,
        { representations: representations(typeName, 100) },
        token,
      );
      expect({ typeName, statements: statements - baseline }).toEqual({ typeName, statements: 1 });
    }

    const mixed = Object.keys(ROWS_BY_TYPE).flatMap((typeName) =>
      representations(typeName as keyof typeof ROWS_BY_TYPE, 100),
    );
    const statements = await server.countStatements(ENTITIES, { representations: mixed }, token);
    expect(statements - baseline).toBe(5);
  });
});

/**
 * A budget service written for this test: it adds `budget` to our Opd and has its own root
 * field that returns OPDs, which the gateway then completes from our subgraph.
 */
const BUDGET_TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    largestBudgets: [OpdBudget!]!
  }

  type OpdBudget {
    opd: Opd!
    year: Int!
    amount: String!
  }

  type Opd @key(fields: "id") {
    id: ID!
    budget: OpdBudget
  }
`);

function startBudgetService(budgets: { opdId: string; amount: string }[]) {
  const byOpd = new Map(budgets.map((budget) => [budget.opdId, budget]));
  const toBudget = (budget: { opdId: string; amount: string }) => ({
    opd: { id: budget.opdId },
    year: 2019,
    amount: budget.amount,
  });
  const schema = buildSubgraphSchema({
    typeDefs: BUDGET_TYPE_DEFS,
    resolvers: {
      Query: { largestBudgets: () => budgets.map(toBudget) },
      Opd: {
        __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
        budget: (opd: { id: string }) => {
          const budget = byOpd.get(opd.id);
          return budget ? toBudget(budget) : null;
        },
      },
    },
  });
  return new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
}

describe('Federation gateway', () => {
  let budgetService: ApolloServer;
  let gateway: ApolloServer;
  let gatewayUrl: string;
  const firstOpd = toGlobalId('Opd', 1);
  const secondOpd = toGlobalId('Opd', 2);

  beforeAll(async () => {
    budgetService = startBudgetService([
      { opdId: secondOpd, amount: '2500000000' },
      { opdId: firstOpd, amount: '1200000000' },
    ]);
    const budget = await startStandaloneServer(budgetService, {
      listen: { port: 0, host: '127.0.0.1' },
    });

    const ours = await server.request('{ _service { sdl } }', {}, { token });
    const composition = composeServices([
      { name: 'lelang', typeDefs: parse(ours.data?._service.sdl), url: server.url },
      { name: 'budget', typeDefs: BUDGET_TYPE_DEFS, url: budget.url },
    ]);
    if (composition.errors) {
      throw new Error(`composition failed: ${composition.errors.map(String).join('; ')}`);
    }

    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: composition.supergraphSdl,
        // Subgraphs see the caller's token only when the gateway forwards it.
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource({
            url,
            willSendRequest({ request, context }) {
              const authorization = (context as { authorization?: string }).authorization;
              if (authorization) {
                request.http?.headers.set('authorization', authorization);
              }
            },
          }),
      }),
    });
    ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ authorization: req.headers.authorization }),
    }));
  });

  afterAll(async () => {
    await gateway?.stop();
    await budgetService?.stop();
  });

  test('our OPDs get budgets', async () => {
    const response = await postGraphQL(
      gatewayUrl,
      '{ opds(first: 3) { edges { node { id code budget { amount } } } } }',
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data?.opds.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.id)).toEqual([firstOpd, secondOpd, toGlobalId('Opd', 3)]);
    expect(nodes.map((node: any) => node.budget?.amount ?? null)).toEqual([
      '1200000000',
      '2500000000',
      null,
    ]);
  });

  test('budget OPDs resolve through _entities', async () => {
    const before = server.logs.length;
    const response = await postGraphQL(
      gatewayUrl,
      '{ largestBudgets { amount opd { id code name } } }',
      {},
      { token },
    );
    expect(response.errors).toBeUndefined();
    const rows = response.data?.largestBudgets;
    expect(rows.map((row: any) => row.opd.id)).toEqual([secondOpd, firstOpd]);
    for (const row of rows) {
      expect(row.opd.code).toEqual(expect.any(String));
      expect(row.opd.name).toEqual(expect.any(String));
    }
    const subgraphRequests = server.logs
      .slice(before)
      .filter((line) => line.msg === 'graphql request');
    expect(subgraphRequests).toHaveLength(1);
  });
});
