/**
 * Soak test: starts the built server on a fresh database with the demo data and sends a mix of
 * reads and writes over many connections for a while. It then reports HTTP 5xx responses,
 * latency percentiles, the server's resident memory at start and end, and whether every
 * acknowledged write is stored. Exits with status 1 after any 5xx, transport error or lost
 * write, or when the server does not stop cleanly on SIGTERM.
 *
 * Usage, after `npm run build`:
 *
 *   node dist/scripts/soak.js [--seconds 60] [--connections 50] [--mysql URL] [--output FILE]
 *
 * Without --mysql the server uses a temporary SQLite file. With --mysql (for example
 * mysql://root@127.0.0.1:3306/test) it uses a scratch database next to the one named, created
 * and dropped by the script.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { DatabaseConfig } from '../src/config/config';
import { openDataSource } from '../src/database/data-source';
import { createScratchMysqlDatabase } from '../src/database/scratch-database';
import { Opd, Task } from '../src/entities';
import { fromGlobalId } from '../src/schema/relay/global-id';
import { startServerProcess, type ServerProcess } from './server-process';

/** Command-line settings. */
interface SoakOptions {
  seconds: number;
  connections: number;
  mysqlUrl: string | null;
  output: string | null;
}

/** A database for one run and how to remove it. */
interface SoakDatabase {
  config: DatabaseConfig;
  environment: Record<string, string>;
  label: string;
  drop: () => Promise<void>;
}

/** Tokens and IDs the request mix needs. */
interface SoakContext {
  url: string;
  tokens: { admin: string; analyst: string; staff: string };
  planId: string;
  opdId: string;
  missionId: string;
}

/** Everything the load generator counted. */
interface LoadResult {
  latenciesMs: number[];
  latenciesByOperation: Map<string, number[]>;
  statusCounts: Map<number, number>;
  errorCodeCounts: Map<string, number>;
  transportErrors: string[];
  acknowledged: { opds: number[]; tasks: number[] };
  residentSamples: number[];
}

const DEMO_PASSWORD = 'soak-password-2019';
/** Kota Malang demo OPD whose staff user creates tasks. */
const STAFF_OPD = 'DINKES';

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const database = await prepareDatabase(options);
  let server: ServerProcess | null = null;
  try {
    server = await startServerProcess(
      {
        ...database.environment,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        SEED_DEMO: 'true',
        DEMO_PASSWORD,
      },
      { warningsOnly: true },
    );
    const context = await prepareContext(server.url);
    const residentAtStart = server.residentBytes();
    const load = await runLoad(server, context, options);
    const residentAtEnd = server.residentBytes();
    const exitCode = await server.stop('SIGTERM');
    server = null;

    const missing = await findMissingWrites(database.config, load.acknowledged);
    const report = buildReport(options, database.label, load, {
      residentAtStart,
      residentAtEnd,
      exitCode,
      missing,
    });
    printReport(report);
    if (options.output) {
      writeFileSync(options.output, `${JSON.stringify(report, null, 2)}\n`);
    }
    process.exitCode = report.passed ? 0 : 1;
  } finally {
    await server?.stop('SIGKILL');
    await database.drop();
  }
}

function parseArguments(args: string[]): SoakOptions {
  const options: SoakOptions = { seconds: 60, connections: 50, mysqlUrl: null, output: null };
  for (let index = 0; index < args.length; index += 2) {
    const [name, value] = [args[index], args[index + 1]];
    if (value === undefined) {
      throw new Error(`${name} needs a value; see the usage at the top of scripts/soak.ts`);
    }
    if (name === '--seconds' || name === '--connections') {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) {
        throw new Error(`${name} "${value}" is invalid: expected a positive integer`);
      }
      options[name === '--seconds' ? 'seconds' : 'connections'] = number;
    } else if (name === '--mysql') {
      options.mysqlUrl = value;
    } else if (name === '--output') {
      options.output = value;
    } else {
      throw new Error(`Unknown option ${name}: use --seconds, --connections, --mysql, --output`);
    }
  }
  return options;
}

async function prepareDatabase(options: SoakOptions): Promise<SoakDatabase> {
  if (options.mysqlUrl) {
    const scratch = await createScratchMysqlDatabase(options.mysqlUrl);
    return {
      config: { type: 'mysql', url: scratch.url, poolSize: 10 },
      environment: { DATABASE_URL: scratch.url },
      label: `MySQL scratch database ${scratch.name}`,
      drop: scratch.drop,
    };
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'lk-soak-'));
  const file = path.join(folder, 'soak.sqlite');
  return {
    config: { type: 'sqlite', path: file },
    environment: { SQLITE_PATH: file },
    label: 'SQLite file in a temporary folder',
    drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
}

