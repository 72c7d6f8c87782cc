import { Role } from '../../src/entities/enums';
import { loadExampleOperations } from '../../src/ide/example-operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ seedDemo: true, demoPassword: 'lelang2019' });
  token = await server.login('analyst', 'lelang2019');
});

afterAll(async () => {
  await server?.close();
});

describe('example operations', () => {
  const examples = loadExampleOperations();

  test('examples cover the analyst questions', () => {
    expect(examples.map((example) => example.name)).toEqual([
      '1-sign-in',
      '2-attainment-per-mission',
      '3-opd-ranking',
      '4-contract-with-scores',
      '5-at-risk-indicators',
    ]);
  });

  test.each(examples.map((example) => [example.name, example] as const))(
    '%s runs against demo data',
    async (_name, example) => {
      const response = await server.request(example.document, JSON.parse(example.variables), {
        token,
      });
      expect(response.errors).toBeUndefined();
      const [result] = Object.values(response.data ?? {});
      expect(result).toBeTruthy();
      if (Array.isArray(result)) {
        expect(result.length).toBeGreaterThan(0);
      }
    },
  );

  test('contract example shows final scores', async () => {
    const example = examples.find((candidate) => candidate.name === '4-contract-with-scores');
    const response = await server.request(
      example?.document ?? '',
      JSON.parse(example?.variables ?? '{}'),
      { token },
    );
    const contract = response.data?.contract;
    expect(contract.opd.code).toBe('DINKES');
    expect(contract.evaluation.status).toBe('FINAL');
    expect(contract.clauses.length).toBeGreaterThan(0);
    expect(contract.evaluation.clauseScores).toHaveLength(contract.clauses.length);
  });

  test('sign-in example returns a token', async () => {
    const example = examples.find((candidate) => candidate.name === '1-sign-in');
    const response = await server.request(
      example?.document ?? '',
      JSON.parse(example?.variables ?? '{}'),
    );
    expect(response.data?.login.token).toEqual(expect.any(String));
    expect(response.data?.login.user.role).toBe('ANALYST');
  });
});

describe('GraphQL IDE page', () => {
  test('browser GET gets the IDE', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('AttainmentPerMission');
    expect(html).toContain('login');
    // Every script and style comes from this server, never from a CDN.
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.length).toBe(4);
    for (const source of sources) {
      expect(source).toMatch(/^\/ide-assets\//);
      const asset = await fetch(new URL(source, server.url));
      expect(asset.status).toBe(200);
    }
  });

  test('example text cannot close the script', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html.match(/<\/script>/g)).toHaveLength(4);
  });
});

describe('GraphQL IDE turned off', () => {
  let closedServer: TestServer;

  beforeAll(async () => {
    closedServer = await startTestServer({
      environment: 'production',
      isProduction: true,
      graphqlIde: false,
      introspection: false,
    });
  });

  afterAll(async () => {
    await closedServer?.close();
  });

  test('browser GET gets no page', async () => {
    const response = await fetch(closedServer.url, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).not.toContain('text/html');
    expect(await response.text()).not.toContain('GraphiQL');
  });

  test('IDE assets are not served', async () => {
    const response = await fetch(new URL('/ide-assets/graphiql.min.js', closedServer.url));
    expect(response.status).toBe(404);
  });

  test('production introspection is off', async () => {
    const response = await closedServer.request('{ __schema { queryType { name } } }');
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('_service SDL stays available after sign-in', async () => {
    const anonymous = await closedServer.request('{ _service { sdl } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    await insertUser(closedServer.app.dataSource, 'reader', Role.ANALYST);
    const token = await closedServer.login('reader');
    const response = await closedServer.request('{ _service { sdl } }', {}, { token });
    expect(response.data?._service.sdl).toContain('@key(fields: "id")');
  });
});

describe('GraphQL IDE on in production', () => {
  let productionServer: TestServer;

  beforeAll(async () => {
    productionServer = await startTestServer({
      environment: 'production',
      isProduction: true,
      graphqlIde: true,
    });
  });

  afterAll(async () => {
    await productionServer?.close();
  });

  test('IDE page and introspection available', async () => {
    const page = await fetch(productionServer.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('GraphiQL');
    const response = await productionServer.request('{ __schema { queryType { name } } }');
    expect(response.data?.__schema.queryType.name).toBe('Query');
  });
});
