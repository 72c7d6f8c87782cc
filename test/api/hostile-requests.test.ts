import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import { signedContract, SUBMIT } from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;

const ALLOWED_ORIGIN = 'https://sakip.kota-uji.go.id';

beforeAll(async () => {
  server = await startTestServer({
    http: { corsOrigins: [ALLOWED_ORIGIN], trustProxy: false },
  });
  world = await buildWorld(server);
});

afterAll(async () => {
  await server?.close();
});

/** A raw HTTP response: status, headers and the body parsed as JSON when it is JSON. */
interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Sends a request exactly as given, without the JSON client's help. */
async function send(
  init: { method?: string; headers?: Record<string, string>; body?: string },
  path = '',
): Promise<RawResponse> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Some rejections (preflight answers) carry no JSON body.
  }
  return { status: response.status, headers: response.headers, body };
}

/**
 * Posts JSON as a current GraphQL client does. Accepting application/graphql-response+json
 * makes the server answer rejected documents with 400; a client that accepts only
 * application/json gets 200 for them, as the GraphQL over HTTP spec prescribes.
 */
function postJson(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send({
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

function codesOf(response: RawResponse): string[] {
  const errors = (response.body?.errors ?? []) as { extensions?: { code?: string } }[];
  return errors.map((error) => String(error.extensions?.code));
}

/** Asserts that the server still serves an ordinary signed-in query. */
async function expectServing(): Promise<void> {
  const response = await server.request(
    'query { plans { id code } }',
    {},
    { token: world.tokens.analyst },
  );
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data?.plans).toEqual([{ id: world.planId, code: 'RPJMD-TEST' }]);
}

/** Fields nested `levels` deep: plans { missions { plan { missions ... } } }. */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let level = levels - 1; level >= 1; level--) {
    const field = level === 1 ? 'plans' : level % 2 === 0 ? 'missions' : 'plan';
    selection = `${field} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

function aliasFlood(count: number): string {
  const aliases = Array.from({ length: count }, (_, index) => `a${index}: plans { id }`);
  return `{ ${aliases.join(' ')} }`;
}

/** Fragments that each spread the next one twice: 2^levels ids once expanded. */
function fragmentBomb(levels: number): string {
  let source = '{ plans { ...F0 } }\n';
  for (let level = 0; level < levels; level++) {
    source += `fragment F${level} on Plan { ...F${level + 1} ...F${level + 1} }\n`;
  }
  return `${source}fragment F${levels} on Plan { id }\n`;
}

const LONG_TEXT = 'x'.repeat(10000);

interface AttackCase {
  name: string;
  send: () => Promise<RawResponse>;
  status: number;
  codes: string[];
}

const ATTACKS: AttackCase[] = [
  {
    name: 'deep nesting',
    send: () => postJson({ query: deepQuery(40) }),
    status: 400,
    codes: ['QUERY_TOO_DEEP'],
  },
  {
    name: 'alias flood',
    send: () => postJson({ query: aliasFlood(1000) }),
    status: 400,
    codes: ['TOO_MANY_ALIASES'],
  },
  {
    name: 'fragment cycle',
    send: () =>
      postJson({
        query:
          '{ plans { ...A } } fragment A on Plan { ...B } fragment B on Plan { missions { plan { ...A } } }',
      }),
    status: 400,
    codes: ['GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: 'fragment bomb',
    send: () => postJson({ query: fragmentBomb(30) }),
    status: 400,
    codes: ['TOO_MANY_ALIASES'],
  },
  {
    name: 'nested pages of 100',
    send: () =>
      postJson({
        query:
          '{ opds(first: 100) { edges { node { indicators(first: 100) { edges { node { id name } } } } } } }',
      }),
    status: 400,
    codes: ['QUERY_TOO_COMPLEX'],
  },
  {
    name: 'many operations',
    send: () =>
      postJson({
        query: Array.from({ length: 11 }, (_, index) => `query Q${index} { me { id } }`).join(' '),
        operationName: 'Q0',
      }),
    status: 400,
    codes: ['TOO_MANY_OPERATIONS'],
  },
  {
    name: 'token flood',
    send: () => postJson({ query: `{ ${'a '.repeat(12000)}}` }),
    status: 400,
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'huge first',
    send: () =>
      postJson(
        { query: '{ opds(first: 1000000) { totalCount } }' },
        { authorization: `Bearer ${world.tokens.analyst}` },
      ),
    status: 200,
    codes: ['BAD_USER_INPUT'],
  },
  {
    name: 'first beyond Int',
    send: () => postJson({ query: '{ opds(first: 99999999999) { totalCount } }' }),
    status: 400,
    codes: ['GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: '1 MB body',
    send: () => postJson({ query: '{ plans { id } }', padding: 'x'.repeat(1024 * 1024) }),
    status: 413,
    codes: ['PAYLOAD_TOO_LARGE'],
  },
  {
    name: 'batch array',
    send: () => postJson([{ query: '{ plans { id } }' }, { query: '{ me { id } }' }]),
    status: 400,
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'malformed JSON',
    send: () =>
      send({
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ plans { id } }"',
      }),
    status: 400,
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'NaN literal in JSON',
    send: () =>
      send({
        headers: { 'content-type': 'application/json' },
        body: '{"query": "query ($n: Int) { opds(first: $n) { totalCount } }", "variables": {"n": NaN}}',
      }),
    status: 400,
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'text/plain body',
    send: () =>
      send({
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ plans { id } }' }),
      }),
    status: 400,
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'XML content type',
    send: () =>
      send({ headers: { 'content-type': 'application/xml' }, body: '<query>plans</query>' }),
    status: 400,
    codes: ['BAD_REQUEST'],
  },
  {
    name: '10,000-character username',
    send: () =>
      postJson({
        query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        variables: { input: { username: LONG_TEXT, password: LONG_TEXT } },
      }),
    status: 200,
    codes: ['BAD_USER_INPUT'],
  },
  {
    name: '10,000-character OPD name',
    send: () =>
      postJson(
        {
          query:
            'mutation ($input: CreateOpdInput!) { createOpd(input: $input) { opd { id } userErrors { code } } }',
          variables: { input: { code: 'LONG', name: LONG_TEXT, kind: 'DINAS', headName: 'H' } },
        },
        { authorization: `Bearer ${world.tokens.admin}` },
      ),
    status: 200,
    codes: ['BAD_USER_INPUT'],
  },
  {
    name: 'negative first',
    send: () =>
      postJson(
        { query: '{ opds(first: -5) { totalCount } }' },
        { authorization: `Bearer ${world.tokens.analyst}` },
      ),
    status: 200,
    codes: ['BAD_USER_INPUT'],
  },
  {
    name: 'NaN as Int variable',
    send: () =>
      postJson({
        query: 'query ($n: Int) { opds(first: $n) { totalCount } }',
        variables: { n: 'NaN' },
      }),
    status: 400,
    codes: ['BAD_USER_INPUT'],
  },
];

describe('attack corpus', () => {
  test.each(ATTACKS)('$name is rejected', async (attack) => {
    const response = await attack.send();

    expect(response.status).toBe(attack.status);
    expect(codesOf(response)).toEqual(attack.codes);
    expect(JSON.stringify(response.body)).not.toContain('stacktrace');
    expect(JSON.stringify(response.body).length).toBeLessThan(4000);
    await expectServing();
  });

  test('limits reject before any resolver', async () => {
    // Anonymous callers would get UNAUTHENTICATED from a resolver; a limit answers first.
    const requestId = randomUUID();
    const response = await postJson({ query: deepQuery(40) }, { 'x-request-id': requestId });
    expect(codesOf(response)).toEqual(['QUERY_TOO_DEEP']);
    const line = server.logs.find(
      (entry) => entry.requestId === requestId && entry.msg === 'graphql request',
    );
    expect(line?.sqlStatements).toBe(0);
    expect(line?.errorCodes).toEqual(['QUERY_TOO_DEEP']);
  });

  test('limit errors state the limit', async () => {
    const deep = await postJson({ query: deepQuery(40) });
    expect(deep.body.errors[0].message).toBe(
      'The operation nests fields 40 levels deep; the limit is 12. Fetch deeper objects with ' +
        'a second query by ID.',
    );
    const aliases = await postJson({ query: aliasFlood(21) });
    expect(aliases.body.errors[0].message).toContain(
      'Field "plans" is selected 21 times in one selection set; the limit is 20.',
    );
  });

  test('queries at the limits are served', async () => {
    const token = { authorization: `Bearer ${world.tokens.analyst}` };
    const depth = await postJson({ query: deepQuery(12) }, token);
    expect(depth.status).toBe(200);
    expect(depth.body.errors).toBeUndefined();

    const aliases = await postJson({ query: aliasFlood(20) }, token);
    expect(aliases.status).toBe(200);
    expect(Object.keys(aliases.body.data)).toHaveLength(20);

    const page = await postJson(
      { query: '{ opds(first: 100) { edges { node { id code name } } totalCount } }' },
      token,
    );
    expect(page.status).toBe(200);
    expect(page.body.data.opds.totalCount).toBe(2);
  });

  test('long input echoed only in part', async () => {
    const response = await postJson({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: { username: LONG_TEXT, password: 'secret-password' } },
    });
    const error = response.body.errors[0];
    expect(error.message).toContain('username');
    expect(error.message.length).toBeLessThan(400);
    expect(JSON.stringify(response.body)).not.toContain('secret-password');
  });

  test('Decimal NaN and Infinity rejected', async () => {
    const handle = await signedContract(server, world, 'B', [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
    for (const value of ['NaN', 'Infinity', '-Infinity', '1e999999']) {
      const response = await server.request(
        SUBMIT,
        {
          input: {
            clauseId: handle.clauseIds[0],
            quarter: 1,
            value,
            evidence: { dataSource: 'Register' },
          },
        },
        { token: world.tokens.bStaff },
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toContain(value);
    }
  });

  test.each([0, -1, 5, -2147483648])('realisation quarter %p rejected', async (quarter) => {
    const response: GraphQLResponse = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: toGlobalId('Clause', 1),
          quarter,
          value: '1',
          evidence: { dataSource: 'Register' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(response.errors)).toContain('quarter');
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ __typename }');

  test('GET without preflight header rejected', async () => {
    const response = await send({ method: 'GET' }, `?query=${query}`);
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['BAD_REQUEST']);
    expect(response.body.errors[0].message).toContain('Cross-Site Request Forgery');
  });

  test('GET with preflight header served', async () => {
    const response = await send(
      { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
      `?query=${query}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });

  test('form-encoded POST rejected', async () => {
    const response = await send({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toContain('Cross-Site Request Forgery');
  });

  test('mutation over GET rejected', async () => {
    const mutation = encodeURIComponent(
      'mutation { createOpd(input: { code: "GET", name: "G", kind: DINAS, headName: "H" }) { opd { id } } }',
    );
    const response = await send(
      {
        method: 'GET',
        headers: {
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${world.tokens.admin}`,
        },
      },
      `?query=${mutation}`,
    );
    expect(response.status).toBe(405);
    expect(codesOf(response)).toEqual(['BAD_REQUEST']);
  });
});

describe('CORS allowlist', () => {
  const preflight = (origin: string) =>
    send({
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  test('allowed origin passes preflight', async () => {
    const response = await preflight(ALLOWED_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('other origin fails preflight', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.body.errors[0].message).toContain('CORS_ORIGINS');
  });

  test('response names only allowed origins', async () => {
    const allowed = await postJson({ query: '{ __typename }' }, { origin: ALLOWED_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('vary')).toContain('Origin');

    const other = await postJson({ query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('same-origin request gets no CORS headers', async () => {
    const response = await postJson({ query: '{ __typename }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('schema exposure', () => {
  let production: TestServer;

  beforeAll(async () => {
    production = await startTestServer({
      environment: 'production',
      isProduction: true,
      introspection: false,
      graphqlIde: false,
      hideSuggestions: true,
    });
  });

  afterAll(async () => {
    await production?.close();
  });

  test('introspection on in development', async () => {
    const response = await server.request(getIntrospectionQuery());
    expect(response.status).toBe(200);
    expect(response.data?.__schema.queryType.name).toBe('Query');
  });

  test('introspection off in production', async () => {
    const response = await production.request(
      getIntrospectionQuery(),
      {},
      { headers: { accept: 'application/graphql-response+json' } },
    );
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(response.data ?? null).toBeNull();
  });

  test('suggestions only outside production', async () => {
    const development = await server.request('{ plnas { id } }');
    expect(development.errors?.[0].message).toBe(
      'Cannot query field "plnas" on type "Query". Did you mean "plans" or "plan"?',
    );
    const hidden = await production.request('{ plnas { id } }');
    expect(hidden.errors?.[0].message).toBe('Cannot query field "plnas" on type "Query".');
  });

  test('enum suggestions hidden in production', async () => {
    const response = await production.request(
      'query ($kind: OpdKind) { opds(kind: $kind) { totalCount } }',
      { kind: 'DINASS' },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).not.toContain('Did you mean');
  });

  test('errors carry no stack trace', async () => {
    const response = await production.request('{ plans { id } }');
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});
