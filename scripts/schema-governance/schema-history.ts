import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type BreakingChange, findBreakingChanges } from './breaking-changes';

/** File whose history is checked, relative to the repository root. */
export const SCHEMA_FILE = 'schema.graphql';

/**
 * Commit from which schema changes are checked: the last one before the checks existed. Older
 * changes predate any client of the API.
 */
export const HISTORY_START = 'daf9d8d6a07e51f3aef74897778ead501bd388d8';

/** Commit-message trailer that accepts the breaking changes of a commit, with the reason. */
const BREAK_TRAILER = /^Schema-Break:\s*(\S.*)$/m;

/** One step in the schema's history and what it broke. */
export interface SchemaStep {
  /** "abc1234..def5678" for a commit, "HEAD..working tree" for uncommitted edits. */
  range: string;
  breaking: BreakingChange[];
  /** Reason from a `Schema-Break:` trailer in the step's commits; null when there is none. */
  acceptedBecause: string | null;
}

/** Result of the history check. */
export interface HistoryReport {
  steps: SchemaStep[];
  /** Reason some history was not checked, such as a shallow clone; null when complete. */
  limitation: string | null;
}

/**
 * Checks every change to schema.graphql since `start` for breaking changes: each commit on the
 * first-parent line (so a merge counts as one change against the branch it landed on) against
 * the version before it, then uncommitted edits against HEAD. A step is accepted when a commit
 * in it carries a `Schema-Break: <reason>` trailer. When `start` is not in the clone, as in a
 * shallow clone, every commit the clone has is checked and `limitation` states it.
 */
export async function checkSchemaHistory(repo: string, start: string): Promise<HistoryReport> {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  let limitation: string | null = null;
  let range = `${start}..HEAD`;
  if (!isAncestor(git, start)) {
    limitation = `commit ${start.slice(0, 12)} is not in this clone; checked the history it has`;
    range = 'HEAD';
  }

  const commits = git('log', '--first-parent', '--format=%H', range, '--', SCHEMA_FILE)
    .split('\n')
    .filter(Boolean)
    .reverse();
  const steps: SchemaStep[] = [];
  for (const commit of commits) {
    const before = readVersion(git, `${commit}^1`);
    if (before === null) {
      continue;
    }
    const after = readVersion(git, commit) ?? '';
    steps.push({
      range: `${commit.slice(0, 12)}^..${commit.slice(0, 12)}`,
      breaking: await findBreakingChanges(before, after),
      acceptedBecause: readBreakReason(git('log', '--format=%B', `${commit}^1..${commit}`)),
    });
  }

  const committed = readVersion(git, 'HEAD');
  const workingFile = path.join(repo, SCHEMA_FILE);
  const working = existsSync(workingFile) ? readFileSync(workingFile, 'utf8') : null;
  if (committed !== null && working !== null && working !== committed) {
    steps.push({
      range: 'HEAD..working tree',
      breaking: await findBreakingChanges(committed, working),
      acceptedBecause: null,
    });
  }
  return { steps, limitation };
}

function isAncestor(git: (...args: string[]) => string, commit: string): boolean {
  try {
    git('merge-base', '--is-ancestor', commit, 'HEAD');
    return true;
  } catch {
    return false;
  }
}

/** Returns schema.graphql as of `revision`, or null when that revision has no such file. */
function readVersion(git: (...args: string[]) => string, revision: string): string | null {
  try {
    return git('show', `${revision}:${SCHEMA_FILE}`);
  } catch {
    return null;
  }
}

function readBreakReason(messages: string): string | null {
  return BREAK_TRAILER.exec(messages)?.[1].trim() ?? null;
}
