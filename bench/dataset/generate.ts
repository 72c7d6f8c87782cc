import { SingleBar, Presets } from 'cli-progress';
import { createConnection, type Connection } from 'mysql2/promise';
import { hashPassword } from '../../src/auth/password';
import { loadDatabaseConfig } from '../../src/config/config';
import { openDataSource } from '../../src/database/data-source';
import { BulkWriter } from './bulk-writer';
import { BENCH_PASSWORD } from './constants';
import { DATASET_SIZES, expectedRowCount, generateDataset, type SizeName } from './dataset';

/** What a generation run wrote and how long it took. */
export interface GenerationReport {
  seconds: number;
  rows: Record<string, number>;
}

/**
 * Empties the database at `url`, creates the schema with the project's MySQL migrations and
 * fills it with the data set of `size` for `seed`, showing a progress bar on stderr.
 */
export async function generateData(
  url: string,
  size: SizeName,
  seed: number,
): Promise<GenerationReport> {
  const startedAt = Date.now();
  const connection = await createConnection({ uri: url, multipleStatements: false });
  try {
    await dropAllTables(connection);
    await runMigrations(url);
    const rows = await fillTables(connection, size, seed);
    await analyzeTables(connection, Object.keys(rows));
    return { seconds: (Date.now() - startedAt) / 1000, rows };
  } finally {
    await connection.end();
  }
}

async function dropAllTables(connection: Connection): Promise<void> {
  const [tables] = await connection.query(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  await connection.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const { name } of tables as { name: string }[]) {
    await connection.query(`DROP TABLE \`${name}\``);
  }
  await connection.query('SET FOREIGN_KEY_CHECKS = 1');
}

async function runMigrations(url: string): Promise<void> {
  const dataSource = await openDataSource(loadDatabaseConfig({ DATABASE_URL: url }));
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function fillTables(
  connection: Connection,
  size: SizeName,
  seed: number,
): Promise<Record<string, number>> {
  const bar = new SingleBar(
    { format: `generating ${size} data [{bar}] {percentage}% | {value}/{total} rows | {eta}s` },
    Presets.shades_classic,
  );
  const dimensions = DATASET_SIZES[size];
  bar.start(expectedRowCount(dimensions), 0);
  const writer = new BulkWriter(connection, (rows) => bar.increment(rows));

  // Rows arrive parents after children now and then, so checks wait for the end of the load.
  await connection.query('SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0');
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await generateDataset(dimensions, seed, passwordHash, writer, () => writer.drain());
    await writer.finish();
  } finally {
    await connection.query('SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1');
    const written = [...writer.written.values()].reduce((sum, value) => sum + value, 0);
    bar.setTotal(written);
    bar.stop();
  }
  return Object.fromEntries(writer.written);
}

async function analyzeTables(connection: Connection, tables: string[]): Promise<void> {
  const names = tables.map((table) => `\`${table}\``).join(', ');
  await connection.query(`ANALYZE TABLE ${names}`);
}
