/**
 * Creates a user on the database the server uses (DATABASE_URL, else SQLITE_PATH), such as the
 * first administrator of a production database, which has no user to sign in with. USAGE below
 * lists the options; `npm run user:create -- --help` prints it.
 *
 * The user is checked by the createUser mutation's input rules and UserService, written in one
 * transaction with an audit event under the action "createUser". That event has no actor,
 * because the operator who runs this command has database access but no account.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import { isOpdRole } from '../src/auth/actor';
import { PASSWORD_LENGTH } from '../src/auth/password';
import { ConfigError, type DatabaseConfig, loadDatabaseConfig } from '../src/config/config';
import { openDataSource } from '../src/database/data-source';
import { Opd, type User } from '../src/entities';
import { OPD_ROLES, Role } from '../src/entities/enums';
import { isUserFacingRuleError } from '../src/errors/app-errors';
import { createSilentLogger } from '../src/logging/logger';
import { CreateUserInput } from '../src/schema/inputs/auth.input';
import { AuditService } from '../src/services/audit.service';
import { TransactionRunner } from '../src/services/transaction-runner';
import { UnitOfWork } from '../src/services/unit-of-work';
import { type CreateUserData, UserService } from '../src/services/user.service';

/** Environment variable that carries the new user's password. */
const PASSWORD_VARIABLE = 'NEW_USER_PASSWORD';

const ROLES = Object.values(Role);
const PASSWORD_RANGE = `${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max}`;

const USAGE = `Usage: npm run user:create -- --username NAME --role ROLE [options]
   or: node dist/scripts/create-user.js --username NAME --role ROLE [options]

Creates a user on the server's database (DATABASE_URL, else SQLITE_PATH) with the rules of the
createUser mutation, and records it in the audit trail without an actor.

Options:
  --username NAME      sign-in name: 3-80 characters of a-z, 0-9, dot, dash or underscore
  --role ROLE          ${ROLES.join(', ')}
  --display-name TEXT  name shown to other users, 1-200 characters (default: the username)
  --opd CODE           code of the OPD the user acts for; required for ${OPD_ROLES.join(' and ')}
  --help, -h           print this help and exit

The password (${PASSWORD_RANGE} characters) comes from the environment variable ${PASSWORD_VARIABLE}
or, when that is unset, from standard input (one line, piped). It is never read from the
command line, because other users of the machine can see a command line in the process list.

Exit status: 0 when the user was created, 2 for invalid input (options, password, unknown OPD,
username taken), 78 for invalid database settings, 1 for any other failure.
`;

/** Exit statuses of the command. */
const EXIT_CODES = { success: 0, failed: 1, invalidInput: 2, invalidConfig: 78 } as const;

/** Environment and streams of the command, passed in so that a caller can replace them. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}

/** A problem with the options or the password, reported with exit status 2. */
class InputError extends Error {}

/** A database that is missing or not migrated, reported with exit status 1. */
class SetupError extends Error {}

interface Options {
  username: string;
  role: Role;
  displayName: string;
  opdCode: string | null;
}

/** Runs the command with `args` (without node and the script) and returns its exit status. */
export async function runCreateUser(args: string[], io: CommandIo): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(USAGE);
      return EXIT_CODES.success;
    }
    const options = parseOptions(args);
    const password = await readPassword(io);
    const data = await checkInput(options, password);
    const database = loadDatabaseConfig(io.env);
    const { user, opd } = await createUser(database, data, options.opdCode);
    const opdPart = opd ? ` for OPD ${opd.code}` : '';
    io.stdout.write(
      `Created user "${user.username}" with role ${user.role}${opdPart} (id ${user.id}); ` +
        'it can sign in now.\n',
    );
    return EXIT_CODES.success;
  } catch (error) {
    return reportFailure(error, io.stderr);
  }
}

/** Prints one line for a failure, without a stack trace, and returns the exit status. */
function reportFailure(error: unknown, stderr: Writable): number {
  if (error instanceof InputError || isUserFacingRuleError(error)) {
    stderr.write(`user:create: ${error.message}\n`);
    return EXIT_CODES.invalidInput;
  }
  if (error instanceof ConfigError) {
    stderr.write(`user:create: invalid configuration: ${error.problems.join('; ')}\n`);
    return EXIT_CODES.invalidConfig;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`user:create failed: ${message}\n`);
  return EXIT_CODES.failed;
}

