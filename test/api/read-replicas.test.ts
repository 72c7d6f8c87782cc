import { randomUUID } from 'node:crypto';
import { listPools } from '../../src/database/mysql-pools';
import { createTestDatabase, testDriver } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

// Replication is a MySQL feature; the SQLite project has nothing to route.
const describeOnMysql = testDriver() === 'mysql' ? describe : describe.skip;

const CREATE_TASK = `mutation ($input: CreateTaskInput!) {
  createTask(input: $input) {
    task { id description opd { code } mission { number } indicators { id } }
    userErrors { field message code }
  }
}`;

let server: TestServer;
let world: World;

/** Returns the request log line of a request id. */
function requestLine(requestId: string) {
  const line = server.logs.find(
    (entry) => entry.requestId === requestId && entry.msg === 'graphql request',
  );
  if (!line) {
    throw new Error(`no request log line for ${requestId}`);
  }
  return line;
}

/** Reads the connections handed out so far by each pool, from /metrics. */
async function acquisitions(): Promise<Record<string, number>> {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^lelang_db_pool_acquisitions_total\{pool="(\w+)"\} (\d+)/gm)) {
    counts[match[1]] = Number(match[2]);
  }
  return counts;
}

/** Sends an operation and returns the response with the counts the request's log line shows. */
async function send(query: string, variables: Record<string, unknown>, token: string) {
  const requestId = randomUUID();
  const before = await acquisitions();
  const response = await server.request(query, variables, { token, requestId });
  const after = await acquisitions();
  const line = requestLine(requestId);
  const delta = (pool: string) => (after[pool] ?? 0) - (before[pool] ?? 0);
  return {
    response,
    statements: line.sqlStatements as number,
    onReplicas: line.sqlStatementsOnReplicas as number,
    primaryAcquired: delta('primary'),
    replicasAcquired: delta('replica1') + delta('replica2'),
  };
}

describeOnMysql('read replicas', () => {
  beforeAll(async () => {
    // Both replicas point at the primary's own database, so every write is visible to them at
    // once. What differs is the pool, and so the connection, that each statement goes through.
    const database = await createTestDatabase();
    if (database.config.type !== 'mysql') {
      throw new Error('read replica tests need MySQL');
    }
    const url = database.config.url;
    server = await startTestServer(
      {},
      { config: { ...database.config, replicaUrls: [url, url] }, drop: database.drop },
    );
    world = await buildWorld(server);
  });

  afterAll(async () => {
    await server?.close();
  });

  test('one pool per server', () => {
    expect([...listPools(server.app.dataSource).keys()].sort()).toEqual([
      'primary',
      'replica1',
      'replica2',
    ]);
  });

  test('queries read from replicas', async () => {
    const result = await send(
      '{ plans { id missions { number opds { edges { node { code } } } } } }',
      {},
      world.tokens.analyst,
    );
    expect(result.response.errors).toBeUndefined();
    expect(result.statements).toBeGreaterThan(2);
    expect(result.onReplicas).toBe(result.statements);
    expect(result.replicasAcquired).toBe(result.statements);
    expect(result.primaryAcquired).toBe(0);
  });

  test('replicas take turns', async () => {
    const before = await acquisitions();
    for (let index = 0; index < 4; index++) {
      await send('{ plans { id } }', {}, world.tokens.analyst);
    }
    const after = await acquisitions();
    expect(after.replica1 - before.replica1).toBeGreaterThan(0);
    expect(after.replica2 - before.replica2).toBeGreaterThan(0);
  });

  test('mutations write and read back on the primary', async () => {
    const result = await send(
      CREATE_TASK,
      {
        input: { opdId: world.opdA, missionId: world.missionIds[0], description: 'Task via API' },
      },
      world.tokens.aStaff,
    );
    const payload = result.response.data?.createTask;
    expect(payload.userErrors).toEqual([]);
    expect(payload.task).toMatchObject({
      description: 'Task via API',
      opd: { code: 'OPD-A' },
      mission: { number: 1 },
      indicators: [],
    });
    // Only the signed-in user is looked up before the mutation starts; the transaction and
    // the payload's reads after it all use the primary.
    expect(result.onReplicas).toBe(1);
    expect(result.statements - result.onReplicas).toBeGreaterThan(3);
    expect(result.primaryAcquired).toBeGreaterThanOrEqual(2);
    expect(result.replicasAcquired).toBe(1);
  });

  test('ready checks the primary', async () => {
    const response = await fetch(server.url.replace(/\/graphql$/, '/ready'));
    expect(response.status).toBe(200);
  });
});
