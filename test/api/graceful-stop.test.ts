import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Like } from 'typeorm';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process';
import { openDataSource } from '../../src/database/data-source';
import { Opd } from '../../src/entities';
import { Role } from '../../src/entities/enums';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET, TEST_PASSWORD } from '../support/test-server';
import { insertUser } from '../support/users';

const WORKERS = 20;
const SLOW_REQUESTS = 5;

const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id code } userErrors { code } }
}`;

/** What a client saw for one request. */
interface Outcome {
  requestId: string;
  code: string;
  startedAt: number;
  endedAt: number;
  status: number | null;
  /** The body parsed as a GraphQL response; null when the request failed or was cut. */
  body: { data?: any; errors?: unknown[] } | null;
  failure: string | null;
}

let database: TestDatabase;
let child: ServerProcess;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const dataSource = await openDataSource(database.config);
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await insertUser(dataSource, 'admin', Role.ADMIN);
  } finally {
    await dataSource.destroy();
  }

  const location: Record<string, string> =
    database.config.type === 'sqlite'
      ? { SQLITE_PATH: database.config.path }
      : { DATABASE_URL: database.config.url };
  child = await startServerProcess({
    ...location,
    JWT_SECRET: TEST_JWT_SECRET,
    // Production, because libraries change their signal handling under NODE_ENV=test.
    NODE_ENV: 'production',
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
  });
  token = await signIn(child.url);
});

afterAll(async () => {
  await child?.stop('SIGKILL');
  await database?.drop();
});

describe('SIGTERM under load', () => {
  test('start line gives process id', () => {
    const starting = child.logs.find((line) => line.msg === 'server starting');
    expect(starting?.pid).toBe(child.pid);
  });

  test('in-flight requests finish, pool closes', async () => {
    const load = startLoad();
    await pause(500);

    const slow = Array.from({ length: SLOW_REQUESTS }, (_, index) => sendSlowly(`SLOW-${index}`));
    await Promise.all(slow.map((request) => request.accepted));
    const signalledAt = Date.now();
    process.kill(child.pid, 'SIGTERM');
    await pause(300);
    for (const request of slow) {
      request.finish();
    }

    const exitCode = await child.exited;
    load.stop();
    const outcomes = [...(await load.done), ...(await Promise.all(slow.map((r) => r.outcome)))];

    expect(exitCode).toBe(0);
    expectStopLogged();
    expectNothingCut(outcomes, signalledAt);
    await expectAcknowledgedWritesStored(outcomes);
  });
});

function expectStopLogged(): void {
  const timeOf = (message: string) => child.logs.find((line) => line.msg === message)?.time;
  const stopping = timeOf('stopping');
  const poolClosing = timeOf('in-flight requests finished; closing the database pool');
  const stopped = timeOf('server stopped');
  expect(stopping).toBeDefined();
  expect(poolClosing).toBeGreaterThanOrEqual(stopping);
  expect(stopped).toBeGreaterThanOrEqual(poolClosing);
  expect(child.logs.filter((line) => line.level >= 50)).toEqual([]);
}

/**
 * Asserts that every request the server processed got its whole response, and that every
 * request that failed on the client never reached the server's GraphQL handler. A request may
 * be refused or dropped unread once the server stops, so the client can send it again, but it
 * is never cut after it started. Requests the server had open at the signal all succeed.
 */
function expectNothingCut(outcomes: Outcome[], signalledAt: number): void {
  const processed = new Set(
    child.logs
      .filter((line) => line.msg === 'graphql request')
      .map((line) => line.requestId as string),
  );
  const cut = outcomes.filter((outcome) => processed.has(outcome.requestId) && !outcome.body);
  expect(cut).toEqual([]);
  const failedAfterStart = outcomes.filter(
    (outcome) => outcome.failure !== null && processed.has(outcome.requestId),
  );
  expect(failedAfterStart).toEqual([]);

  const slow = outcomes.filter((outcome) => outcome.code.startsWith('SLOW-'));
  expect(slow).toHaveLength(SLOW_REQUESTS);
  for (const outcome of slow) {
    expect(outcome.startedAt).toBeLessThan(signalledAt);
    expect(outcome.status).toBe(200);
    expect(outcome.body?.data?.createOpd.opd.code).toBe(outcome.code);
  }
  const servedAfterSignal = outcomes.filter(
    (outcome) => outcome.status === 200 && outcome.endedAt > signalledAt,
  );
  expect(servedAfterSignal.length).toBeGreaterThan(SLOW_REQUESTS);
}

async function expectAcknowledgedWritesStored(outcomes: Outcome[]): Promise<void> {
  const acknowledged = outcomes
    .filter((outcome) => outcome.body?.data?.createOpd?.opd)
    .map((outcome) => outcome.code);
  expect(acknowledged.length).toBeGreaterThan(SLOW_REQUESTS);

  const dataSource = await openDataSource(database.config);
  try {
    const stored = await dataSource.manager.find(Opd, {
      where: [{ code: Like('LOAD-%') }, { code: Like('SLOW-%') }],
    });
    const codes = new Set(stored.map((opd) => opd.code));
    expect(acknowledged.filter((code) => !codes.has(code))).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs WORKERS clients sending OPD creations until stopped or refused. */
function startLoad(): { stop: () => void; done: Promise<Outcome[]> } {
  let running = true;
  let sequence = 0;
  const outcomes: Outcome[] = [];

  const worker = async () => {
    while (running) {
      sequence += 1;
      const outcome = await sendOpd(`LOAD-${sequence}`);
      outcomes.push(outcome);
      if (outcome.failure?.includes('ECONNREFUSED')) {
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, worker)).then(() => outcomes);
  return { stop: () => (running = false), done };
}

async function sendOpd(code: string): Promise<Outcome> {
  const requestId = randomUUID();
  const startedAt = Date.now();
  try {
    const response = await fetch(child.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query: CREATE_OPD, variables: { input: opdInput(code) } }),
    });
    const body = (await response.json()) as Outcome['body'];
    return {
      requestId,
      code,
      startedAt,
      endedAt: Date.now(),
      status: response.status,
      body,
      failure: null,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const failure = `${(error as Error).message} ${cause?.code ?? ''}`;
    return { requestId, code, startedAt, endedAt: Date.now(), status: null, body: null, failure };
  }
}

/**
 * Sends an OPD creation whose body arrives in two parts. The request expects 100-continue, so
 * `accepted` resolves once the server has read the headers and keeps the request open. The
 * server gets the second half of the body only when `finish` is called.
 */
function sendSlowly(code: string) {
  const requestId = randomUUID();
  const startedAt = Date.now();
  const body = JSON.stringify({ query: CREATE_OPD, variables: { input: opdInput(code) } });
  const half = Math.floor(body.length / 2);
  const url = new URL(child.url);

  let markAccepted: () => void = () => undefined;
  const accepted = new Promise<void>((resolve) => (markAccepted = resolve));
  const outcome = new Promise<Outcome>((resolve) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
          'x-request-id': requestId,
          expect: '100-continue',
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => {
          let parsed: Outcome['body'] = null;
          try {
            parsed = JSON.parse(text) as Outcome['body'];
          } catch {
            // A truncated body stays null, which the checks report as a cut request.
          }
          resolve({
            requestId,
            code,
            startedAt,
            endedAt: Date.now(),
            status: response.statusCode ?? null,
            body: parsed,
            failure: null,
          });
        });
      },
    );
    request.on('error', (error) =>
      resolve({
        requestId,
        code,
        startedAt,
        endedAt: Date.now(),
        status: null,
        body: null,
        failure: error.message,
      }),
    );
    request.on('continue', () => request.write(body.slice(0, half), () => markAccepted()));
    request.flushHeaders();
    finishers.set(requestId, () => request.end(body.slice(half)));
  });
  return { accepted, outcome, finish: () => finishers.get(requestId)?.() };
}

const finishers = new Map<string, () => void>();

function opdInput(code: string) {
  return { code, name: `Stop test ${code}`, kind: 'OTHER', headName: 'H' };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: { username: 'admin', password: TEST_PASSWORD } },
    }),
  });
  const body = (await response.json()) as { data?: { login?: { token: string } } };
  const signedIn = body.data?.login?.token;
  if (!signedIn) {
    throw new Error(`admin could not sign in: ${JSON.stringify(body)}`);
  }
  return signedIn;
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
