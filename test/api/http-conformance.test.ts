import { createHash } from 'node:crypto';
import { type AuditResult, serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Audits that end as notices: optional (MAY) uses of GET. Apollo Server's CSRF prevention
 * rejects a GET that carries neither a JSON content type nor an `apollo-require-preflight`
 * header, and the audit sends neither.
 */
const EXPECTED_NOTICES = ['5A70', 'D6D5', '6A70'];

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** Posts a raw body with the given Accept header and returns status, media type and body. */
async function post(body: unknown, accept: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: (await response.json()) as { data?: unknown; errors?: any[] },
  };
}

describe('GraphQL over HTTP audit', () => {
  let results: { id: string; name: string; result: AuditResult }[];

  beforeAll(async () => {
    results = [];
    for (const audit of serverAudits({ url: server.url })) {
      results.push({ id: audit.id, name: audit.name, result: await audit.fn() });
    }
  });

  test('audit ran every check', () => {
    expect(results.length).toBeGreaterThan(50);
  });

  test('no audit errors', () => {
    const errors = results.filter((entry) => entry.result.status === 'error');
    expect(errors.map((entry) => `${entry.id} ${entry.name}`)).toEqual([]);
  });

  test('no audit warnings', () => {
    const warnings = results.filter((entry) => entry.result.status === 'warn');
    expect(warnings.map((entry) => `${entry.id} ${entry.name}`)).toEqual([]);
  });

  test('only GET notices remain', () => {
    const notices = results.filter((entry) => entry.result.status === 'notice');
    expect(notices.map((entry) => entry.id).sort()).toEqual([...EXPECTED_NOTICES].sort());
  });
});

describe('response media types', () => {
  test('graphql-response+json served when accepted', async () => {
    const response = await post({ query: '{ __typename }' }, GRAPHQL_RESPONSE);
    expect(response.status).toBe(200);
    expect(response.contentType).toContain(GRAPHQL_RESPONSE);
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });

  test('parse failure is 400 for graphql-response+json', async () => {
    const response = await post({ query: '{' }, GRAPHQL_RESPONSE);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  test('validation failure is 400 for graphql-response+json', async () => {
    const response = await post({ query: '{ noSuchField }' }, GRAPHQL_RESPONSE);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('request errors are 200 for application/json', async () => {
    const cases = [
      { query: '{' },
      { query: '{ noSuchField }' },
      { query: 'query ($id: ID!) { opd(id: $id) { code } }', variables: { id: [1] } },
    ];
    for (const body of cases) {
      const response = await post(body, 'application/json');
      expect({ body, status: response.status }).toEqual({ body, status: 200 });
      expect(response.contentType).toContain('application/json');
      expect(response.body.errors?.length).toBe(1);
    }
  });

  test('malformed JSON body stays 400', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });

  test('responses are marked no-store', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('execution errors stay 200', async () => {
    const response = await post({ query: '{ me { username } }' }, 'application/json');
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('automatic persisted queries', () => {
  const query = '{ __typename }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };

  test('unknown hash, then query, then hash', async () => {
    const unknown = await post({ extensions }, 'application/json');
    expect(unknown.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post({ query, extensions }, 'application/json');
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data).toEqual({ __typename: 'Query' });

    const byHash = await post({ extensions }, 'application/json');
    expect(byHash.status).toBe(200);
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toEqual({ __typename: 'Query' });
  });

  test('hash that does not match rejected', async () => {
    const wrong = { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } };
    const response = await post({ query, extensions: wrong }, 'application/json');
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0].message).toContain('provided sha does not match query');
    expect(response.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
  });
});
