/**
 * Applies or reverts migrations on the database the environment names, then exits; the same
 * settings as the server (DATABASE_URL, else SQLITE_PATH). Usage, after `npm run build`:
 *
 *   node dist/scripts/migrate.js run      # apply every pending migration
 *   node dist/scripts/migrate.js revert   # undo the last applied migration
 *   node dist/scripts/migrate.js show     # exit 1 when migrations are pending, else 0
 *
 * Container deployments run `run` as a step of its own before any server takes traffic.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadDatabaseConfig } from '../src/config/config';
import { openDataSource } from '../src/database/data-source';
import { createLogger } from '../src/logging/logger';

const COMMANDS = ['run', 'revert', 'show'] as const;
type Command = (typeof COMMANDS)[number];

async function main(): Promise<number> {
  const command = process.argv[2] as Command;
  if (!COMMANDS.includes(command)) {
    console.error(`Usage: migrate (${COMMANDS.join('|')})`);
    return 2;
  }
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info', pretty: false });
  const database = loadDatabaseConfig();
  if (database.type === 'sqlite') {
    mkdirSync(path.dirname(database.path), { recursive: true });
  }

  const dataSource = await openDataSource(database, log);
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
    const message = error instanceof ConfigError ? error.message : (error as Error).stack;
    console.error(`Migration failed: ${message ?? String(error)}`);
    process.exit(1);
  },
);
