import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SERVER_ENTRY } from '../../scripts/server-process';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_FOLDERS = ['src', 'scripts'];

/**
 * Jest global setup of the API projects: builds dist/ with `tsc -p tsconfig.build.json` when a
 * source file is newer than the built server, so tests that start the server as a separate
 * process run the current code.
 */
export default function buildServer(): void {
  if (existsSync(SERVER_ENTRY) && newestSourceTime() < statSync(SERVER_ENTRY).mtimeMs) {
    return;
  }
  const result = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`building the server failed:\n${result.stdout}${result.stderr}`);
  }
}

function newestSourceTime(): number {
  let newest = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        visit(entryPath);
      } else if (entry.name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(entryPath).mtimeMs);
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) {
    visit(path.join(ROOT, folder));
  }
  return newest;
}
