/**
 * Fails when a change to schema.graphql can break clients: a removed or retyped field, argument
 * or enum value that was not marked @deprecated in an earlier commit. Checks every change since
 * the checks began and any uncommitted edit; a commit may accept its breaking changes with a
 * `Schema-Break: <reason>` trailer. Usage: npm run schema:check. Exit code 1 on a violation.
 */
import path from 'node:path';
import { checkSchemaHistory, HISTORY_START } from './schema-governance/schema-history';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..');
  const report = await checkSchemaHistory(repo, HISTORY_START);
  if (report.limitation) {
    console.warn(`NOTE: ${report.limitation}`);
  }

  let violations = 0;
  for (const step of report.steps) {
    if (step.breaking.length === 0) {
      console.log(`${step.range}: no breaking change`);
      continue;
    }
    if (step.acceptedBecause) {
      console.log(`${step.range}: breaking changes accepted: ${step.acceptedBecause}`);
      continue;
    }
    violations += step.breaking.length;
    console.error(`${step.range}: breaking changes`);
    for (const change of step.breaking) {
      console.error(`  - ${change.message}`);
    }
  }

  if (violations > 0) {
    console.error(
      `FAIL: ${violations} breaking schema change(s). Mark the field @deprecated in one ` +
        'commit and remove it in a later one, or add a "Schema-Break: <reason>" trailer to ' +
        'the commit message when clients have agreed to the break.',
    );
    process.exit(1);
  }
  console.log(`Schema history checked: ${report.steps.length} change(s), none breaking.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
