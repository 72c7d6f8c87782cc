import { errorCodes } from '../support/graphql-client';
import {
  expectClean,
  OFFER,
  offerContract,
  SIGN,
  signedContract,
  SUBMIT,
  type ContractHandle,
} from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
let signed: ContractHandle;

const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id } userErrors { field message code } }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { id } userErrors { field message code } }
}`;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  signed = await signedContract(server, world, 'A', [
    { indicatorId: world.indicatorsA.maxSum, weight: '100' },
  ]);
});

afterAll(async () => {
  await server?.close();
});

/** Offers OPD B a one-clause 2020 contract with the given clause fields, as the mayor. */
function offerB(clause: Record<string, unknown>) {
  const input = {
    planId: world.planId,
    opdId: world.opdB,
    year: 2020,
    clauses: [{ indicatorId: world.indicatorB, weight: '100', ...clause }],
  };
  return server.request(OFFER, { input }, { token: world.tokens.mayor });
}

function submit(value: unknown, quarter = 1) {
  const input = {
    clauseId: signed.clauseIds[0],
    quarter,
    value,
    evidence: { dataSource: 'Register' },
  };
  return server.request(SUBMIT, { input }, { token: world.tokens.aStaff });
}

describe('decimal input', () => {
  test.each([
    ['12.34567', 'has 5 digits after the point'],
    ['1234567890123456', 'has 16 significant digits'],
    ['12345678901.23456', 'has 5 digits after the point'],
    ['1234567890123.45', 'has 15 significant digits'],
  ])('%s checked against stored precision', async (value, problem) => {
    const response = await submit(value);
    if (problem.startsWith('has 15')) {
      expect(errorCodes(response)).toEqual([]);
      return;
    }
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain(`"${value}" ${problem}`);
  });

  test('float artefact rejected, not rounded', async () => {
    const response = await submit(0.1 + 0.2, 2);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('0.30000000000000004');
  });

  test('fifteen digits read back exactly', async () => {
    const value = '12345678901.2345';
    const payload = expectClean('submitRealization', await submit(value, 3));
    expect(payload.realization.value).toBe(value);
    const read = await server.request(
      'query ($id: ID!) { node(id: $id) { ... on Realization { value } } }',
      { id: payload.realization.id },
      { token: world.tokens.analyst },
    );
    expect(read.data?.node.value).toBe(value);
  });

  test('trailing zeros not counted', async () => {
    const payload = expectClean('submitRealization', await submit('7.500000', 4));
    expect(payload.realization.value).toBe('7.5');
  });
});

describe('budget', () => {
  test.each([
    ['-5', 'cannot be negative'],
    ['1000.125', 'at most 2 decimals'],
  ])('budget %s rejected', async (budget, rule) => {
    const response = await offerB({ budget });
    expect(response.data?.offerContract.userErrors).toEqual([
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: 'clauses[0].budget',
        message: expect.stringContaining(`clauses[0].budget = ${budget}: `),
      }),
    ]);
    expect(response.data?.offerContract.userErrors[0].message).toContain(rule);
  });
});

describe('required text', () => {
  test('blank name rejected', async () => {
    const input = { code: 'OPD-BLANK', name: '   ', kind: 'DINAS', headName: '\t' };
    const response = await server.request(CREATE_OPD, { input }, { token: world.tokens.admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = response.errors?.[0].extensions?.fields.map(
      (entry: { field: string }) => entry.field,
    );
    expect(fields).toEqual(['name', 'headName']);
    expect(response.errors?.[0].message).toContain('name must contain text, not only spaces');
  });

  test.each([
    ['zero-width marks', '\u200b\u200b', 'must contain text'],
    ['soft hyphen and direction marks', '\u00ad\u200e\u202e\u2066', 'must contain text'],
    ['Hangul filler', '\u3164', 'must contain text'],
    ['C1 control characters', 'Nama\u0085\u009b', 'control character'],
    ['a control character', 'Dinas\u0000Baru', 'contains a control character'],
    ['a broken pair', 'Dinas \ud83d Baru', 'broken Unicode character'],
  ])('name with %s rejected', async (_case, name, rule) => {
    const input = { code: 'OPD-ODD', name, kind: 'DINAS', headName: 'Kepala' };
    const response = await server.request(CREATE_OPD, { input }, { token: world.tokens.admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain(rule);
  });

  test('a password of spaces rejected', async () => {
    const input = {
      username: 'blank-password',
      displayName: 'Someone',
      password: ' '.repeat(12),
      role: 'ANALYST',
    };
    const response = await server.request(CREATE_USER, { input }, { token: world.tokens.admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('password = (hidden)');
  });

  test('password hidden in errors', async () => {
    const input = {
      username: 'short-password',
      displayName: 'Someone',
      password: 'hunter2',
      role: 'ANALYST',
    };
    const response = await server.request(CREATE_USER, { input }, { token: world.tokens.admin });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('password = (hidden)');
    expect(JSON.stringify(response)).not.toContain('hunter2');
  });
});

describe('conflict messages say what to do instead', () => {
  test('offer on unsigned suggests reviseOffer', async () => {
    await offerContract(server, world, world.opdB, [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
    const input = {
      planId: world.planId,
      opdId: world.opdB,
      year: 2019,
      clauses: [{ indicatorId: world.indicatorB, weight: '100' }],
    };
    const response = await server.request(OFFER, { input }, { token: world.tokens.admin });
    expect(response.data?.offerContract.userErrors[0].message).toMatch(
      /already has a contract for 2019 \(OFFERED\): change its clauses with reviseOffer/,
    );
  });

  test('offer on signed suggests amendContract', async () => {
    const input = {
      planId: world.planId,
      opdId: world.opdA,
      year: 2019,
      clauses: [{ indicatorId: world.indicatorsA.maxSum, weight: '100' }],
    };
    const response = await server.request(OFFER, { input }, { token: world.tokens.admin });
    expect(response.data?.offerContract.userErrors[0].message).toContain(
      '(SIGNED): amend it with amendContract',
    );
  });

  test('second signature names the party', async () => {
    const response = await server.request(
      SIGN,
      { input: { contractId: signed.contractId } },
      { token: world.tokens.mayor },
    );
    expect(response.data?.signContract.userErrors[0].message).toBe(
      'The MAYOR has already signed this contract (it is SIGNED); each party signs once',
    );
  });

  test('first with last names both', async () => {
    const response = await server.request(
      'query { opds(first: 2, last: 3) { totalCount } }',
      {},
      { token: world.tokens.analyst },
    );
    expect(response.errors?.[0].message).toContain('first = 2 and last = 3');
  });
});

describe('secret values in type errors', () => {
  const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
  const secret = 'Tr0ub4dor-and-3';

  test.each([
    ['a misspelt field', { user: 'admin', password: secret }],
    ['an unknown field', { username: 'admin', password: secret, otp: 1 }],
    ['a list password', { username: 'admin', password: [secret] }],
  ])('variable with %s hides password', async (_case, input) => {
    const response = await server.request(LOGIN, { input });
    expect(new Set(errorCodes(response))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(response.errors?.[0].message).toContain('(hidden)');
    expect(JSON.stringify(response)).not.toContain(secret);
  });

  test('inline literal of the wrong type hidden', async () => {
    const response = await server.request(
      'mutation { login(input: { username: "admin", password: 98765432101 }) { token } }',
    );
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(response)).not.toContain('98765432101');
  });
});
