import { startTestServer, type TestServer } from '../support/test-server';
import { testDriver } from '../support/test-database';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
let metricsText: string;
let metricsResponse: Response;

function metricsUrl(target: TestServer): string {
  return target.url.replace(/\/graphql$/, '/metrics');
}

/** Returns the value of the sample whose name and labels match exactly, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);

  await server.request('query Plans { plans { id } }', {}, { token: world.tokens.analyst });
  await server.request('query Plans { plans { id } }', {}, { token: world.tokens.analyst });
  await server.request('query Plans { plans { id } }');
  await server.request(
    `mutation AddUser($input: CreateUserInput!) {
      createUser(input: $input) { user { id } userErrors { code } }
    }`,
    {
      input: { username: 'admin', displayName: 'A', password: 'long-enough-1', role: 'ANALYST' },
    },
    { token: world.tokens.admin },
  );

  metricsResponse = await fetch(metricsUrl(server));
  metricsText = await metricsResponse.text();
});

afterAll(async () => {
  await server?.close();
});

describe('/metrics', () => {
  test('serves Prometheus text', () => {
    expect(metricsResponse.status).toBe(200);
    expect(metricsResponse.headers.get('content-type')).toContain('text/plain');
    expect(metricsText).toContain('# TYPE lelang_graphql_requests_total counter');
  });

  test('counts requests by operation and outcome', () => {
    const series = 'lelang_graphql_requests_total';
    expect(sample(metricsText, `${series}{operation="Plans",outcome="OK"}`)).toBe(2);
    expect(sample(metricsText, `${series}{operation="Plans",outcome="UNAUTHENTICATED"}`)).toBe(1);
    expect(sample(metricsText, `${series}{operation="AddUser",outcome="USER_ERROR"}`)).toBe(1);
  });

  test('records a latency histogram', () => {
    const series = 'lelang_graphql_request_duration_seconds';
    expect(sample(metricsText, `${series}_count{operation="Plans"}`)).toBe(3);
    expect(sample(metricsText, `${series}_bucket{le="+Inf",operation="Plans"}`)).toBe(3);
  });

  test('reports pool usage', () => {
    const limit = sample(metricsText, 'lelang_db_pool_connections{pool="primary",state="limit"}');
    expect(limit).toBe(testDriver() === 'sqlite' ? 1 : 5);
    const inUse = sample(metricsText, 'lelang_db_pool_connections{pool="primary",state="in_use"}');
    expect(inUse).toBe(0);
  });

  test('counts SQL statements', () => {
    const primary = sample(metricsText, 'lelang_db_statements_total{target="primary"}');
    expect(primary).toBeGreaterThan(0);
    expect(sample(metricsText, 'lelang_db_statements_total{target="replica"}')).toBe(0);
  });

  test('includes process metrics', () => {
    expect(metricsText).toContain('lelang_process_resident_memory_bytes');
  });

  test('absent when turned off', async () => {
    const quiet = await startTestServer({ metricsEnabled: false });
    try {
      const response = await fetch(metricsUrl(quiet));
      expect(response.status).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});
