/**
 * Parts shared by the operator commands that write users straight to the server's database:
 * user:create and user:set-password. Each reads a password from NEW_USER_PASSWORD or standard
 * input, checks that the database is migrated, and writes in one transaction with audit events
 * that have no actor, because the operator has database access but may have no account.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import { ConfigError, type DatabaseConfig } from '../src/config/config';
import { isUserFacingRuleError } from '../src/errors/app-errors';
import { createSilentLogger } from '../src/logging/logger';
import { AuditService } from '../src/services/audit.service';
import { TransactionRunner } from '../src/services/transaction-runner';
import { UnitOfWork } from '../src/services/unit-of-work';
import { DatabaseOpenError, openCommandDatabase } from './command-database';

/** Environment variable that carries the new password. */
export const PASSWORD_VARIABLE = 'NEW_USER_PASSWORD';

/** Exit statuses of the commands. */
export const EXIT_CODES = { success: 0, failed: 1, invalidInput: 2, invalidConfig: 78 } as const;

/** Environment and streams of a command, passed in so that a caller can replace them. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}

/** A problem with the options or the password, reported with exit status 2. */
export class InputError extends Error {}

/** A database that is missing or not migrated, reported with exit status 1. */
class SetupError extends Error {}

/**
 * Runs `command`: prints `usage` for --help or -h, and otherwise the text that `run` returns.
 * Returns the exit status, after printing one line for a failure.
 */
export async function runCommand(
  command: string,
  usage: string,
  args: string[],
  io: CommandIo,
  run: () => Promise<string>,
): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(usage);
      return EXIT_CODES.success;
    }
    io.stdout.write(await run());
    return EXIT_CODES.success;
  } catch (error) {
    return reportFailure(command, error, io.stderr);
  }
}

/** Prints one line for a failure of `command`, without a stack trace, and returns the exit status. */
function reportFailure(command: string, error: unknown, stderr: Writable): number {
  if (error instanceof InputError || isUserFacingRuleError(error)) {
    stderr.write(`${command}: ${error.message}\n`);
    return EXIT_CODES.invalidInput;
  }
  if (error instanceof ConfigError) {
    stderr.write(`${command}: invalid configuration: ${error.problems.join('; ')}\n`);
    return EXIT_CODES.invalidConfig;
  }
  if (error instanceof DatabaseOpenError) {
    stderr.write(`${command}: ${error.message}\n`);
    return EXIT_CODES.invalidConfig;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${command} failed: ${message}\n`);
  return EXIT_CODES.failed;
}

/**
 * Parses the named `options` of a command and rejects anything else with InputError: unknown
 * options, positional arguments (by position, without their value), and --password, whose value
 * others could read.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  if (args.some((arg) => /^--password(=|$)/.test(arg))) {
    throw new InputError(
      '--password is not accepted, because other users can read the command line in the ' +
        `process list: set ${PASSWORD_VARIABLE} or pipe the password to standard input`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new InputError(`${(error as Error).message} (see --help)`);
  }
  // The value is never shown, because it may be a password typed in the wrong place, and
  // messages end up in terminals and CI logs.
  const positional = parsed.tokens.find((token) => token.kind === 'positional');
  if (positional) {
    throw new InputError(
      `unexpected argument at position ${positional.index + 1}: the command takes options ` +
        'only (see --help). A password is never read from the command line: set ' +
        `${PASSWORD_VARIABLE} or pipe the password to standard input`,
    );
  }
  return parsed.values;
}

/**
 * Reads the password from NEW_USER_PASSWORD or, when it is unset or empty, from piped standard
 * input, dropping one trailing line break.
 */
export async function readPassword(io: CommandIo): Promise<string> {
  const fromEnvironment = io.env[PASSWORD_VARIABLE];
  if (fromEnvironment) {
    return fromEnvironment;
  }
  const remedy = `set ${PASSWORD_VARIABLE} or pipe the password to standard input`;
  if (io.stdin.isTTY) {
    throw new InputError(`the password is missing: ${remedy}`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '') {
    throw new InputError(`the password is missing, because standard input is empty: ${remedy}`);
  }
  if (/[\r\n]/.test(text)) {
    throw new InputError('standard input must contain the password on one line');
  }
  return text;
}

/**
 * Throws InputError listing every broken class-validator rule of `input`. The messages name the
 * fields and the rules but never contain the values.
 */
export async function checkInputRules(input: object): Promise<void> {
  const errors = await validate(input, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (messages.length > 0) {
    throw new InputError(messages.join('; '));
  }
}

/**
 * Opens the database, checks that it exists and has no pending migration, runs `work` and
 * closes the database again.
 */
export async function withMigratedDatabase<T>(
  database: DatabaseConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  if (database.type === 'sqlite' && !existsSync(database.path)) {
    throw new SetupError(
      `the SQLite file ${database.path} does not exist: point SQLITE_PATH or DATABASE_URL at ` +
        "the server's database, or create it with npm run migration:run",
    );
  }
  const dataSource = await openCommandDatabase(database, { log: createSilentLogger() });
  try {
    if (await dataSource.showMigrations()) {
      throw new SetupError('the database has pending migrations: run npm run migration:run first');
    }
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Returns a unit of work on the database, for changes recorded in the audit trail through
 * `audit`.
 */
export function createUnitOfWork(
  dataSource: DataSource,
  audit: AuditService = new AuditService(dataSource),
): UnitOfWork {
  return new UnitOfWork(new TransactionRunner(dataSource), audit);
}

/**
 * Token settings for services that a command uses. The commands never sign a token, so a random
 * key does.
 */
export function unusedTokenSettings() {
  return { secret: randomBytes(32).toString('hex'), ttlSeconds: 60 };
}

/** Runs a command with the process's arguments and streams, and exits with its status. */
export function runAsMain(command: (args: string[], io: CommandIo) => Promise<number>): void {
  const io = {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
  void command(process.argv.slice(2), io).then((code) => process.exit(code));
}
