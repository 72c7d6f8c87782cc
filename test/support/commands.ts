import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/config';
import { AuditEvent, User } from '../../src/entities';
import type { TestServer } from './test-server';

/** Exit status and output of one run of a built command. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Password and standard input of one command run. */
export interface CommandInput {
  /** Sent in NEW_USER_PASSWORD when given. */
  password?: string;
  /** Written to standard input; empty by default. */
  stdin?: string;
}

/**
 * Runs the built `dist/scripts/<script>.js` with `args` on `database`. The API projects' global
 * setup builds dist/ when it is stale.
 */
export function runBuiltCommand(
  script: string,
  database: DatabaseConfig,
  args: string[],
  input: CommandInput = {},
): Promise<CommandResult> {
  const command = path.resolve(__dirname, '..', '..', 'dist', 'scripts', `${script}.js`);
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...environmentOf(database) };
  if (input.password !== undefined) {
    env.NEW_USER_PASSWORD = input.password;
  }
  const child = spawn(process.execPath, [command, ...args], { env });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(input.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

/** Environment that points a command at a database. */
function environmentOf(database: DatabaseConfig): Record<string, string> {
  return database.type === 'sqlite'
    ? { SQLITE_PATH: database.path }
    : { DATABASE_URL: database.url };
}

/**
 * Checks that a run of `command` exited with status 2 and printed only `message`, without a
 * stack trace.
 */
export function expectInputRejected(result: CommandResult, command: string, message: string) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`${command}: ${message}\n`);
}

/**
 * Returns the message of a user command for an argument that is not an option, which names its
 * position but never its value.
 */
export function unexpectedArgumentMessage(position: number): string {
  return (
    `unexpected argument at position ${position}: the command takes options only (see ` +
    '--help). A password is never read from the command line: set NEW_USER_PASSWORD or pipe ' +
    'the password to standard input'
  );
}

/** Returns the number of users and of audit events, which a rejected run leaves unchanged. */
export function countUsersAndEvents(server: TestServer): Promise<[number, number]> {
  const manager = server.app.dataSource.manager;
  return Promise.all([manager.count(User), manager.count(AuditEvent)]);
}
