import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A server under test, running in a child process. */
export interface TargetServer {
  name: string;
  /** URL the load goes to: the GraphQL endpoint, or the baseline's root. */
  url: string;
  pid: number;
  /** File that receives the process's standard output (the server's JSON log). */
  logFile: string;
  stop(): Promise<void>;
}

/** Time allowed for a server to respond to HTTP after it was spawned, in milliseconds. */
const START_TIMEOUT_MS = 60000;

/** Directory of the compiled bench/ folder; the repository root is two levels up from it. */
const BENCH_DIST = path.resolve(__dirname, '..');
const GRAPHQL_ENTRY = path.resolve(BENCH_DIST, '..', 'src', 'main.js');
const BASELINE_ENTRY = path.join(BENCH_DIST, 'baseline', 'server.js');

/**
 * Starts the built GraphQL server in production mode with the given extra settings. Its log
 * level stays at the production default (info, one line per request), written to a file.
 */
export function startGraphqlServer(environment: Record<string, string>): Promise<TargetServer> {
  const settings = { SEED_DEMO: 'false', LOG_LEVEL: 'info', ...environment };
  return startTarget('graphql', GRAPHQL_ENTRY, '/graphql', settings);
}

/** Starts the built baseline server (dist/bench/baseline/server.js). */
export function startBaselineServer(environment: Record<string, string>): Promise<TargetServer> {
  return startTarget('baseline', BASELINE_ENTRY, '/', environment);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function startTarget(
  name: string,
  entry: string,
  urlPath: string,
  environment: Record<string, string>,
): Promise<TargetServer> {
  const port = await freePort();
  const logFile = path.join(tmpdir(), `lelang-bench-${name}-${port}.log`);
  const output = openSync(logFile, 'w');
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      ...environment,
    },
    stdio: ['ignore', output, output],
  });
  closeSync(output);
  const exited = new Promise<number | string>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin, exited, logFile);
  return {
    name,
    url: `${origin}${urlPath}`,
    pid: child.pid ?? -1,
    logFile,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls until the server responds to any HTTP request; throws with its log if it exits first. */
async function waitForHttp(
  origin: string,
  exited: Promise<number | string>,
  logFile: string,
): Promise<void> {
  const state: { code: number | string | null } = { code: null };
  void exited.then((code) => (state.code = code));
  const startedAt = Date.now();
  while (Date.now() - startedAt < START_TIMEOUT_MS) {
    if (state.code !== null) {
      const log = readFileSync(logFile, 'utf8').slice(-2000);
      throw new Error(`${origin} exited with ${String(state.code)} before listening:\n${log}`);
    }
    try {
      await fetch(`${origin}/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${origin} did not answer within ${START_TIMEOUT_MS} ms; see ${logFile}`);
}

/** Resident set size of a process in MiB, from /proc (Linux only). */
export function residentMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** CPU time a process has used, in clock ticks (usually 1/100 s), from /proc (Linux only). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the file, 12 and 13 after the command name.
  return Number(fields[11]) + Number(fields[12]);
}

/** Polling interval and the CPU use below which a server counts as idle. */
const IDLE_POLL_MS = 250;
const IDLE_TICKS_PER_POLL = 2;
const IDLE_TIMEOUT_MS = 600000;

/**
 * Waits until the server has finished the requests a load run left behind: autocannon closes
 * its sockets when a run ends, but the server still works through what it accepted. Returns
 * the seconds waited.
 */
export async function waitForIdle(pid: number): Promise<number> {
  const startedAt = Date.now();
  let previous = cpuTicks(pid);
  while (Date.now() - startedAt < IDLE_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    const current = cpuTicks(pid);
    if (current - previous < IDLE_TICKS_PER_POLL) {
      return (Date.now() - startedAt) / 1000;
    }
    previous = current;
  }
  throw new Error(`process ${pid} stayed busy for ${IDLE_TIMEOUT_MS / 1000} s after a load run`);
}
