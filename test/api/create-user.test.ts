import { AuditEvent, User } from '../../src/entities';
import { digestInput } from '../../src/services/audit.service';
import {
  type CommandInput,
  type CommandResult,
  countUsersAndEvents,
  expectInputRejected,
  runBuiltCommand,
  unexpectedArgumentMessage,
} from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

const ADMIN_PASSWORD = 'first-admin-password';
const ME = '{ me { username displayName role opd { code } } }';
const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id code } userErrors { message } }
}`;

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // The server migrates the empty database and must find no user in it.
  server = await startTestServer({}, { config: database.config, drop: () => Promise.resolve() });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** Runs `node dist/scripts/create-user.js` with `args` on the test server's database. */
function runCommand(args: string[], input: CommandInput = {}): Promise<CommandResult> {
  return runBuiltCommand('create-user', database.config, args, input);
}

function expectRejected(result: CommandResult, message: string): void {
  expectInputRejected(result, 'user:create', message);
}

function countRows(): Promise<[number, number]> {
  return countUsersAndEvents(server);
}

describe('user:create command', () => {
  test('empty user table logs a warning', () => {
    const warning = server.logs.find((entry) => String(entry.msg).startsWith('no user exists'));
    expect(warning?.level).toBe(40);
    expect(warning?.msg).toContain('npm run user:create -- --username admin --role ADMIN');
    expect(warning?.msg).toContain('NEW_USER_PASSWORD');
  });

  test('--help prints usage', async () => {
    const result = await runCommand(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run user:create -- --username NAME --role ROLE');
    expect(result.stdout).toContain('NEW_USER_PASSWORD');
    expect(result.stderr).toBe('');
  });

  test('creates first administrator', async () => {
    const result = await runCommand(
      ['--username', 'admin', '--role', 'ADMIN', '--display-name', 'Admin Bappeda'],
      { password: ADMIN_PASSWORD },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Created user "admin" with role ADMIN \(id \d+\); it can sign in now\.\n$/,
    );

    const token = await server.login('admin', ADMIN_PASSWORD);
    const me = await server.request(ME, {}, { token });
    expect(me.data?.me).toEqual({
      username: 'admin',
      displayName: 'Admin Bappeda',
      role: 'ADMIN',
      opd: null,
    });
  });

  test('audit event has no actor', async () => {
    const user = await server.app.dataSource.manager.findOneByOrFail(User, { username: 'admin' });
    const events = await server.app.dataSource.manager.find(AuditEvent, {
      where: { action: 'createUser', entityType: 'User', entityId: user.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBeNull();
    expect(events[0].actorRole).toBeNull();
    const input = {
      username: 'admin',
      displayName: 'Admin Bappeda',
      role: 'ADMIN',
      opdId: null,
    };
    expect(events[0].inputDigest).toBe(digestInput(input));
  });

  test('reads password from standard input', async () => {
    const result = await runCommand(['--username', 'analyst.one', '--role', 'analyst'], {
      stdin: 'piped-password-2019\n',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created user "analyst.one" with role ANALYST');

    const token = await server.login('analyst.one', 'piped-password-2019');
    const me = await server.request(ME, {}, { token });
    expect(me.data?.me.displayName).toBe('analyst.one');
  });

  test('OPD role with --opd created', async () => {
    const adminToken = await server.login('admin', ADMIN_PASSWORD);
    const opd = await server.request(
      CREATE_OPD,
      { input: { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'DINAS', headName: 'Kepala' } },
      { token: adminToken },
    );
    expect(opd.data?.createOpd.userErrors).toEqual([]);

    const result = await runCommand(
      ['--username', 'dinkes.head', '--role', 'OPD_HEAD', '--opd', 'dinkes'],
      { password: 'opd-head-password' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('with role OPD_HEAD for OPD DINKES');

    const token = await server.login('dinkes.head', 'opd-head-password');
    const me = await server.request(ME, {}, { token });
    expect(me.data?.me.opd).toEqual({ code: 'DINKES' });
  });

  test('OPD role without --opd rejected', async () => {
    const before = await countRows();
    const result = await runCommand(['--username', 'staff.one', '--role', 'OPD_STAFF'], {
      password: 'opd-staff-password',
    });
    expectRejected(
      result,
      '--opd CODE is required for role OPD_STAFF: name the OPD the user acts for',
    );
    expect(await countRows()).toEqual(before);
  });

  test('unknown OPD code rejected', async () => {
    const before = await countRows();
    const result = await runCommand(
      ['--username', 'staff.one', '--role', 'OPD_STAFF', '--opd', 'NO-SUCH-OPD'],
      { password: 'opd-staff-password' },
    );
    expectRejected(result, '--opd "NO-SUCH-OPD" is invalid: no OPD has this code');
    expect(await countRows()).toEqual(before);
  });

  test('--opd for city role rejected', async () => {
    const result = await runCommand(
      ['--username', 'mayor.one', '--role', 'MAYOR', '--opd', 'DINKES'],
      { password: 'mayor-password-2019' },
    );
    expectRejected(
      result,
      '--opd applies only to OPD_HEAD and OPD_STAFF: leave it out for role MAYOR',
    );
  });

  test('bad role rejected', async () => {
    const result = await runCommand(['--username', 'king.one', '--role', 'KING'], {
      password: 'king-password-2019',
    });
    expectRejected(
      result,
      '--role "KING" is invalid: use one of ADMIN, MAYOR, OPD_HEAD, OPD_STAFF, EVALUATOR, ANALYST',
    );
  });

  test('weak password rejected', async () => {
    const before = await countRows();
    const result = await runCommand(['--username', 'weak.one', '--role', 'ANALYST'], {
      stdin: 'short\n',
    });
    expectRejected(result, 'password must be longer than or equal to 10 characters');
    expect(result.stderr).not.toContain('short');
    expect(await countRows()).toEqual(before);
  });

  test('blank password rejected', async () => {
    const result = await runCommand(['--username', 'blank.one', '--role', 'ANALYST'], {
      password: ' '.repeat(12),
    });
    expectRejected(result, 'password must contain text, not only spaces or invisible characters');
  });

  test('invalid username rejected', async () => {
    const result = await runCommand(['--username', 'No Spaces', '--role', 'ANALYST'], {
      password: 'valid-password-2019',
    });
    expectRejected(result, 'username must be 3-80 characters of a-z, 0-9, dot, dash or underscore');
  });

  test('duplicate username rejected', async () => {
    const before = await countRows();
    const result = await runCommand(['--username', 'admin', '--role', 'ANALYST'], {
      password: 'another-password-2019',
    });
    expectRejected(result, 'username "admin" is already taken');
    expect(await countRows()).toEqual(before);
    await expect(server.login('admin', ADMIN_PASSWORD)).resolves.toEqual(expect.any(String));
  });

  test('password option rejected', async () => {
    const result = await runCommand([
      '--username',
      'argv.one',
      '--role',
      'ANALYST',
      '--password=visible-in-ps',
    ]);
    expectRejected(
      result,
      '--password is not accepted, because other users can read the command line in the ' +
        'process list: set NEW_USER_PASSWORD or pipe the password to standard input',
    );
    expect(result.stderr).not.toContain('visible-in-ps');
  });

  test('positional argument not echoed', async () => {
    const before = await countRows();
    const result = await runCommand(
      ['--username', 'argv.two', 'MyPw12345678', '--role', 'ANALYST'],
      { password: 'some-password-1' },
    );
    expectRejected(result, unexpectedArgumentMessage(3));
    expect(result.stderr).not.toContain('MyPw');
    expect(await countRows()).toEqual(before);
  });

  test('missing password rejected', async () => {
    const result = await runCommand(['--username', 'nopass.one', '--role', 'ANALYST']);
    expectRejected(
      result,
      'the password is missing, because standard input is empty: set NEW_USER_PASSWORD or ' +
        'pipe the password to standard input',
    );
  });

  test('missing options rejected', async () => {
    expectRejected(
      await runCommand(['--role', 'ADMIN'], { password: ADMIN_PASSWORD }),
      '--username is missing (see --help)',
    );
    expectRejected(
      await runCommand(['--username', 'admin.two'], { password: ADMIN_PASSWORD }),
      '--role is missing: use one of ADMIN, MAYOR, OPD_HEAD, OPD_STAFF, EVALUATOR, ANALYST',
    );
  });

  test('restart with users logs no warning', async () => {
    // A production start on the same database: "admin" is also a demo username, but its
    // password is not the demo password, so no demo warning either.
    const restarted = await startTestServer(
      { environment: 'production', isProduction: true },
      { config: database.config, drop: () => Promise.resolve() },
    );
    await restarted.close();
    const warnings = restarted.logs.filter((entry) => entry.level >= 40);
    expect(warnings.map((entry) => entry.msg)).toEqual([]);
  });
});
