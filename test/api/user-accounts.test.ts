import { actorOf } from '../../src/auth/actor';
import { AuditEvent, ENTITIES, User } from '../../src/entities';
import { Role } from '../../src/entities/enums';
import { ConflictError } from '../../src/errors/app-errors';
import { canonicalJson, sha256Hex } from '../../src/rules/canonical-json';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { digestInput } from '../../src/services/audit.service';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import { expectClean } from '../support/operations';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';
import { buildWorld, type World } from '../support/world';

const USER_ERRORS = 'userErrors { field message code }';
const SET_DISABLED = `mutation ($input: SetUserDisabledInput!) {
  setUserDisabled(input: $input) { user { id username disabled } ${USER_ERRORS} }
}`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) {
  changePassword(input: $input) { token expiresAt user { username } ${USER_ERRORS} }
}`;
const RESET_PASSWORD = `mutation ($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) { user { id username disabled } ${USER_ERRORS} }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { id username } ${USER_ERRORS} }
}`;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const ME = 'query { me { username } }';

const DISABLED_MESSAGE =
  'The account of this bearer token is disabled: contact an administrator to enable it';
const PASSWORD_CHANGED_MESSAGE =
  'The bearer token was issued before the password of its account changed: sign in again with ' +
  'login';

/** Every password this file sends, so that the last test can look for them in the logs. */
const PASSWORDS_SENT = new Set<string>([TEST_PASSWORD]);

function password(text: string): string {
  PASSWORDS_SENT.add(text);
  return text;
}

/** Row count of every table, keyed by entity name. */
async function countRows(server: TestServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of ENTITIES) {
    counts[entity.name] = await server.app.dataSource.manager.count(entity);
  }
  return counts;
}

/** Returns the latest audit event of an action. */
async function latestEvent(server: TestServer, action: string): Promise<AuditEvent> {
  const [event] = await server.app.dataSource.manager.find(AuditEvent, {
    where: { action },
    order: { id: 'DESC' },
    take: 1,
  });
  return event;
}

async function expectSignedIn(server: TestServer, token: string, username: string) {
  const response = await server.request(ME, {}, { token });
  expect(response.errors).toBeUndefined();
  expect(response.data?.me).toEqual({ username });
}

async function expectRejectedToken(server: TestServer, token: string, message: string) {
  const response = await server.request(ME, {}, { token });
  expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  expect(response.errors?.[0].message).toBe(message);
}

async function expectLoginFails(server: TestServer, username: string, secret: string) {
  const response = await server.request(LOGIN, { input: { username, password: secret } });
  expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
}

describe('with the test world', () => {
  let server: TestServer;
  let world: World;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Creates an ANALYST with the test password as the world's admin; returns its global ID. */
  async function createAnalyst(prefix: string): Promise<{ id: string; username: string }> {
    sequence += 1;
    const username = `${prefix}.${sequence}`;
    const input = { username, displayName: username, password: TEST_PASSWORD, role: 'ANALYST' };
    const created = expectClean(
      'createUser',
      await server.request(CREATE_USER, { input }, { token: world.tokens.admin }),
    );
    return { id: created.user.id, username };
  }

  function setDisabled(userId: string, disabled: boolean, token = world.tokens.admin) {
    const input = { userId, disabled, reason: disabled ? 'Moved to another city' : 'Returned' };
    return server.request(SET_DISABLED, { input }, { token });
  }

  function changePassword(token: string, currentPassword: string, newPassword: string) {
    const input = { currentPassword, newPassword };
    return server.request(CHANGE_PASSWORD, { input }, { token });
  }

  describe('setUserDisabled', () => {
    test('disabling ends token and sign-in', async () => {
      const user = await createAnalyst('leaving');
      const token = await server.login(user.username);
      await expectSignedIn(server, token, user.username);

      const input = { userId: user.id, disabled: true, reason: 'Moved to another city' };
      const response = await server.request(SET_DISABLED, { input }, { token: world.tokens.admin });
      const payload = expectClean('setUserDisabled', response);
      expect(payload.user).toEqual({ id: user.id, username: user.username, disabled: true });

      await expectRejectedToken(server, token, DISABLED_MESSAGE);
      await expectLoginFails(server, user.username, TEST_PASSWORD);
    });

    test('audit event and log record it', async () => {
      const user = await createAnalyst('audited');
      const input = { userId: user.id, disabled: true, reason: 'Account shared with a colleague' };
      await server.request(SET_DISABLED, { input }, { token: world.tokens.admin });

      const event = await latestEvent(server, 'setUserDisabled');
      expect(event.entityType).toBe('User');
      expect(toGlobalId('User', event.entityId)).toBe(user.id);
      expect(event.actorId).toBe(world.userIds.admin);
      expect(event.inputDigest).toBe(digestInput(input));
      const line = server.logs.find(
        (entry) =>
          entry.msg === 'user disabled' && toGlobalId('User', entry.targetUserId) === user.id,
      );
      expect(line?.reason).toBe('Account shared with a colleague');
    });

    test('enabling restores sign-in', async () => {
      const user = await createAnalyst('returning');
      expectClean('setUserDisabled', await setDisabled(user.id, true));
      const enabled = expectClean('setUserDisabled', await setDisabled(user.id, false));
      expect(enabled.user.disabled).toBe(false);
      await expectSignedIn(server, await server.login(user.username), user.username);
    });

    test('disabling yourself is CONFLICT', async () => {
      const before = await countRows(server);
      const response = await setDisabled(toGlobalId('User', world.userIds.admin), true);
      expect(response.errors).toBeUndefined();
      expect(response.data?.setUserDisabled).toEqual({
        user: null,
        userErrors: [
          {
            field: 'userId',
            message: 'You cannot disable your own account: another ADMIN must disable it',
            code: 'CONFLICT',
          },
        ],
      });
      expect(await countRows(server)).toEqual(before);
      await expectSignedIn(server, world.tokens.admin, 'admin');
    });

    test('missing user is NOT_FOUND', async () => {
      const response = await setDisabled(toGlobalId('User', 999999), true);
      expect(response.data?.setUserDisabled.userErrors).toEqual([
        { field: 'userId', message: 'userId: no User exists with this ID', code: 'NOT_FOUND' },
      ]);
    });

    test('blank reason rejected', async () => {
      const user = await createAnalyst('no.reason');
      const input = { userId: user.id, disabled: true, reason: '   ' };
      const response = await server.request(SET_DISABLED, { input }, { token: world.tokens.admin });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toContain('reason');
      expect(response.errors?.[0].message).toContain('must contain text, not only spaces');
    });

    test('token of user disabled through the API fails', async () => {
      const user = await createAnalyst('mutation.disabled');
      const token = await server.login(user.username);
      expectClean('setUserDisabled', await setDisabled(user.id, true));
      const before = await countRows(server);
      const response = await changePassword(token, TEST_PASSWORD, password('after-disable-2019'));
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors?.[0].message).toBe(DISABLED_MESSAGE);
      expect(await countRows(server)).toEqual(before);
    });
  });

  describe('changePassword', () => {
    test('change ends earlier tokens', async () => {
      const user = await createAnalyst('changer');
      const first = await server.login(user.username);
      const second = await server.login(user.username);
      const newPassword = password('changed-password-2019');

      const response = await changePassword(first, TEST_PASSWORD, newPassword);
      const payload = expectClean('changePassword', response);
      expect(payload.user).toEqual({ username: user.username });
      expect(Date.parse(payload.expiresAt)).toBeGreaterThan(Date.now());

      // The earlier tokens were very likely issued in the same second as the change.
      await expectRejectedToken(server, first, PASSWORD_CHANGED_MESSAGE);
      await expectRejectedToken(server, second, PASSWORD_CHANGED_MESSAGE);
      await expectSignedIn(server, payload.token, user.username);
      await expectLoginFails(server, user.username, TEST_PASSWORD);
      await expectSignedIn(server, await server.login(user.username, newPassword), user.username);
    });

    test('second change ends first token', async () => {
      const user = await createAnalyst('twice');
      const start = await server.login(user.username);
      const first = expectClean(
        'changePassword',
        await changePassword(start, TEST_PASSWORD, password('first-change-2019')),
      );
      const signedIn = await server.login(user.username, 'first-change-2019');
      const second = expectClean(
        'changePassword',
        await changePassword(first.token, 'first-change-2019', password('second-change-2019')),
      );

      await expectRejectedToken(server, first.token, PASSWORD_CHANGED_MESSAGE);
      await expectRejectedToken(server, signedIn, PASSWORD_CHANGED_MESSAGE);
      await expectSignedIn(server, second.token, user.username);
    });

    test('audit digest omits both passwords', async () => {
      const user = await createAnalyst('digest');
      const token = await server.login(user.username);
      const input = { currentPassword: TEST_PASSWORD, newPassword: password('digest-check-2019') };
      expectClean('changePassword', await server.request(CHANGE_PASSWORD, { input }, { token }));

      const event = await latestEvent(server, 'changePassword');
      expect(event.entityType).toBe('User');
      expect(toGlobalId('User', event.entityId)).toBe(user.id);
      expect(toGlobalId('User', event.actorId as number)).toBe(user.id);
      expect(event.inputDigest).toBe(sha256Hex(canonicalJson({})));
      expect(event.inputDigest).not.toBe(sha256Hex(canonicalJson(input)));
    });

    test('wrong current password is user error', async () => {
      const user = await createAnalyst('wrong.current');
      const token = await server.login(user.username);
      const before = await countRows(server);
      const response = await changePassword(
        token,
        password('not-my-password'),
        password('never-stored-2019'),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.changePassword).toEqual({
        token: null,
        expiresAt: null,
        user: null,
        userErrors: [
          {
            field: 'currentPassword',
            message: 'currentPassword is incorrect',
            code: 'BAD_USER_INPUT',
          },
        ],
      });
      expect(await countRows(server)).toEqual(before);
      await expectSignedIn(server, token, user.username);
      await expectLoginFails(server, user.username, 'never-stored-2019');
    });

    test('repeated wrong passwords are throttled', async () => {
      const user = await createAnalyst('guesser');
      const token = await server.login(user.username);
      // The test server keeps the default of 5 free failures per username.
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await changePassword(
          token,
          password(`guess-${attempt}`),
          password('guessed-password-2019'),
        );
        expect(response.data?.changePassword.userErrors[0].field).toBe('currentPassword');
      }

      const throttled = await changePassword(token, TEST_PASSWORD, 'guessed-password-2019');
      expect(errorCodes(throttled)).toEqual(['TOO_MANY_REQUESTS']);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('1');
      const login = await server.request(LOGIN, {
        input: { username: user.username, password: TEST_PASSWORD },
      });
      expect(errorCodes(login)).toEqual(['TOO_MANY_REQUESTS']);
      await expectSignedIn(server, token, user.username);
    });

    test('same new password rejected', async () => {
      const user = await createAnalyst('same');
      const token = await server.login(user.username);
      const response = await changePassword(token, TEST_PASSWORD, TEST_PASSWORD);
      expect(response.data?.changePassword.userErrors).toEqual([
        {
          field: 'newPassword',
          message: 'newPassword must differ from the current password',
          code: 'BAD_USER_INPUT',
        },
      ]);
      await expectSignedIn(server, token, user.username);
    });

    test('invalid passwords hidden in errors', async () => {
      const tooShort = password('Qx7-brief');
      const tooLong = password(`Qx7-${'long'.repeat(60)}`);
      const response = await changePassword(world.tokens.analyst, tooLong, tooShort);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      const message = response.errors?.[0].message;
      expect(message).toContain('currentPassword = (hidden)');
      expect(message).toContain('newPassword = (hidden)');
      expect(message).toContain('newPassword must be longer than or equal to 10 characters');
      expect(JSON.stringify(response)).not.toContain('Qx7-');
    });

    test('variable of wrong shape hides passwords', async () => {
      const current = password('Zy9-current-secret');
      const next = password('Zy9-next-secret');
      const response = await server.request(
        CHANGE_PASSWORD,
        { input: { currentPassword: current, newPassword: next, otp: 1 } },
        { token: world.tokens.analyst },
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toContain('(hidden)');
      expect(JSON.stringify(response)).not.toContain('Zy9-');
    });

    test('inline literal of wrong type hidden', async () => {
      const response = await server.request(
        'mutation { changePassword(input: { currentPassword: "x", newPassword: 98765432101 }) ' +
          '{ token } }',
        {},
        { token: world.tokens.analyst },
      );
      expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(JSON.stringify(response)).not.toContain('98765432101');
    });
  });

  describe('resetUserPassword', () => {
    test('reset ends tokens and sets password', async () => {
      const user = await createAnalyst('forgetful');
      const token = await server.login(user.username);
      const input = { userId: user.id, newPassword: password('reset-by-admin-2019') };
      const response = await server.request(
        RESET_PASSWORD,
        { input },
        { token: world.tokens.admin },
      );
      const payload = expectClean('resetUserPassword', response);
      expect(payload.user).toEqual({ id: user.id, username: user.username, disabled: false });

      await expectRejectedToken(server, token, PASSWORD_CHANGED_MESSAGE);
      await expectLoginFails(server, user.username, TEST_PASSWORD);
      const fresh = await server.login(user.username, 'reset-by-admin-2019');
      await expectSignedIn(server, fresh, user.username);

      const event = await latestEvent(server, 'resetUserPassword');
      expect(toGlobalId('User', event.entityId)).toBe(user.id);
      expect(event.actorId).toBe(world.userIds.admin);
      expect(event.inputDigest).toBe(sha256Hex(canonicalJson({ userId: user.id })));
    });

    test('own password reset rejected', async () => {
      const before = await countRows(server);
      const input = {
        userId: toGlobalId('User', world.userIds.admin),
        newPassword: password('own-reset-2019'),
      };
      const response = await server.request(
        RESET_PASSWORD,
        { input },
        { token: world.tokens.admin },
      );
      expect(response.data?.resetUserPassword.userErrors).toEqual([
        {
          field: 'userId',
          message:
            'userId is your own account: change your own password with changePassword, which ' +
            'asks for the current one',
          code: 'BAD_USER_INPUT',
        },
      ]);
      expect(await countRows(server)).toEqual(before);
      await expectSignedIn(server, world.tokens.admin, 'admin');
    });

    test('disabled user stays disabled', async () => {
      const user = await createAnalyst('still.disabled');
      expectClean('setUserDisabled', await setDisabled(user.id, true));
      const input = { userId: user.id, newPassword: password('reset-disabled-2019') };
      const response = await server.request(
        RESET_PASSWORD,
        { input },
        { token: world.tokens.admin },
      );
      expect(expectClean('resetUserPassword', response).user.disabled).toBe(true);
      await expectLoginFails(server, user.username, 'reset-disabled-2019');
    });

    test('short password hidden in error', async () => {
      const user = await createAnalyst('short.reset');
      const input = { userId: user.id, newPassword: password('Wv5-tiny') };
      const response = await server.request(
        RESET_PASSWORD,
        { input },
        { token: world.tokens.admin },
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toContain('newPassword = (hidden)');
      expect(JSON.stringify(response)).not.toContain('Wv5-');
    });
  });

  // Declared last, so it runs after every request above.
  describe('logs', () => {
    test('contain no password sent', () => {
      expect(PASSWORDS_SENT.size).toBeGreaterThan(15);
      const logText = server.logs.map((line) => JSON.stringify(line)).join('\n');
      for (const sent of PASSWORDS_SENT) {
        expect({ password: sent, logged: logText.includes(sent) }).toEqual({
          password: sent,
          logged: false,
        });
      }
    });
  });
});

describe('last enabled ADMIN', () => {
  let server: TestServer;
  const adminIds: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer();
    for (const username of ['admin.one', 'admin.two']) {
      adminIds[username] = await insertUser(server.app.dataSource, username, Role.ADMIN);
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  function disable(target: string, token: string): Promise<GraphQLResponse> {
    const input = { userId: toGlobalId('User', adminIds[target]), disabled: true, reason: 'Race' };
    return server.request(SET_DISABLED, { input }, { token });
  }

  async function enabledAdmins(): Promise<string[]> {
    const admins = await server.app.dataSource.manager.find(User, {
      where: { role: Role.ADMIN, disabled: false },
      order: { id: 'ASC' },
    });
    return admins.map((admin) => admin.username);
  }

  test('admins disabling each other keep one', async () => {
    const tokens = {
      one: await server.login('admin.one'),
      two: await server.login('admin.two'),
    };
    const responses = await Promise.all([
      disable('admin.two', tokens.one),
      disable('admin.one', tokens.two),
    ]);

    const succeeded = responses.filter(
      (response) => response.data?.setUserDisabled.userErrors.length === 0,
    );
    expect(succeeded).toHaveLength(1);
    expect(await enabledAdmins()).toHaveLength(1);
    // The other call either broke the rule, or its token was already disabled when it arrived.
    const [failed] = responses.filter((response) => !succeeded.includes(response));
    const outcome = failed.data?.setUserDisabled?.userErrors[0].code ?? errorCodes(failed)[0];
    expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(outcome);
  });

  test('rule names the last ADMIN', async () => {
    const [survivor] = await enabledAdmins();
    const loser = survivor === 'admin.one' ? 'admin.two' : 'admin.one';
    // A request of the disabled administrator that began before it was disabled.
    const staleActor = actorOf(
      await server.app.dataSource.manager.findOneByOrFail(User, { username: loser }),
    );
    const { accounts, unitOfWork } = server.app.services;
    const before = await countRows(server);

    const attempt = unitOfWork.run(staleActor, 'setUserDisabled', {}, (manager) =>
      accounts.setUserDisabled(manager, staleActor, adminIds[survivor], true),
    );
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      `User "${survivor}" is the last enabled ADMIN and cannot be disabled, because nobody ` +
        'could manage users then: enable or create another ADMIN first',
    );
    expect(await countRows(server)).toEqual(before);
    expect(await enabledAdmins()).toEqual([survivor]);
  });

  test('survivor can enable the other', async () => {
    const [survivor] = await enabledAdmins();
    const loser = survivor === 'admin.one' ? 'admin.two' : 'admin.one';
    const token = await server.login(survivor);
    const input = { userId: toGlobalId('User', adminIds[loser]), disabled: false, reason: 'Back' };
    expectClean('setUserDisabled', await server.request(SET_DISABLED, { input }, { token }));
    expect(await enabledAdmins()).toEqual(['admin.one', 'admin.two']);
  });
});