/** Signs in the users of the mix and looks up the demo plan, OPD and one of its missions. */
async function prepareContext(url: string): Promise<SoakContext> {
  const signIn = async (username: string) => {
    const data = await graphql(url, null, LOGIN, { input: { username, password: DEMO_PASSWORD } });
    return data.login.token as string;
  };
  const tokens = {
    admin: await signIn('admin'),
    analyst: await signIn('analyst'),
    staff: await signIn(`${STAFF_OPD.toLowerCase()}.staff`),
  };
  const data = await graphql(url, tokens.analyst, LOOKUP, {});
  const opd = data.opds.edges
    .map((edge: { node: unknown }) => edge.node)
    .find((node: { code: string }) => node.code === STAFF_OPD);
  if (!opd || opd.missions.length === 0 || data.plans.length === 0) {
    throw new Error(`the demo data has no plan or no OPD ${STAFF_OPD} with a mission`);
  }
  return { url, tokens, planId: data.plans[0].id, opdId: opd.id, missionId: opd.missions[0].id };
}

/** Runs `connections` clients, each sending one request after another, for `seconds`. */
async function runLoad(
  server: ServerProcess,
  context: SoakContext,
  options: SoakOptions,
): Promise<LoadResult> {
  const result: LoadResult = {
    latenciesMs: [],
    latenciesByOperation: new Map(),
    statusCounts: new Map(),
    errorCodeCounts: new Map(),
    transportErrors: [],
    acknowledged: { opds: [], tasks: [] },
    residentSamples: [],
  };
  const endAt = Date.now() + options.seconds * 1000;
  const sampler = setInterval(() => result.residentSamples.push(server.residentBytes()), 1000);
  let sequence = 0;

  const client = async () => {
    while (Date.now() < endAt) {
      sequence += 1;
      await sendOne(context, pickOperation(context, sequence), result);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, client));
  } finally {
    clearInterval(sampler);
  }
  return result;
}

/** One request of the mix: about a fifth are writes, the rest reads of varying weight. */
interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  token: string;
  /** Payload field and object of a write, whose ID is recorded once acknowledged. */
  write: { field: 'createOpd' | 'createTask'; object: 'opd' | 'task' } | null;
}

function pickOperation(context: SoakContext, sequence: number): Operation {
  const { tokens } = context;
  const roll = Math.random();
  if (roll < 0.1) {
    const code = `SOAK-${sequence}`;
    const input = { code, name: `Soak ${code}`, kind: 'OTHER', headName: 'Kepala Soak' };
    const write = { field: 'createOpd', object: 'opd' } as const;
    return {
      name: 'createOpd',
      query: CREATE_OPD,
      variables: { input },
      token: tokens.admin,
      write,
    };
  }
  if (roll < 0.2) {
    const input = {
      opdId: context.opdId,
      missionId: context.missionId,
      description: `Soak task ${sequence}`,
    };
    const write = { field: 'createTask', object: 'task' } as const;
    const token = tokens.staff;
    return { name: 'createTask', query: CREATE_TASK, variables: { input }, token, write };
  }
  const names = Object.keys(READS);
  const name = names[Math.floor(((roll - 0.2) / 0.8) * names.length)];
  const variables = { planId: context.planId };
  return { name, query: READS[name], variables, token: tokens.analyst, write: null };
}

