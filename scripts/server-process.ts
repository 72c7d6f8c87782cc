/**
 * Starts the built server (dist/src/main.js) as a child process, for tests and tools that need
 * a real process: several servers on one database, signals, memory use. Run `npm run build`
 * first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Repository root, whether this file runs from scripts/ or, compiled, from dist/scripts/. */
const ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
);

/** Path of the built entry point. */
export const SERVER_ENTRY = path.join(ROOT, 'dist', 'src', 'main.js');

/** A server running in a child process. */
export interface ServerProcess {
  /** GraphQL endpoint, for example http://127.0.0.1:40123/graphql. */
  url: string;
  /** Base URL without a path, for /health and /ready. */
  origin: string;
  pid: number;
  /** JSON log lines the process wrote so far, parsed: all of them, or warnings and errors. */
  logs: Record<string, any>[];
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Resident set size of the process in bytes, read from /proc (Linux only). */
  residentBytes(): number;
  /** Sends a signal and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Settings of one server process; each becomes an environment variable of the child. */
export type ServerEnvironment = Record<string, string>;

/** Options of startServerProcess. */
export interface ServerProcessOptions {
  /**
   * Keep only warnings, errors and start-up lines, for long runs whose request logs would
   * otherwise fill the memory of the parent process.
   */
  warningsOnly?: boolean;
}

/** pino's numeric level of warnings. */
const WARN_LEVEL = 40;

/** Time allowed for the process to log that it listens, in milliseconds. */
const START_TIMEOUT_MS = 60000;

/**
 * Spawns `node dist/src/main.js` with the given environment on a free port (PORT=0 unless set)
 * and resolves once it logs that it listens. Rejects with the process output when it exits or
 * does not listen within START_TIMEOUT_MS.
 */
export async function startServerProcess(
  environment: ServerEnvironment,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run npm run build first`);
  }
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  const output: string[] = [];
  collectOutput(child, logs, output, options.warningsOnly === true);

  // 'close' fires after the output streams ended, so `logs` is complete when `exited` resolves.
  const exited = new Promise<number | string>((resolve) => {
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await waitForListening(logs, exited, output);
  const pid = child.pid ?? -1;

  return {
    url,
    origin: new URL(url).origin,
    pid,
    logs,
    exited,
    residentBytes: () => readResidentBytes(pid),
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

function collectOutput(
  child: ChildProcess,
  logs: Record<string, any>[],
  output: string[],
  warningsOnly: boolean,
): void {
  let listening = false;
  const onLine = (line: string) => {
    if (!listening) {
      output.push(line);
    }
    let entry: Record<string, any>;
    try {
      entry = JSON.parse(line) as Record<string, any>;
    } catch {
      // Output that is not a log line, such as a start-up failure, stays in `output` only.
      return;
    }
    if (!warningsOnly || !listening || Number(entry.level) >= WARN_LEVEL) {
      logs.push(entry);
    }
    listening ||= entry.msg === 'server listening';
  };
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', onLine);
  }
  if (child.stderr) {
    createInterface({ input: child.stderr }).on('line', onLine);
  }
}

async function waitForListening(
  logs: Record<string, any>[],
  exited: Promise<number | string>,
  output: string[],
): Promise<string> {
  const startedAt = Date.now();
  const state: { exitCode: number | string | null } = { exitCode: null };
  void exited.then((code) => (state.exitCode = code));

  while (Date.now() - startedAt < START_TIMEOUT_MS) {
    const line = logs.find((entry) => entry.msg === 'server listening');
    if (line) {
      return String(line.url);
    }
    if (state.exitCode !== null) {
      const exitCode = String(state.exitCode);
      throw new Error(`server exited with ${exitCode} before listening:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not listen within ${START_TIMEOUT_MS} ms:\n${output.join('\n')}`);
}

function readResidentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) {
    throw new Error(`/proc/${pid}/status has no VmRSS line`);
  }
  return Number(match[1]) * 1024;
}
