/**
 * Writes a migration for one driver from the difference between the entities and the schema
 * that the existing migrations of that driver build. Usage, after `npm run build`:
 *
 *   node dist/scripts/generate-migration.js sqlite Name
 *   MYSQL_URL=mysql://root@127.0.0.1:3306/test node dist/scripts/generate-migration.js mysql Name
 *
 * The MySQL variant creates and drops a scratch database next to the one in MYSQL_URL.
 * The new file must be added to the driver's migrations/index.ts by hand.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDataSource } from '../src/database/data-source';
import { withScratchMysqlDatabase } from '../src/database/scratch-database';

async function main(): Promise<void> {
  const [driver, name] = process.argv.slice(2);
  if (
    (driver !== 'sqlite' && driver !== 'mysql') ||
    !name ||
    !/^[A-Za-z][A-Za-z0-9]*$/.test(name)
  ) {
    throw new Error('Usage: generate-migration (sqlite|mysql) PascalCaseName');
  }

  const queries =
    driver === 'sqlite'
      ? await withTemporarySqlite((file) => diffSchema({ type: 'sqlite', path: file }))
      : await withScratchMysqlDatabase(requireEnv('MYSQL_URL'), (url) =>
          diffSchema({ type: 'mysql', url, poolSize: 2 }),
        );

  if (queries.up.length === 0) {
    console.log(`No changes for ${driver}: the migrations match the entities.`);
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = path.join('src', 'database', 'migrations', driver, `${timestamp}-${name}.ts`);
  writeFileSync(file, renderMigration(className, queries));
  console.log(`Wrote ${file}; add ${className} to the driver's migrations/index.ts.`);
}

interface Queries {
  up: string[];
  down: string[];
}

async function diffSchema(database: Parameters<typeof openDataSource>[0]): Promise<Queries> {
  const dataSource = await openDataSource(database);
  try {
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((query) => query.query),
      down: sql.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

async function withTemporarySqlite<T>(fn: (file: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(path.join(tmpdir(), 'lk-migration-'));
  try {
    return await fn(path.join(folder, 'schema.sqlite'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function renderMigration(className: string, queries: Queries): string {
  const lines = (list: string[]) =>
    list.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return [
    "import type { MigrationInterface, QueryRunner } from 'typeorm';",
    '',
    `export class ${className} implements MigrationInterface {`,
    `  name = '${className}';`,
    '',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    lines(queries.up),
    '  }',
    '',
    '  async down(queryRunner: QueryRunner): Promise<void> {',
    lines(queries.down),
    '  }',
    '}',
    '',
  ].join('\n');
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is missing: set it to mysql://user:password@host:3306/database`);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
