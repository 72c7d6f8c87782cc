import { createSilentLogger } from '../../src/logging/logger';
import { seedIfEmpty } from '../../src/server/startup-seed';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let token: string;
let planId: string;

beforeAll(async () => {
  server = await startTestServer({ seedDemo: true, demoPassword: 'lelang2019' });
  token = await server.login('admin', 'lelang2019');
  const plans = await server.request('{ plans { id code } }', {}, { token });
  planId = plans.data?.plans[0].id;
});

afterAll(async () => {
  await server?.close();
});

describe('demo data set', () => {
  test('start-up log explains signing in', () => {
    const line = server.logs.find((entry) => String(entry.msg).startsWith('demo data loaded'));
    expect(line?.users).toEqual(expect.arrayContaining(['admin', 'mayor', 'dinkes.head']));
    expect(line?.msg).toContain('login');
    const connected = server.logs.find((entry) => entry.msg === 'database connected');
    expect(connected?.database).toMatch(/SQLite file|MySQL/);
  });

  test('mission attainment has four missions', async () => {
    const response = await server.request(
      'query ($plan: ID!) { missionAttainment(planId: $plan, year: 2019) { mission { number title } attainment rating clauses } }',
      { plan: planId },
      { token },
    );
    const rows = response.data?.missionAttainment;
    expect(rows.map((row: any) => row.mission.number)).toEqual([1, 2, 3, 4]);
    for (const row of rows) {
      expect(row.attainment).toMatch(/^\d+\.\d{2}$/);
      expect(row.clauses).toBeGreaterThan(0);
    }
  });

  test('contracts exist in every stage', async () => {
    const response = await server.request(
      'query ($plan: ID!) { contracts(planId: $plan, year: 2019, first: 100) { edges { node { status evaluation { status } } } } }',
      { plan: planId },
      { token },
    );
    const nodes = response.data?.contracts.edges.map((edge: any) => edge.node);
    const statuses = new Set(nodes.map((node: any) => node.status));
    expect([...statuses].sort()).toEqual(['BID', 'OFFERED', 'SIGNED', 'SIGNING']);
    const evaluations = nodes.map((node: any) => node.evaluation?.status).filter(Boolean);
    expect(evaluations).toContain('FINAL');
  });

  test('unsigned OPDs include one without contract', async () => {
    const response = await server.request(
      'query ($plan: ID!) { unsignedOpds(planId: $plan, year: 2019) { opd { code } contract { status } } }',
      { plan: planId },
      { token },
    );
    const rows = response.data?.unsignedOpds;
    expect(rows.some((row: any) => row.contract === null)).toBe(true);
    expect(rows.some((row: any) => row.contract?.status === 'OFFERED')).toBe(true);
  });

  test('every role can sign in', async () => {
    for (const username of ['mayor', 'evaluator', 'analyst', 'dinkes.head', 'dinkes.staff']) {
      await expect(server.login(username, 'lelang2019')).resolves.toEqual(expect.any(String));
    }
  });

  test('restart keeps existing data', async () => {
    const before = await server.request('{ opds { totalCount } }', {}, { token });
    await seedIfEmpty(server.app.dataSource, server.app.services, 'x', createSilentLogger());
    const after = await server.request('{ opds { totalCount } }', {}, { token });
    expect(after.data?.opds.totalCount).toBe(before.data?.opds.totalCount);
  });
});
