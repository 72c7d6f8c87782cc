import autocannon, { type Request } from 'autocannon';
import { residentMiB, type TargetServer, waitForIdle } from './servers';

/** Results of one load run against one server. */
export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  requests: number;
  /** Responses per HTTP status. */
  statusCounts: Record<string, number>;
  /** Socket errors and timeouts seen by the load generator. */
  transportErrors: number;
}

/** One load run: where, how hard, how long and what to send. */
export interface LoadPlan {
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** Body of every request, unless `requests` builds them one by one. */
  body?: string;
  requests?: Request[];
}

/** Interval of the memory samples, in milliseconds. */
const RSS_SAMPLE_MS = 100;

/**
 * Sends POST requests to the server with autocannon for `plan.seconds` and samples the
 * server's resident memory meanwhile. Latencies are autocannon's, in milliseconds. Returns once
 * the server is idle again, so the next run starts on a quiet server.
 */
export async function drive(server: TargetServer, plan: LoadPlan): Promise<Measurement> {
  let peak = residentMiB(server.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentMiB(server.pid));
  }, RSS_SAMPLE_MS);
  try {
    const result = await autocannon({
      url: server.url,
      method: 'POST',
      connections: plan.connections,
      duration: plan.seconds,
      headers: { 'content-type': 'application/json', ...plan.headers },
      body: plan.body,
      requests: plan.requests,
      timeout: 60,
    });
    const statusCounts: Record<string, number> = {};
    for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
      statusCounts[status] = Number((stats as { count: number }).count);
    }
    return {
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      peakRssMiB: peak,
      requests: result.requests.total,
      statusCounts,
      transportErrors: result.errors + result.timeouts,
    };
  } finally {
    clearInterval(sampler);
    await waitForIdle(server.pid);
  }
}
