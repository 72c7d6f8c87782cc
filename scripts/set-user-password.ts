/**
 * Sets the password of an existing user on the database the server uses (DATABASE_URL, else
 * SQLITE_PATH), for an operator whom no administrator can help, such as when every ADMIN forgot
 * their password or is disabled. USAGE below lists the options; `npm run user:set-password --
 * --help` prints it.
 *
 * The password is checked by the rules of the resetUserPassword mutation and stored by
 * AccountService, which ends the user's earlier tokens. The change is written in one transaction
 * with an audit event "resetUserPassword", and with a second one, "setUserDisabled", when
 * --enable enabled the user. Neither event has an actor, because the operator who runs this
 * command has database access but may have no account.
 */
import 'reflect-metadata';
import { PASSWORD_RANGE } from '../src/auth/password';
import { type DatabaseConfig, loadDatabaseConfig } from '../src/config/config';
import { NewPassword } from '../src/schema/inputs/auth.input';
import { type OperatorPasswordResult, AccountService } from '../src/services/account.service';
import { AuditService } from '../src/services/audit.service';
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

const COMMAND = 'user:set-password';

const USAGE = `Usage: npm run user:set-password -- --username NAME [--enable]
   or: node dist/scripts/set-user-password.js --username NAME [--enable]

Sets the password of an existing user on the server's database (DATABASE_URL, else
SQLITE_PATH), for an operator who cannot sign in as an administrator. Every token the user was
issued before stops working. The change is recorded in the audit trail without an actor.

Options:
  --username NAME  sign-in name of the user
  --enable         also enable the user when it is disabled; without it a disabled user stays
                   disabled and cannot sign in
  --help, -h       print this help and exit

The password (${PASSWORD_RANGE} characters) comes from the environment variable ${PASSWORD_VARIABLE}
or, when that is unset, from standard input (one line, piped). It is never read from the
command line, because other users of the machine can see a command line in the process list.

Exit status: 0 when the password was set, 2 for invalid input (options, password, unknown
username), 78 for invalid database settings or a database that cannot be opened, 1 for any
other failure.
`;

interface Options {
  username: string;
  enable: boolean;
}

/** The password rules of the resetUserPassword mutation. */
class NewPasswordCheck {
  @NewPassword()
  password: string;
}

/** Runs the command with `args` (without node and the script) and returns its exit status. */
export function runSetUserPassword(args: string[], io: CommandIo): Promise<number> {
  return runCommand(COMMAND, USAGE, args, io, async () => {
    const options = parseSetPasswordOptions(args);
    const password = await readPassword(io);
    await checkInputRules(Object.assign(new NewPasswordCheck(), { password }));
    const database = loadDatabaseConfig(io.env);
    return describeResult(await setPassword(database, options, password));
  });
}

function parseSetPasswordOptions(args: string[]): Options {
  const values = parseOptions(args, {
    username: { type: 'string' },
    enable: { type: 'boolean' },
  });
  if (values.username === undefined) {
    throw new InputError('--username is missing (see --help)');
  }
  return { username: values.username, enable: values.enable ?? false };
}

/** Opens the database, sets the password in one transaction with its audit events, and closes. */
function setPassword(
  database: DatabaseConfig,
  options: Options,
  password: string,
): Promise<OperatorPasswordResult> {
  return withMigratedDatabase(database, (dataSource) => {
    const accounts = new AccountService(unusedTokenSettings());
    const audit = new AuditService(dataSource);
    const input = { username: options.username, enable: options.enable };
    return createUnitOfWork(dataSource, audit).run(
      null,
      'resetUserPassword',
      input,
      async (manager) => {
        const result = await accounts.setPasswordAsOperator(
          manager,
          options.username,
          password,
          options.enable,
        );
        if (result.enabled) {
          await audit.record(manager, {
            actor: null,
            action: 'setUserDisabled',
            entityType: 'User',
            entityId: result.user.id,
            input: { username: options.username, disabled: false },
          });
        }
        return result;
      },
      (result) => ({ entity: result.user }),
    );
  });
}

function describeResult({ user, enabled }: OperatorPasswordResult): string {
  const summary =
    `Set the password of user "${user.username}" (id ${user.id}); ` +
    'tokens issued before no longer work.';
  if (enabled) {
    return `${summary} The user was disabled and is enabled now.\n`;
  }
  if (user.disabled) {
    return (
      `${summary} The user is disabled and cannot sign in: run the command again with ` +
      '--enable, or ask an administrator to enable it.\n'
    );
  }
  return `${summary} The user can sign in with it now.\n`;
}

if (require.main === module) {
  runAsMain(runSetUserPassword);
}
