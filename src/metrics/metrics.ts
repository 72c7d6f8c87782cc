import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { type DataSource } from 'typeorm';
import { listPools } from '../database/mysql-pools';
import { readPoolStats } from './pool-stats';

/** Prefix of every metric name the server exports. */
const PREFIX = 'lelang_';

/** Most distinct operation names kept as labels; later ones are counted as "other". */
export const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME_PATTERN = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Latency buckets in seconds, from a cached lookup to a large export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One server's Prometheus registry and the metrics the server updates. */
export interface Metrics {
  registry: Registry;
  /** Records a finished GraphQL request. */
  recordRequest(request: FinishedRequest): void;
}

/** What the metrics keep of one GraphQL request. */
export interface FinishedRequest {
  operationName: string | null;
  /** "OK", "USER_ERROR" (a payload with userErrors), or the first error's code. */
  outcome: string;
  durationSeconds: number;
  statementsOnPrimary: number;
  statementsOnReplicas: number;
}

/**
 * Creates the metrics of one server in a registry of its own, so that several servers in one
 * process (as in tests) never share counters: GraphQL requests by operation and outcome, their
 * latency, SQL statements by target, database pool usage, and Node's process metrics.
 */
export function createMetrics(dataSource: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const requests = new Counter({
    name: `${PREFIX}graphql_requests_total`,
    help: 'GraphQL requests by operation name and outcome (OK, USER_ERROR or an error code).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'Time from receiving a GraphQL request to sending its response, in seconds.',
    labelNames: ['operation'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const statements = new Counter({
    name: `${PREFIX}db_statements_total`,
    help: 'SQL statements sent while serving GraphQL requests, by target (primary or replica).',
    labelNames: ['target'],
    registers: [registry],
  });
  registerPoolMetrics(registry, dataSource);

  const operationLabel = createOperationLabeler();
  return {
    registry,
    recordRequest(request) {
      const operation = operationLabel(request.operationName);
      requests.inc({ operation, outcome: request.outcome });
      duration.observe({ operation }, request.durationSeconds);
      statements.inc({ target: 'primary' }, request.statementsOnPrimary);
      statements.inc({ target: 'replica' }, request.statementsOnReplicas);
    },
  };
}

/** Pool gauges read at scrape time, and a counter of connections handed out per pool. */
function registerPoolMetrics(registry: Registry, dataSource: DataSource): void {
  new Gauge({
    name: `${PREFIX}db_pool_connections`,
    help: 'Database connections per pool by state: in_use, idle, waiting (queued) and limit.',
    labelNames: ['pool', 'state'],
    registers: [registry],
    collect() {
      for (const stats of readPoolStats(dataSource)) {
        this.set({ pool: stats.pool, state: 'in_use' }, stats.inUse);
        this.set({ pool: stats.pool, state: 'idle' }, stats.idle);
        this.set({ pool: stats.pool, state: 'waiting' }, stats.waiting);
        this.set({ pool: stats.pool, state: 'limit' }, stats.limit);
      }
    },
  });

  const acquisitions = new Counter({
    name: `${PREFIX}db_pool_acquisitions_total`,
    help: 'Connections handed out by each database pool (MySQL only).',
    labelNames: ['pool'],
    registers: [registry],
  });
  for (const [name, pool] of listPools(dataSource)) {
    acquisitions.inc({ pool: name }, 0);
    pool.on('acquire', () => acquisitions.inc({ pool: name }));
  }
}

/**
 * Returns a function that turns a client-chosen operation name into a label value. Names are
 * bounded so that a client cannot grow the label set without limit: anonymous operations are
 * "anonymous", malformed names and every name after the first MAX_OPERATION_LABELS "other".
 */
function createOperationLabeler(): (name: string | null) => string {
  const known = new Set<string>();
  return (name) => {
    if (!name) {
      return 'anonymous';
    }
    if (known.has(name)) {
      return name;
    }
    if (!OPERATION_NAME_PATTERN.test(name) || known.size >= MAX_OPERATION_LABELS) {
      return 'other';
    }
    known.add(name);
    return name;
  };
}
