/**
 * Benchmark of the GraphQL server against a hand-written baseline on the same MariaDB data.
 * Generates the data set, starts both servers in production mode, checks that they return the
 * same JSON, drives them in turns with autocannon and prints a ratio table. Then it measures a
 * nested query and a write mix on the GraphQL server alone, and a run at four times the
 * database pool size. Usage: `npm run bench -- --help`.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { toGlobalId } from '../src/schema/relay/global-id';
import { BENCH_PASSWORD, PLAN_ID, REPORT_YEAR } from './dataset/constants';
import { DATASET_SIZES } from './dataset/dataset';
import { generateData } from './dataset/generate';
import { assertSameAnswer, compareReads, post, type ReadQuery, warmUp } from './load/comparison';
import { LOGIN, MISSION_ATTAINMENT, NESTED_REPORT, OPD_RANKING } from './load/documents';
import { drive, type Measurement } from './load/drive';
import { runOverload } from './load/overload';
import { startBaselineServer, startGraphqlServer, type TargetServer } from './load/servers';
import { runWriteMix } from './load/write-mix';
import { type BenchOptions, parseOptions, USAGE } from './options';
import { comparisonTable, overloadSummary, singleTable, writeMixSummary } from './report';

/** Length of the warm-up run of each query on each server, in seconds. */
const WARM_UP_SECONDS = 3;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function describeMachine(pool: Pool): Promise<string> {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT VERSION() AS version');
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return (
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${memory} GiB RAM, ` +
    `Node ${process.version}, MariaDB ${String(rows[0].version)}`
  );
}

/** Fills the database, or checks that the data already there has the requested size. */
async function prepareData(options: BenchOptions, pool: Pool): Promise<string> {
  const expected = DATASET_SIZES[options.size].opds;
  if (options.skipGenerate) {
    const [rows] = await pool.query<RowDataPacket[]>('SELECT COUNT(*) AS opds FROM opd');
    if (Number(rows[0].opds) !== expected) {
      throw new Error(
        `The database holds ${String(rows[0].opds)} OPDs, but size ${options.size} has ` +
          `${expected}: run without --skip-generate`,
      );
    }
    return `data: reused (${options.size})`;
  }
  const report = await generateData(options.databaseUrl, options.size, options.seed);
  const rows = Object.entries(report.rows)
    .map(([table, count]) => `${table} ${count}`)
    .join(', ');
  return `data: ${options.size}, seed ${options.seed}, generated in ${report.seconds.toFixed(1)} s: ${rows}`;
}

async function signIn(server: TargetServer): Promise<string> {
  const variables = { username: 'analyst', password: BENCH_PASSWORD };
  const response = await post(server.url, { query: LOGIN, variables }, null);
  const token = (JSON.parse(response.text) as { data?: { login?: { token?: string } } }).data?.login
    ?.token;
  if (!token) {
    throw new Error(`Sign-in as analyst failed: ${response.text}`);
  }
  return token;
}

async function runNested(
  server: TargetServer,
  options: BenchOptions,
  token: string,
  variables: Record<string, unknown>,
) {
  const rows: { name: string; connections: number; run: Measurement }[] = [];
  const body = JSON.stringify({ query: NESTED_REPORT, variables });
  const check = await post(server.url, JSON.parse(body), token);
  if (check.status !== 200 || check.text.includes('"errors"')) {
    throw new Error(`The nested query failed (${check.status}): ${check.text.slice(0, 500)}`);
  }
  for (const connections of options.nestedConnections ?? options.connections) {
    log(`nestedReport at ${connections} connections`);
    const headers = { authorization: `Bearer ${token}` };
    const run = await drive(server, { connections, seconds: options.seconds, headers, body });
    rows.push({ name: 'nestedReport', connections, run });
  }
  return rows;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const options = parseOptions(argv);
  const pool = createPool({ uri: options.databaseUrl, connectionLimit: 2 });
  const servers: TargetServer[] = [];
  try {
    const machine = await describeMachine(pool);
    const data = await prepareData(options, pool);
    const secret = randomBytes(32).toString('hex');
    const environment = {
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: secret,
      // The nested query requests pages of 100 inside pages of 100 on purpose.
      GRAPHQL_MAX_COST: '10000000',
    };
    const graphql = await startGraphqlServer(environment);
    servers.push(graphql);
    const baseline = await startBaselineServer(environment);
    servers.push(baseline);
    const pair = { graphql, baseline };
    const token = await signIn(graphql);

    const variables = { planId: toGlobalId('Plan', PLAN_ID), year: REPORT_YEAR };
    const queries: ReadQuery[] = [
      { name: 'missionAttainment', ...MISSION_ATTAINMENT, variables },
      { name: 'opdRanking', ...OPD_RANKING, variables },
    ];
    const equality: string[] = [];
    for (const query of queries) {
      const same = await assertSameAnswer(query, pair, token);
      equality.push(
        `${query.name} ${same.byteEqual ? 'byte-equal' : 'equal as JSON'} (${same.bytes} bytes)`,
      );
    }
    log(`responses: ${equality.join(', ')}`);

    log('warming up');
    await warmUp(queries, pair, token, WARM_UP_SECONDS);
    const settings = {
      connections: options.connections,
      seconds: options.seconds,
      rounds: options.rounds,
      token,
    };
    const comparison = await compareReads(queries, pair, settings, log);
    // Printed now, so that the ratio table survives a failure in a later step.
    console.log(`\n${machine}\n${data}`);
    console.log(
      `runs: ${options.seconds} s each, ${options.rounds} rounds alternating graphql and baseline`,
    );
    console.log(`responses: ${equality.join(', ')}\n`);
    console.log(comparisonTable(comparison));

    const nested = await runNested(graphql, options, token, variables);
    const writes = [];
    for (const connections of options.connections) {
      log(`write mix at ${connections} connections`);
      writes.push(
        await runWriteMix(graphql, pool, { connections, seconds: options.seconds, secret }),
      );
    }
    await baseline.stop();
    await graphql.stop();
    servers.length = 0;

    let overload = null;
    if (!options.skipOverload) {
      log('overload: 4x the database pool size');
      const body = JSON.stringify({ query: MISSION_ATTAINMENT.document, variables });
      overload = await runOverload(environment, { body, token }, options.seconds);
    }

    console.log(
      `\nGraphQL server only:\n${singleTable([...nested, ...writes.map((w) => ({ name: 'writeMix', connections: w.connections, run: w.measurement }))])}`,
    );
    console.log(writeMixSummary(writes));
    if (overload) {
      console.log(`\nOverload:\n${overloadSummary(overload)}`);
    }
  } finally {
    for (const server of servers) {
      await server.stop();
    }
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