async function sendOne(context: SoakContext, operation: Operation, result: LoadResult) {
  const startedAt = performance.now();
  try {
    const response = await fetch(context.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operation.token}` },
      body: JSON.stringify({ query: operation.query, variables: operation.variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: any[] };
    recordLatency(result, operation.name, performance.now() - startedAt);
    increment(result.statusCounts, response.status);
    for (const error of body.errors ?? []) {
      increment(result.errorCodeCounts, String(error.extensions?.code));
    }
    const payload = operation.write ? body.data?.[operation.write.field] : null;
    const created = payload?.[operation.write?.object ?? ''];
    if (operation.write && created && payload.userErrors.length === 0) {
      const id = fromGlobalId(created.id as string)?.id;
      result.acknowledged[operation.write.object === 'opd' ? 'opds' : 'tasks'].push(id ?? -1);
    }
  } catch (error) {
    recordLatency(result, operation.name, performance.now() - startedAt);
    result.transportErrors.push((error as Error).message);
  }
}

function recordLatency(result: LoadResult, operation: string, milliseconds: number): void {
  result.latenciesMs.push(milliseconds);
  const list = result.latenciesByOperation.get(operation) ?? [];
  list.push(milliseconds);
  result.latenciesByOperation.set(operation, list);
}

/** Returns the acknowledged IDs that the database does not contain. */
async function findMissingWrites(
  config: DatabaseConfig,
  acknowledged: LoadResult['acknowledged'],
): Promise<{ opds: number[]; tasks: number[] }> {
  const dataSource = await openDataSource(config);
  try {
    const missingOf = async <T extends ObjectLiteral & { id: number }>(
      entity: EntityTarget<T>,
      ids: number[],
    ) => {
      const found = new Set<number>();
      for (let start = 0; start < ids.length; start += 1000) {
        const chunk = ids.slice(start, start + 1000);
        const rows = await dataSource.getRepository(entity).find({
          select: { id: true } as never,
          where: { id: In(chunk) } as never,
        });
        rows.forEach((row) => found.add(row.id));
      }
      return ids.filter((id) => !found.has(id));
    };
    return {
      opds: await missingOf(Opd, acknowledged.opds),
      tasks: await missingOf(Task, acknowledged.tasks),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** Facts gathered outside the load itself. */
interface RunFacts {
  residentAtStart: number;
  residentAtEnd: number;
  exitCode: number | string;
  missing: { opds: number[]; tasks: number[] };
}

function buildReport(options: SoakOptions, database: string, load: LoadResult, facts: RunFacts) {
  const serverErrors = [...load.statusCounts]
    .filter(([status]) => status >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  const missingWrites = facts.missing.opds.length + facts.missing.tasks.length;
  const mebibytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

  return {
    database,
    seconds: options.seconds,
    connections: options.connections,
    requests: load.latenciesMs.length,
    requestsPerSecond: Math.round(load.latenciesMs.length / options.seconds),
    status: Object.fromEntries(load.statusCounts),
    serverErrors,
    transportErrors: load.transportErrors.length,
    errorCodes: Object.fromEntries(load.errorCodeCounts),
    latencyMs: summariseLatency(load.latenciesMs),
    latencyMsByOperation: Object.fromEntries(
      [...load.latenciesByOperation].map(([name, list]) => [name, summariseLatency(list)]),
    ),
    residentMiB: {
      start: mebibytes(facts.residentAtStart),
      end: mebibytes(facts.residentAtEnd),
      max: mebibytes(Math.max(facts.residentAtStart, ...load.residentSamples)),
      every10Seconds: load.residentSamples.filter((_, index) => index % 10 === 9).map(mebibytes),
    },
    acknowledgedWrites: load.acknowledged.opds.length + load.acknowledged.tasks.length,
    missingWrites,
    serverExitCode: facts.exitCode,
    passed:
      serverErrors === 0 &&
      load.transportErrors.length === 0 &&
      missingWrites === 0 &&
      facts.exitCode === 0,
  };
}

/** Percentiles of a list of latencies, in milliseconds with one decimal. */
function summariseLatency(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (share: number) =>
    sorted.length === 0
      ? 0
      : sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
  return {
    count: sorted.length,
    p50: round(percentile(0.5)),
    p95: round(percentile(0.95)),
    p99: round(percentile(0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

function printReport(report: ReturnType<typeof buildReport>): void {
  const lines = [
    `Soak on ${report.database}: ${report.seconds} s, ${report.connections} connections`,
    `requests ${report.requests} (${report.requestsPerSecond}/s), status ${JSON.stringify(report.status)}`,
    `5xx ${report.serverErrors}, transport errors ${report.transportErrors}, ` +
      `GraphQL error codes ${JSON.stringify(report.errorCodes)}`,
    `latency ms p50 ${report.latencyMs.p50}, p95 ${report.latencyMs.p95}, ` +
      `p99 ${report.latencyMs.p99}, max ${report.latencyMs.max}`,
    ...Object.entries(report.latencyMsByOperation).map(
      ([name, latency]) =>
        `  ${name}: ${latency.count} requests, p50 ${latency.p50}, p99 ${latency.p99}, ` +
        `max ${latency.max}`,
    ),
    `server RSS MiB start ${report.residentMiB.start}, end ${report.residentMiB.end}, ` +
      `max ${report.residentMiB.max}, every 10 s ${report.residentMiB.every10Seconds.join(' ')}`,
    `acknowledged writes ${report.acknowledgedWrites}, missing ${report.missingWrites}; ` +
      `server exit code ${report.serverExitCode}`,
    report.passed ? 'PASS' : 'FAIL',
  ];
  console.log(lines.join('\n'));
}

async function graphql(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) {
    throw new Error(`setup request failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const LOOKUP = `query {
  plans { id }
  opds(first: 50) { edges { node { id code missions { id } } } }
}`;
const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id code } userErrors { code message } }
}`;
const CREATE_TASK = `mutation ($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } userErrors { code message } }
}`;
const READS: Record<string, string> = {
  plans: 'query { plans { id title missions { number title } } }',
  missionAttainment: `query ($planId: ID!) {
  missionAttainment(planId: $planId, year: 2019) {
    mission { number } attainment rating opdsAssigned opdsSigned clauses clausesMissingData
  }
}`,
  opdRanking: `query ($planId: ID!) {
  opdRanking(planId: $planId, year: 2019) { rank score rating opd { code } }
}`,
  opds: `query {
  opds(first: 20) { totalCount edges { node { code name missions { number } } } }
}`,
  contracts: `query ($planId: ID!) {
  contracts(planId: $planId, year: 2019, first: 10) {
    totalCount
    edges { node { status opd { code } clauses { weight attainment { scoredAttainment } } } }
  }
}`,
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