function parseOptions(args: string[]): Options {
  if (args.some((arg) => /^--password(=|$)/.test(arg))) {
    throw new InputError(
      '--password is not accepted, because other users can read the command line in the ' +
        `process list: set ${PASSWORD_VARIABLE} or pipe the password to standard input`,
    );
  }
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        'display-name': { type: 'string' },
        opd: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new InputError(`${(error as Error).message} (see --help)`);
  }

  if (values.username === undefined) {
    throw new InputError('--username is missing (see --help)');
  }
  if (values.role === undefined) {
    throw new InputError(`--role is missing: use one of ${ROLES.join(', ')}`);
  }
  const role = ROLES.find((known) => known === values.role?.toUpperCase());
  if (role === undefined) {
    throw new InputError(`--role "${values.role}" is invalid: use one of ${ROLES.join(', ')}`);
  }
  const opdCode = values.opd?.toUpperCase() ?? null;
  if (isOpdRole(role) && opdCode === null) {
    throw new InputError(`--opd CODE is required for role ${role}: name the OPD the user acts for`);
  }
  if (!isOpdRole(role) && opdCode !== null) {
    throw new InputError(
      `--opd applies only to ${OPD_ROLES.join(' and ')}: leave it out for role ${role}`,
    );
  }
  return {
    username: values.username,
    role,
    displayName: values['display-name'] ?? values.username,
    opdCode,
  };
}

/**
 * Reads the password from NEW_USER_PASSWORD or, when it is unset or empty, from piped standard
 * input, dropping one trailing line break.
 */
async function readPassword(io: CommandIo): Promise<string> {
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

/** Applies the createUser mutation's input rules; messages never contain the password. */
async function checkInput(options: Options, password: string): Promise<CreateUserData> {
  const input = Object.assign(new CreateUserInput(), {
    username: options.username,
    displayName: options.displayName,
    password,
    role: options.role,
    opdId: null,
  });
  const errors = await validate(input, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (messages.length > 0) {
    throw new InputError(messages.join('; '));
  }
  return {
    username: input.username,
    displayName: input.displayName,
    password: input.password,
    role: input.role,
    opdId: null,
  };
}

/** Opens the database, creates the user in one transaction with its audit event, and closes. */
async function createUser(
  database: DatabaseConfig,
  data: CreateUserData,
  opdCode: string | null,
): Promise<{ user: User; opd: Opd | null }> {
  if (database.type === 'sqlite' && !existsSync(database.path)) {
    throw new SetupError(
      `the SQLite file ${database.path} does not exist: point SQLITE_PATH or DATABASE_URL at ` +
        "the server's database, or create it with npm run migration:run",
    );
  }
  const dataSource = await openDataSource(database, createSilentLogger());
  try {
    if (await dataSource.showMigrations()) {
      throw new SetupError('the database has pending migrations: run npm run migration:run first');
    }
    const opd = opdCode === null ? null : await findOpd(dataSource, opdCode);
    const user = await createInTransaction(dataSource, { ...data, opdId: opd?.id ?? null });
    return { user, opd };
  } finally {
    await dataSource.destroy();
  }
}

async function findOpd(dataSource: DataSource, code: string): Promise<Opd> {
  const opd = await dataSource.manager.findOne(Opd, { where: { code } });
  // MySQL's default collation also matches codes that differ in case or trailing spaces.
  if (!opd || opd.code !== code) {
    throw new InputError(`--opd "${code}" is invalid: no OPD has this code`);
  }
  return opd;
}

function createInTransaction(dataSource: DataSource, data: CreateUserData): Promise<User> {
  // UserService signs tokens only in login, which this command never calls, so any key will do.
  const users = new UserService(dataSource, {
    secret: randomBytes(32).toString('hex'),
    ttlSeconds: 60,
  });
  const unitOfWork = new UnitOfWork(
    new TransactionRunner(dataSource),
    new AuditService(dataSource),
  );
  return unitOfWork.run(null, 'createUser', data, (manager) =>
    users.createUserAsOperator(manager, data),
  );
}

if (require.main === module) {
  const io = {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
  void runCreateUser(process.argv.slice(2), io).then((code) => process.exit(code));
}
