import { loadConfig } from '../../src/config/config';
import { Role } from '../../src/entities/enums';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { NESTED_REPORT } from '../../bench/load/documents';
import { insertSyntheticData, type SyntheticSize } from '../support/synthetic';
import { startTestServer, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';

const NESTED = `query ($planId: ID!) {
  plan(id: $planId) {
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

/** Clauses in a response: under each OPD's indicators (NESTED) or contracts (NESTED_REPORT). */
function clausesUnder(data: any, level: 'indicators' | 'contracts'): unknown[] {
  return data.plan.missions.flatMap((mission: any) =>
    mission.opds.edges.flatMap((opd: any) =>
      opd.node[level].edges.flatMap((edge: any) => edge.node.clauses),
    ),
  );
}

/**
 * Starts a server with one synthetic data set and returns the statements `document` needs,
 * with the number of clauses in its response.
 */
async function countFor(
  size: SyntheticSize,
  document: string,
  level: 'indicators' | 'contracts',
  extraVariables: Record<string, unknown> = {},
): Promise<{ statements: number; clauses: number }> {
  // The query nests pages of 100 in pages of 100 on purpose, far above the default cost limit.
  const queryLimits = { ...loadConfig({}).queryLimits, maxCost: 1_000_000 };
  const server: TestServer = await startTestServer({ queryLimits });
  try {
    const userId = await insertUser(server.app.dataSource, 'analyst', Role.ANALYST);
    const data = await insertSyntheticData(server.app.dataSource, size, userId);
    const token = await server.login('analyst');
    const variables = { planId: toGlobalId('Plan', data.planId), ...extraVariables };

    const response = await server.request(document, variables, { token });
    expect(response.errors).toBeUndefined();
    const statements = await server.countStatements(document, variables, token);
    return { statements, clauses: clausesUnder(response.data, level).length };
  } finally {
    await server.close();
  }
}

describe('DataLoader batching', () => {
  test('statement count independent of data size', async () => {
    const small = await countFor(
      { missions: 4, opds: 4, indicatorsPerOpd: 3 },
      NESTED,
      'indicators',
    );
    const large = await countFor(
      { missions: 4, opds: 40, indicatorsPerOpd: 30 },
      NESTED,
      'indicators',
    );

    expect(small.clauses).toBe(12);
    expect(large.clauses).toBe(1200);
    expect(large.statements).toBe(small.statements);
  });

  // The report the benchmark drives: OPD pages of 1, 10 and 100 with three clauses each, then
  // one OPD with 1, 10 and 100 clauses.
  test('nested report statements fixed for list sizes', async () => {
    const sizes: SyntheticSize[] = [
      { missions: 1, opds: 1, indicatorsPerOpd: 3 },
      { missions: 1, opds: 10, indicatorsPerOpd: 3 },
      { missions: 1, opds: 100, indicatorsPerOpd: 3 },
      { missions: 1, opds: 1, indicatorsPerOpd: 1 },
      { missions: 1, opds: 1, indicatorsPerOpd: 10 },
      { missions: 1, opds: 1, indicatorsPerOpd: 100 },
    ];
    const counts = [];
    for (const size of sizes) {
      counts.push(await countFor(size, NESTED_REPORT, 'contracts', { year: 2019 }));
    }

    expect(counts.map((count) => count.clauses)).toEqual([3, 30, 300, 1, 10, 100]);
    for (const count of counts.slice(1)) {
      expect(count.statements).toBe(counts[0].statements);
    }
  }, 120000);
});
