import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../src/database/data-source';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openDataSource(database.config);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('migrations', () => {
  test('build the schema the entities describe', async () => {
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // A non-empty list means an entity changed without a migration: run migration:generate.
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  test('revert to an empty database', async () => {
    while (await hasAppliedMigrations(dataSource)) {
      await dataSource.undoLastMigration();
    }
    const runner = dataSource.createQueryRunner();
    const remaining: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      if (await runner.hasTable(metadata.tableName)) {
        remaining.push(metadata.tableName);
      }
    }
    await runner.release();
    expect(remaining).toEqual([]);
  });
});

async function hasAppliedMigrations(source: DataSource): Promise<boolean> {
  const rows: unknown[] = await source.query('SELECT * FROM migrations');
  return rows.length > 0;
}
