import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/config';
import { createScratchMysqlDatabase } from '../../src/database/scratch-database';

declare const TEST_DATABASE: 'sqlite' | 'mysql' | undefined;

/** Driver of the jest project running this file: "sqlite" or "mysql". */
export function testDriver(): 'sqlite' | 'mysql' {
  return typeof TEST_DATABASE === 'undefined' ? 'sqlite' : TEST_DATABASE;
}

/** An empty database for one test file and the function that removes it. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop: () => Promise<void>;
}

/**
 * Creates an empty database for the current jest project: a temporary SQLite file, or a scratch
 * database beside the one in TEST_MYSQL_URL (or DATABASE_URL).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver() === 'sqlite') {
    const folder = mkdtempSync(path.join(tmpdir(), 'lk-test-'));
    return {
      config: { type: 'sqlite', path: path.join(folder, 'test.sqlite') },
      drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
    };
  }
  const url = process.env.TEST_MYSQL_URL || process.env.DATABASE_URL;
  if (!url) {
    throw new Error('The mysql test project needs TEST_MYSQL_URL or DATABASE_URL');
  }
  const scratch = await createScratchMysqlDatabase(url);
  return { config: { type: 'mysql', url: scratch.url, poolSize: 5 }, drop: scratch.drop };
}
