import type { DataSource } from 'typeorm';
import { createMetrics, MAX_OPERATION_LABELS } from '../../../src/metrics/metrics';

/** A data source as the pool metrics see an SQLite one outside a transaction. */
const sqliteStub = {
  options: { type: 'better-sqlite3' },
  driver: { databaseConnection: { inTransaction: false } },
} as unknown as DataSource;

function request(operationName: string | null, outcome = 'OK') {
  return {
    operationName,
    outcome,
    durationSeconds: 0.02,
    statementsOnPrimary: 3,
    statementsOnReplicas: 0,
  };
}

async function valueOf(metrics: ReturnType<typeof createMetrics>, name: string, labels: object) {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  const sample = metric?.values.find((value) =>
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return sample?.value;
}

describe('createMetrics', () => {
  test('counts requests by operation and outcome', async () => {
    const metrics = createMetrics(sqliteStub);
    metrics.recordRequest(request('Plans'));
    metrics.recordRequest(request('Plans'));
    metrics.recordRequest(request('Plans', 'UNAUTHENTICATED'));
    metrics.recordRequest(request(null));

    const name = 'lelang_graphql_requests_total';
    expect(await valueOf(metrics, name, { operation: 'Plans', outcome: 'OK' })).toBe(2);
    expect(await valueOf(metrics, name, { operation: 'Plans', outcome: 'UNAUTHENTICATED' })).toBe(
      1,
    );
    expect(await valueOf(metrics, name, { operation: 'anonymous', outcome: 'OK' })).toBe(1);
  });

  test('bounds operation labels', async () => {
    const metrics = createMetrics(sqliteStub);
    for (let index = 0; index < MAX_OPERATION_LABELS + 5; index++) {
      metrics.recordRequest(request(`Operation${index}`));
    }
    metrics.recordRequest(request('not a name'));

    const name = 'lelang_graphql_requests_total';
    expect(await valueOf(metrics, name, { operation: 'other' })).toBe(6);
    expect(await valueOf(metrics, name, { operation: 'Operation0' })).toBe(1);
  });

  test('reports the SQLite connection', async () => {
    const metrics = createMetrics(sqliteStub);
    const name = 'lelang_db_pool_connections';
    expect(await valueOf(metrics, name, { pool: 'primary', state: 'limit' })).toBe(1);
    expect(await valueOf(metrics, name, { pool: 'primary', state: 'idle' })).toBe(1);
    expect(await valueOf(metrics, name, { pool: 'primary', state: 'in_use' })).toBe(0);
  });

  test('counts statements by target', async () => {
    const metrics = createMetrics(sqliteStub);
    metrics.recordRequest({ ...request('Plans'), statementsOnReplicas: 4 });
    const name = 'lelang_db_statements_total';
    expect(await valueOf(metrics, name, { target: 'primary' })).toBe(3);
    expect(await valueOf(metrics, name, { target: 'replica' })).toBe(4);
  });
});
