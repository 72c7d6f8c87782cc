import { loadConfig } from '../../src/config/config';
import { Role } from '../../src/entities/enums';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { insertSyntheticData, type SyntheticSize } from '../support/synthetic';
import { startTestServer, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';

const NESTED = `query ($plan: ID!) {
  plan(id: $plan) {
    missions {
      number
      opds(first: 100) {
        edges { node {
          code
          missions { number }
          indicators(first: 100) {
            edges { node {
              name
              targets { year target { value lower upper } }
              task { description }
              clauses {
                weight
                committedTarget { value lower upper }
                attainment { scoredAttainment flags }
                realizations { quarter value status }
                contract { year status opd { code } signatures { role } }
              }
            } }
          }
        } }
      }
    }
  }
}`;

/** Starts a server with one synthetic data set and returns the statements the query needs. */
async function countFor(size: SyntheticSize): Promise<{ statements: number; clauses: number }> {
  // The query nests pages of 100 in pages of 100 on purpose, far above the default cost limit.
  const queryLimits = { ...loadConfig({}).queryLimits, maxCost: 1_000_000 };
  const server: TestServer = await startTestServer({ queryLimits });
  try {
    const userId = await insertUser(server.app.dataSource, 'analyst', Role.ANALYST);
    const data = await insertSyntheticData(server.app.dataSource, size, userId);
    const token = await server.login('analyst');
    const variables = { plan: toGlobalId('Plan', data.planId) };

    const response = await server.request(NESTED, variables, { token });
    const clauses = response.data?.plan.missions.flatMap((mission: any) =>
      mission.opds.edges.flatMap((opd: any) =>
        opd.node.indicators.edges.flatMap((indicator: any) => indicator.node.clauses),
      ),
    );
    const statements = await server.countStatements(NESTED, variables, token);
    return { statements, clauses: clauses.length };
  } finally {
    await server.close();
  }
}

describe('DataLoader batching', () => {
  test('statement count independent of data size', async () => {
    const small = await countFor({ missions: 4, opds: 4, indicatorsPerOpd: 3 });
    const large = await countFor({ missions: 4, opds: 40, indicatorsPerOpd: 30 });

    expect(small.clauses).toBe(12);
    expect(large.clauses).toBe(1200);
    expect(large.statements).toBe(small.statements);
  });
});
