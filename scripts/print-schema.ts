/**
 * Writes schema.graphql from the code, sorted, so every schema change shows up in review.
 * Usage: npm run schema:print. A test fails while the committed file is stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from '../src/schema/build-schema';

async function main(): Promise<void> {
  const target = path.resolve(__dirname, '..', '..', 'schema.graphql');
  writeFileSync(target, await printApiSchema());
  console.log(`Wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
