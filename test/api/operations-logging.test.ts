import { User } from '../../src/entities';
import {
  TEST_JWT_SECRET,
  TEST_PASSWORD,
  startTestServer,
  type TestServer,
} from '../support/test-server';
import { buildWorld, type World } from '../support/world';

const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { id username } userErrors { field message code } }
}`;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const NEW_PASSWORD = 'kata-sandi-rahasia-2019';
const WRONG_PASSWORD = 'wrong-password-attempt';

let server: TestServer;
let world: World;
let adminToken: string;
let logText: string;

/**
 * Runs a realistic session at the most verbose level: sign-ins (good and bad), a user created
 * and created again (a unique-key violation inside the database), a stale token, and queries.
 */
beforeAll(async () => {
  server = await startTestServer({ logLevel: 'trace' });
  world = await buildWorld(server);

  adminToken = await server.login('admin');
  await server.request(LOGIN, { input: { username: 'admin', password: WRONG_PASSWORD } });

  const input = {
    username: 'operator.baru',
    displayName: 'Operator Baru',
    password: NEW_PASSWORD,
    role: 'ANALYST',
  };
  const created = await server.request(CREATE_USER, { input }, { token: adminToken });
  expect(created.data?.createUser.userErrors).toEqual([]);
  const duplicate = await server.request(CREATE_USER, { input }, { token: adminToken });
  expect(duplicate.data?.createUser.userErrors[0].code).toBe('CONFLICT');

  await server.login('operator.baru', NEW_PASSWORD);
  await server.request('{ plans { id } }', {}, { token: 'not.a.valid-token' });
  await server.request('{ plans { id } }', {}, { token: adminToken });
  logText = server.logs.map((line) => JSON.stringify(line)).join('\n');
});

afterAll(async () => {
  await server?.close();
});

describe('logs of a session', () => {
  test('contain no token', () => {
    for (const token of [adminToken, ...Object.values(world.tokens)]) {
      expect(logText).not.toContain(token);
      expect(logText).not.toContain(token.split('.')[2]);
    }
    expect(logText).not.toContain('not.a.valid-token');
    expect(logText).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  test('contain no password', () => {
    expect(logText).not.toContain(TEST_PASSWORD);
    expect(logText).not.toContain(NEW_PASSWORD);
    expect(logText).not.toContain(WRONG_PASSWORD);
  });

  test('contain no password hash', async () => {
    const users = await server.app.dataSource.manager.find(User);
    expect(users.length).toBeGreaterThan(1);
    for (const user of users) {
      const key = user.passwordHash.split('$').pop() as string;
      const salt = user.passwordHash.split('$')[4];
      expect(logText).not.toContain(key);
      expect(logText).not.toContain(salt);
    }
    expect(logText).not.toContain('scrypt$');
  });

  test('contain no signing secret', () => {
    expect(logText).not.toContain(TEST_JWT_SECRET);
  });

  test('record the failed statement without values', () => {
    const failed = server.logs.filter((line) => line.msg === 'sql statement failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].sql).toMatch(/INSERT INTO/i);
    expect(failed[0].error.message).toBeDefined();
  });
});

describe('log lines', () => {
  test('one line per GraphQL request', () => {
    const requests = server.logs.filter((line) => line.msg === 'graphql request');
    const createUser = requests.filter((line) => line.operationName === null && line.userId);
    expect(requests.length).toBeGreaterThanOrEqual(14);
    expect(createUser.length).toBeGreaterThan(0);
    for (const line of requests) {
      expect(typeof line.requestId).toBe('string');
      expect(typeof line.durationMs).toBe('number');
      expect(Array.isArray(line.errorCodes)).toBe(true);
    }
  });

  test('error codes of failed requests', () => {
    const requests = server.logs.filter((line) => line.msg === 'graphql request');
    const codes = requests.flatMap((line) => line.errorCodes);
    expect(codes).toContain('UNAUTHENTICATED');
  });

  test('rejected token and rejected mutation logged', () => {
    expect(server.logs.some((line) => line.msg === 'bearer token rejected')).toBe(true);
    const rejected = server.logs.find((line) => line.msg === 'mutation rejected');
    expect(rejected).toMatchObject({ action: 'createUser', code: 'CONFLICT' });
  });

  test('start and migration runs logged', () => {
    const messages = server.logs.map((line) => line.msg);
    expect(messages).toContain('applying pending migrations');
    expect(messages).toContain('migrations applied');
    expect(messages).toContain('server listening');
  });

  test('listening line states the real address', () => {
    // The test server leaves HOST unset, so it listens on every interface.
    const line = server.logs.find((entry) => entry.msg === 'server listening');
    expect(['::', '0.0.0.0']).toContain(line?.address);
    expect(line?.interfaces).toContain('every interface');
    expect(line?.interfaces).toContain('HOST=127.0.0.1');
    expect(line?.url).toBe(`http://localhost:${server.app.port}/graphql`);
  });
});
