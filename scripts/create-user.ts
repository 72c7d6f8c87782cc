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
import type { DataSource } from 'typeorm';
import { isOpdRole } from '../src/auth/actor';
import { PASSWORD_RANGE } from '../src/auth/password';
import { type DatabaseConfig, loadDatabaseConfig } from '../src/config/config';
import { Opd, type User } from '../src/entities';
import { OPD_ROLES, Role } from '../src/entities/enums';
import { CreateUserInput } from '../src/schema/inputs/auth.input';
import { type CreateUserData, UserService } from '../src/services/user.service';
import {
  checkInputRules,
  type CommandIo,
  createUnitOfWork,
  InputError,
  parseOptions,
  PASSWORD_VARIABLE,
  readPassword,
  runAsMain,
  runCommand,
  unusedTokenSettings,
  withMigratedDatabase,
} from './user-command';

const ROLES = Object.values(Role);

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
username taken), 78 for invalid database settings or a database that cannot be opened, 1 for
any other failure.
`;

interface Options {
  username: string;
  role: Role;
  displayName: string;
  opdCode: string | null;
}

/** Runs the command with `args` (without node and the script) and returns its exit status. */
export function runCreateUser(args: string[], io: CommandIo): Promise<number> {
  return runCommand('user:create', USAGE, args, io, async () => {
    const options = parseCreateOptions(args);
    const password = await readPassword(io);
    const data = await checkInput(options, password);
    const database = loadDatabaseConfig(io.env);
    const { user, opd } = await createUser(database, data, options.opdCode);
    const opdPart = opd ? ` for OPD ${opd.code}` : '';
    return (
      `Created user "${user.username}" with role ${user.role}${opdPart} (id ${user.id}); ` +
      'it can sign in now.\n'
    );
  });
}

function parseCreateOptions(args: string[]): Options {
  const values = parseOptions(args, {
    username: { type: 'string' },
    role: { type: 'string' },
    'display-name': { type: 'string' },
    opd: { type: 'string' },
  });

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

/** Applies the createUser mutation's input rules; messages never contain the password. */
async function checkInput(options: Options, password: string): Promise<CreateUserData> {
  const input = Object.assign(new CreateUserInput(), {
    username: options.username,
    displayName: options.displayName,
    password,
    role: options.role,
    opdId: null,
  });
  await checkInputRules(input);
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
  return withMigratedDatabase(database, async (dataSource) => {
    const opd = opdCode === null ? null : await findOpd(dataSource, opdCode);
    const user = await createInTransaction(dataSource, { ...data, opdId: opd?.id ?? null });
    return { user, opd };
  });
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
  // UserService signs tokens only in login, which this command never calls.
  const users = new UserService(dataSource, unusedTokenSettings());
  return createUnitOfWork(dataSource).run(null, 'createUser', data, (manager) =>
    users.createUserAsOperator(manager, data),
  );
}

if (require.main === module) {
  runAsMain(runCreateUser);
}
