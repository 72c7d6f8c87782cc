import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * Creates an empty MySQL database beside the one named in `url`, runs `fn` with a URL for it,
 * and drops it afterwards. Used by tests and tools that need a schema of their own; the user in
 * `url` needs the CREATE and DROP privileges.
 */
export async function withScratchMysqlDatabase<T>(
  url: string,
  fn: (scratchUrl: string) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchMysqlDatabase(url);
  try {
    return await fn(scratch.url);
  } finally {
    await scratch.drop();
  }
}

/** A scratch database and the function that drops it. */
export interface ScratchDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** Creates an empty database named after the one in `url` with a random suffix. */
export async function createScratchMysqlDatabase(url: string): Promise<ScratchDatabase> {
  const parsed = new URL(url);
  const baseName = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'test';
  const name = `${baseName}_lk_${randomBytes(4).toString('hex')}`;

  await runAdminStatement(url, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  parsed.pathname = `/${name}`;
  return {
    url: parsed.toString(),
    name,
    drop: () => runAdminStatement(url, `DROP DATABASE IF EXISTS \`${name}\``),
  };
}

async function runAdminStatement(url: string, sql: string): Promise<void> {
  const connection = await createConnection(url);
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}
