import { AuditEvent, User } from '../../src/entities';
import { Role } from '../../src/entities/enums';
import { digestInput } from '../../src/services/audit.service';
import {
  type CommandInput,
  type CommandResult,
  countUsersAndEvents,
  expectInputRejected,
  runBuiltCommand,
  unexpectedArgumentMessage,
} from '../support/commands';
import { errorCodes } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { insertUser } from '../support/users';

const ME = '{ me { username } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer({}, { config: database.config, drop: () => Promise.resolve() });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** Runs `node dist/scripts/set-user-password.js` with `args` on the test server's database. */
function runCommand(args: string[], input: CommandInput = {}): Promise<CommandResult> {
  return runBuiltCommand('set-user-password', database.config, args, input);
}

function expectRejected(result: CommandResult, message: string): void {
  expectInputRejected(result, 'user:set-password', message);
}

function countRows(): Promise<[number, number]> {
  return countUsersAndEvents(server);
}

async function loginCodes(username: string, password: string): Promise<string[]> {
  return errorCodes(await server.request(LOGIN, { input: { username, password } }));
}

function findUser(username: string): Promise<User> {
  return server.app.dataSource.manager.findOneByOrFail(User, { username });
}

/** Audit events of a user other than its sign-ins, oldest first. */
async function eventsOf(userId: number): Promise<AuditEvent[]> {
  const events = await server.app.dataSource.manager.find(AuditEvent, {
    where: { entityType: 'User', entityId: userId },
    order: { id: 'ASC' },
  });
  return events.filter((event) => event.action !== 'login');
}

describe('user:set-password command', () => {
  test('--help prints usage', async () => {
    const result = await runCommand(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run user:set-password -- --username NAME');
    expect(result.stdout).toContain('--enable');
    expect(result.stdout).toContain('NEW_USER_PASSWORD');
    expect(result.stderr).toBe('');
  });

  test('sets password and ends tokens', async () => {
    await insertUser(server.app.dataSource, 'forgot.it', Role.ANALYST);
    const oldToken = await server.login('forgot.it');

    const result = await runCommand(['--username', 'forgot.it'], { password: 'set-by-operator' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Set the password of user "forgot\.it" \(id \d+\); tokens issued before no longer work\. The user can sign in with it now\.\n$/,
    );

    const me = await server.request(ME, {}, { token: oldToken });
    expect(errorCodes(me)).toEqual(['UNAUTHENTICATED']);
    expect(me.errors?.[0].message).toContain('issued before the password of its account changed');
    expect(await loginCodes('forgot.it', TEST_PASSWORD)).toEqual(['UNAUTHENTICATED']);
    const token = await server.login('forgot.it', 'set-by-operator');
    expect((await server.request(ME, {}, { token })).data?.me).toEqual({ username: 'forgot.it' });
  });

  test('audit event has no actor', async () => {
    const user = await findUser('forgot.it');
    const events = await eventsOf(user.id);
    expect(events.map((event) => event.action)).toEqual(['resetUserPassword']);
    expect(events[0].actorId).toBeNull();
    expect(events[0].actorRole).toBeNull();
    expect(events[0].inputDigest).toBe(digestInput({ username: 'forgot.it', enable: false }));
  });

  test('reads password from standard input', async () => {
    await insertUser(server.app.dataSource, 'piped.user', Role.EVALUATOR);
    const result = await runCommand(['--username', 'piped.user'], {
      stdin: 'piped-new-password\n',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    await expect(server.login('piped.user', 'piped-new-password')).resolves.toEqual(
      expect.any(String),
    );
  });

  test('disabled user stays disabled', async () => {
    await insertUser(server.app.dataSource, 'gone.user', Role.ANALYST);
    await server.app.dataSource.manager.update(User, { username: 'gone.user' }, { disabled: true });

    const result = await runCommand(['--username', 'gone.user'], { password: 'still-disabled-1' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'The user is disabled and cannot sign in: run the command again with --enable, or ask an ' +
        'administrator to enable it.',
    );
    expect((await findUser('gone.user')).disabled).toBe(true);
    expect(await loginCodes('gone.user', 'still-disabled-1')).toEqual(['UNAUTHENTICATED']);
  });

  test('--enable lets locked-out ADMIN in', async () => {
    await insertUser(server.app.dataSource, 'locked.admin', Role.ADMIN);
    await server.app.dataSource.manager.update(
      User,
      { username: 'locked.admin' },
      { disabled: true },
    );

    const result = await runCommand(['--username', 'locked.admin', '--enable'], {
      password: 'admin-is-back-2019',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('The user was disabled and is enabled now.');

    const token = await server.login('locked.admin', 'admin-is-back-2019');
    const me = await server.request(ME, {}, { token });
    expect(me.data?.me).toEqual({ username: 'locked.admin' });

    const events = await eventsOf((await findUser('locked.admin')).id);
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ['setUserDisabled', null],
      ['resetUserPassword', null],
    ]);
    expect(events[0].inputDigest).toBe(digestInput({ username: 'locked.admin', disabled: false }));
  });

  test('--enable on enabled user records no enabling', async () => {
    await insertUser(server.app.dataSource, 'enabled.user', Role.MAYOR);
    const result = await runCommand(['--username', 'enabled.user', '--enable'], {
      password: 'mayor-new-password',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('The user can sign in with it now.');
    const events = await eventsOf((await findUser('enabled.user')).id);
    expect(events.map((event) => event.action)).toEqual(['resetUserPassword']);
  });

  test('unknown username rejected', async () => {
    const before = await countRows();
    const result = await runCommand(['--username', 'nobody.here'], { password: 'some-password-1' });
    expectRejected(
      result,
      'no user has the username "nobody.here": give the exact sign-in name, which is ' +
        'case-sensitive',
    );
    expect(await countRows()).toEqual(before);
  });

  test('username differing in case rejected', async () => {
    const result = await runCommand(['--username', 'Forgot.It'], { password: 'some-password-1' });
    expectRejected(
      result,
      'no user has the username "Forgot.It": give the exact sign-in name, which is case-sensitive',
    );
  });

  test('weak password rejected', async () => {
    const before = await countRows();
    const result = await runCommand(['--username', 'forgot.it'], { stdin: 'brief-pw\n' });
    expectRejected(result, 'password must be longer than or equal to 10 characters');
    expect(result.stderr).not.toContain('brief-pw');
    expect(await countRows()).toEqual(before);
    await expect(server.login('forgot.it', 'set-by-operator')).resolves.toEqual(expect.any(String));
  });

  test('password option rejected', async () => {
    const result = await runCommand(['--username', 'forgot.it', '--password=visible-in-ps']);
    expectRejected(
      result,
      '--password is not accepted, because other users can read the command line in the ' +
        'process list: set NEW_USER_PASSWORD or pipe the password to standard input',
    );
    expect(result.stderr).not.toContain('visible-in-ps');
  });

  test('positional argument not echoed', async () => {
    const result = await runCommand(['--username', 'forgot.it', 'MyPw12345678']);
    expectRejected(result, unexpectedArgumentMessage(3));
    expect(result.stderr).not.toContain('MyPw');
  });

  test('missing username rejected', async () => {
    const result = await runCommand([], { password: 'some-password-1' });
    expectRejected(result, '--username is missing (see --help)');
  });

  test('missing password rejected', async () => {
    const result = await runCommand(['--username', 'forgot.it']);
    expectRejected(
      result,
      'the password is missing, because standard input is empty: set NEW_USER_PASSWORD or ' +
        'pipe the password to standard input',
    );
  });
});
