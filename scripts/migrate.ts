/**
 * Applies or reverts migrations on the database the environment names, then exits; the same
 * settings as the server (DATABASE_URL, else SQLITE_PATH). Usage, after `npm run build`:
 *
 *   node dist/scripts/migrate.js run      # apply every pending migration
 *   node dist/scripts/migrate.js revert   # undo the last applied migration
 *   node dist/scripts/migrate.js show     # exit 1 when migrations are pending, else 0
 *
 * Invalid database settings and a database that cannot be opened are reported in one line with
 * exit status 78; an unknown command exits with 2, and a failed migration with 1.
 * Container deployments run `run` as a step of its own before any server takes traffic.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../src/logging/logger';
import {
  DatabaseOpenError,
  loadCommandDatabaseConfig,
  openCommandDatabase,
} from './command-database';

const COMMANDS = ['run', 'revert', 'show'] as const;
type Command = (typeof COMMANDS)[number];

async function main(): Promise<number> {
  const command = process.argv[2] as Command;
  if (!COMMANDS.includes(command)) {
    console.error(`Usage: migrate (${COMMANDS.join('|')})`);
    return 2;
  }
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info', pretty: false });
  const database = loadCommandDatabaseConfig();
  if (database.type === 'sqlite') {
    const folder = path.dirname(database.path);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new DatabaseOpenError(
        `cannot create the folder of the SQLite file: ${(error as Error).message}; check ` +
          'SQLITE_PATH',
      );
    }
  }

  const dataSource = await openCommandDatabase(database, { log });
  try {
    switch (command) {
      case 'run': {
        log.info('applying pending migrations');
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        log.info({ applied: applied.map((migration) => migration.name) }, 'migrations applied');
        return 0;
      }
      case 'revert':
        log.info('reverting the last migration');
        await dataSource.undoLastMigration({ transaction: 'each' });
        log.info('migration reverted');
        return 0;
      case 'show': {
        const pending = await dataSource.showMigrations();
        log.info({ pending }, pending ? 'migrations are pending' : 'no migration is pending');
        return pending ? 1 : 0;
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DatabaseOpenError) {
      console.error(`migrate: ${error.message}`);
      process.exit(78);
    }
    // A failed migration or a bug: the stack trace helps to find where.
    console.error(`Migration failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
