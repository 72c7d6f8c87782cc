import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/config';
import { runBuiltCommand } from '../support/commands';
import { freeLocalPort } from '../support/local-port';
import { testDriver } from '../support/test-database';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'lk-command-database-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function unreachableDatabase(): Promise<{ config: DatabaseConfig; where: string }> {
  const port = await freeLocalPort();
  return {
    config: { type: 'mysql', url: `mysql://root:secret@127.0.0.1:${port}/cli_gone`, poolSize: 1 },
    where: `the database "cli_gone" at 127.0.0.1:${port}`,
  };
}

const REFUSED =
  'connection refused; check the host and port, and that the server is running ' +
  '(ECONNREFUSED); check DATABASE_URL';

describe('migrate command database errors', () => {
  test('unreachable database in one line', async () => {
    const { config, where } = await unreachableDatabase();
    const result = await runBuiltCommand('migrate', config, ['run']);
    expect(result.status).toBe(78);
    expect(result.stderr).toBe(`migrate: cannot open ${where}: ${REFUSED}\n`);
    expect(result.stderr).not.toContain('secret');
  });

  test('invalid DATABASE_URL in one line', async () => {
    const config: DatabaseConfig = { type: 'mysql', url: 'postgres://db/x', poolSize: 1 };
    const result = await runBuiltCommand('migrate', config, ['show']);
    expect(result.status).toBe(78);
    expect(result.stderr).toBe(
      'migrate: invalid database settings: DATABASE_URL is invalid: expected ' +
        'mysql://user:password@host:3306/database\n',
    );
  });

  test('SQLite folder that is a file rejected', async () => {
    const file = path.join(folder, 'plain-file');
    writeFileSync(file, 'text');
    const config: DatabaseConfig = { type: 'sqlite', path: path.join(file, 'db.sqlite') };
    const result = await runBuiltCommand('migrate', config, ['run']);
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/^migrate: cannot create the folder of the SQLite file: /);
    expect(result.stderr).toContain(`EEXIST: file already exists, mkdir '${file}'`);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  const mysqlOnly = testDriver() === 'mysql' ? test : test.skip;

  mysqlOnly('unknown database in one line', async () => {
    const url = new URL(process.env.TEST_MYSQL_URL || process.env.DATABASE_URL || '');
    url.pathname = '/cli_no_such_database';
    const config: DatabaseConfig = { type: 'mysql', url: url.href, poolSize: 1 };
    const result = await runBuiltCommand('migrate', config, ['run']);
    expect(result.status).toBe(78);
    expect(result.stderr).toBe(
      `migrate: cannot open the database "cli_no_such_database" at ${url.hostname}:` +
        `${url.port || '3306'}: the database does not exist on this server ` +
        '(ER_BAD_DB_ERROR); check DATABASE_URL\n',
    );
  });
});

describe('user commands database errors', () => {
  test.each(['create-user', 'set-user-password'])('%s unreachable database', async (script) => {
    const { config, where } = await unreachableDatabase();
    const args =
      script === 'create-user'
        ? ['--username', 'nobody.here', '--role', 'ANALYST']
        : ['--username', 'nobody.here'];
    const result = await runBuiltCommand(script, config, args, { password: 'long-enough-pw-1' });
    const command = script === 'create-user' ? 'user:create' : 'user:set-password';
    expect(result.status).toBe(78);
    expect(result.stderr).toBe(`${command}: cannot open ${where}: ${REFUSED}\n`);
  });

  test('missing SQLite file not created', async () => {
    const missing = path.join(folder, 'missing.sqlite');
    const config: DatabaseConfig = { type: 'sqlite', path: missing };
    const result = await runBuiltCommand('set-user-password', config, ['--username', 'x.y'], {
      password: 'long-enough-pw-1',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the SQLite file ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });
});
