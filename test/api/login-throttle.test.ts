import { Role } from '../../src/entities/enums';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { token user { username } }
}`;

/** Small numbers so a test sees the delay start, grow and end within a few seconds. */
const THROTTLE = {
  usernameFreeAttempts: 3,
  addressFreeAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 5000,
  windowMs: 60000,
};

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    loginThrottle: THROTTLE,
    // Each test signs in from its own address, given in X-Forwarded-For, so that the
    // per-address counters of one test do not spill into another.
    http: { corsOrigins: [], trustProxy: true },
  });
  await insertUser(server.app.dataSource, 'admin', Role.ADMIN);
  await insertUser(server.app.dataSource, 'mayor', Role.MAYOR);
  await insertUser(server.app.dataSource, 'known.user', Role.ANALYST);
});

afterAll(async () => {
  await server?.close();
});

function login(username: string, password: string, address: string): Promise<GraphQLResponse> {
  return server.request(
    LOGIN,
    { input: { username, password } },
    { headers: { 'x-forwarded-for': address } },
  );
}

/** What a client can observe of a failed sign-in: status, codes, message, Retry-After. */
function observable(response: GraphQLResponse) {
  return {
    status: response.status,
    codes: errorCodes(response),
    message: response.errors?.[0].message,
    extensions: response.errors?.[0].extensions,
    retryAfter: response.headers.get('retry-after'),
    data: response.data ?? null,
  };
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describe('login throttling per username', () => {
  test('delay begins after free attempts', async () => {
    const responses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      responses.push(await login('admin', 'wrong-password-1', '10.1.0.1'));
    }
    expect(responses.map((response) => errorCodes(response))).toEqual([
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      ['TOO_MANY_REQUESTS'],
    ]);
    const throttled = responses[3];
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.errors?.[0].message).toBe(
      'Too many failed sign-in attempts for this username or from this address; try again in 1 ' +
        'second',
    );
  });

  test('correct password waits out the delay', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await login('mayor', 'wrong-password-1', '10.2.0.1');
    }
    const early = await login('mayor', TEST_PASSWORD, '10.2.0.2');
    expect(errorCodes(early)).toEqual(['TOO_MANY_REQUESTS']);
    expect(early.data ?? null).toBeNull();

    await pause(THROTTLE.baseDelayMs + 100);
    const late = await login('mayor', TEST_PASSWORD, '10.2.0.2');
    expect(late.errors).toBeUndefined();
    expect(late.data?.login.user.username).toBe('mayor');

    // Success cleared the username's failures: three more are free again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await login('mayor', 'wrong-password-1', '10.2.0.3');
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
  });

  test('delay grows with each failure', async () => {
    const address = '10.3.0.1';
    for (let attempt = 0; attempt < 3; attempt++) {
      await login('grow.user', 'wrong-password-1', address);
    }
    await pause(THROTTLE.baseDelayMs + 100);
    expect(errorCodes(await login('grow.user', 'wrong-password-1', address))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // The fifth failure waits twice the base delay, so the first wait is no longer enough.
    await pause(THROTTLE.baseDelayMs / 2);
    expect(errorCodes(await login('grow.user', 'wrong-password-1', address))).toEqual([
      'TOO_MANY_REQUESTS',
    ]);
    await pause(THROTTLE.baseDelayMs * 2);
    expect(errorCodes(await login('grow.user', 'wrong-password-1', address))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  test('unknown and existing users look alike', async () => {
    const existing = [];
    const unknown = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      existing.push(observable(await login('known.user', 'wrong-password-2', `10.4.1.${attempt}`)));
      unknown.push(
        observable(await login('no.such.user', 'wrong-password-2', `10.4.2.${attempt}`)),
      );
    }
    expect(unknown.map((entry) => entry.codes)).toEqual([
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      ['TOO_MANY_REQUESTS'],
      ['TOO_MANY_REQUESTS'],
    ]);
    expect(unknown).toEqual(existing);
  });
});

describe('login throttling per address', () => {
  test('guesses across usernames add up', async () => {
    const address = '10.5.0.1';
    for (let attempt = 0; attempt < THROTTLE.addressFreeAttempts; attempt++) {
      const response = await login(`spray.${attempt}`, 'wrong-password-3', address);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
    const throttled = await login('spray.next', 'wrong-password-3', address);
    expect(errorCodes(throttled)).toEqual(['TOO_MANY_REQUESTS']);
    expect(throttled.status).toBe(429);

    const elsewhere = await login('spray.next', 'wrong-password-3', '10.5.0.2');
    expect(errorCodes(elsewhere)).toEqual(['UNAUTHENTICATED']);
  });

  test('parallel guesses cannot slip through', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        login('parallel.user', `wrong-password-${index}`, `10.6.0.${index}`),
      ),
    );
    const codes = responses.map((response) => errorCodes(response)[0]);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(9);
  });
});
