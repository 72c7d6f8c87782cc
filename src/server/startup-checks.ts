import { type DataSource, In } from 'typeorm';
import { verifyPassword } from '../auth/password';
import { DEFAULT_DEMO_PASSWORD } from '../config/config';
import { User } from '../entities';
import type { Logger } from '../logging/logger';
import { DEMO_USERNAMES } from '../seed/demo-loader';

/** Command that creates the first user, as the start-up warning and the README give it. */
export const CREATE_FIRST_USER_COMMAND = 'npm run user:create -- --username admin --role ADMIN';

/**
 * Logs a warning when the database has no user, because then nobody can sign in, and names the
 * command that creates the first administrator.
 */
export async function warnIfNoUsers(dataSource: DataSource, log: Logger): Promise<void> {
  if ((await dataSource.manager.count(User)) > 0) {
    return;
  }
  log.warn(
    { command: CREATE_FIRST_USER_COMMAND },
    'no user exists, so nobody can sign in: create the first administrator with ' +
      `${CREATE_FIRST_USER_COMMAND} (in a built image: node dist/scripts/create-user.js), ` +
      'with the password in NEW_USER_PASSWORD or on standard input',
  );
}

/**
 * Logs a warning when enabled demo users exist whose password is DEMO_PASSWORD or the published
 * default, because anyone with that password can act as them. It runs one or two scrypt checks per
 * distinct hash, and the demo users share one hash.
 */
export async function warnAboutDemoUsers(
  dataSource: DataSource,
  demoPassword: string,
  log: Logger,
): Promise<void> {
  const found = await dataSource.manager.find(User, {
    select: { username: true, passwordHash: true },
    where: { username: In([...DEMO_USERNAMES]), disabled: false },
    order: { id: 'ASC' },
  });
  // MySQL's default collation also matches usernames that differ in case.
  const demoUsers = found.filter((user) => DEMO_USERNAMES.includes(user.username));

  const usernamesByHash = new Map<string, string[]>();
  for (const user of demoUsers) {
    const usernames = usernamesByHash.get(user.passwordHash) ?? [];
    usernames.push(user.username);
    usernamesByHash.set(user.passwordHash, usernames);
  }

  const candidates = [...new Set([demoPassword, DEFAULT_DEMO_PASSWORD])];
  const exposed: string[] = [];
  let defaultPasswordUsed = false;
  for (const [hash, usernames] of usernamesByHash) {
    const password = await findMatchingPassword(candidates, hash);
    if (password !== null) {
      exposed.push(...usernames);
      defaultPasswordUsed ||= password === DEFAULT_DEMO_PASSWORD;
    }
  }
  if (exposed.length === 0) {
    return;
  }

  const passwordSource = defaultPasswordUsed
    ? 'the default DEMO_PASSWORD, which the README publishes'
    : 'the password in DEMO_PASSWORD';
  log.warn(
    { usernames: exposed },
    `${exposed.length} demo users such as "${exposed[0]}" exist and sign in with ` +
      `${passwordSource}, so anyone who knows it can act as them. Use this database for trials ` +
      'only; for real work start from a database without demo data (SEED_DEMO=false), or ' +
      'disable the demo users with the setUserDisabled mutation',
  );
}

async function findMatchingPassword(candidates: string[], hash: string): Promise<string | null> {
  for (const password of candidates) {
    if (await verifyPassword(password, hash)) {
      return password;
    }
  }
  return null;
}
