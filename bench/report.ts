import type { ComparisonRow } from './load/comparison';
import type { Measurement } from './load/drive';
import type { OverloadResult } from './load/overload';
import type { WriteMixResult } from './load/write-mix';

/** Throughput the GraphQL server must reach, as a share of the baseline's, at 100 connections. */
export const MIN_THROUGHPUT_RATIO = 0.7;
/** p99 latency the GraphQL server may reach, as a multiple of the baseline's. */
export const MAX_P99_RATIO = 1.5;
/** Connection count the goals apply to. */
export const GOAL_CONNECTIONS = 100;

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Averages the rounds of one server; peak memory is the highest of the rounds. */
export function combine(runs: Measurement[]) {
  return {
    requestsPerSecond: mean(runs.map((run) => run.requestsPerSecond)),
    p50Ms: mean(runs.map((run) => run.p50Ms)),
    p99Ms: mean(runs.map((run) => run.p99Ms)),
    peakRssMiB: Math.max(...runs.map((run) => run.peakRssMiB)),
    failed: runs.reduce((sum, run) => sum + failures(run), 0),
  };
}

function failures(run: Measurement): number {
  const non2xx = Object.entries(run.statusCounts)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return non2xx + run.transportErrors;
}

function cells(values: (string | number)[], widths: number[]): string {
  return values
    .map((value, index) => {
      const text = String(value);
      return index === 0 ? text.padEnd(widths[index]) : text.padStart(widths[index]);
    })
    .join('  ');
}

const COMPARISON_WIDTHS = [18, 5, 9, 9, 6, 8, 8, 8, 8, 6, 7, 7, 6, 4];

/** Formats the ratio table: per query and connection count, ours against the baseline. */
export function comparisonTable(rows: ComparisonRow[]): string {
  const header = cells(
    ['query', 'conn', 'req/s', 'base', 'ratio', 'p50 ms', 'base', 'p99 ms', 'base', 'ratio'],
    COMPARISON_WIDTHS,
  );
  const lines = [
    `${header}  ${cells(['RSS MiB', 'base', 'goal', 'err'], COMPARISON_WIDTHS.slice(-4))}`,
  ];
  for (const row of rows) {
    const ours = combine(row.graphql);
    const base = combine(row.baseline);
    const throughput = ours.requestsPerSecond / base.requestsPerSecond;
    const tail = ours.p99Ms / base.p99Ms;
    const goal =
      row.connections !== GOAL_CONNECTIONS
        ? '-'
        : throughput >= MIN_THROUGHPUT_RATIO && tail <= MAX_P99_RATIO
          ? 'met'
          : 'MISSED';
    lines.push(
      cells(
        [
          row.query,
          row.connections,
          ours.requestsPerSecond.toFixed(1),
          base.requestsPerSecond.toFixed(1),
          throughput.toFixed(2),
          ours.p50Ms.toFixed(1),
          base.p50Ms.toFixed(1),
          ours.p99Ms.toFixed(1),
          base.p99Ms.toFixed(1),
          tail.toFixed(2),
          ours.peakRssMiB.toFixed(0),
          base.peakRssMiB.toFixed(0),
          goal,
          ours.failed + base.failed,
        ],
        COMPARISON_WIDTHS,
      ),
    );
  }
  return lines.join('\n');
}

const SINGLE_WIDTHS = [18, 5, 9, 8, 8, 8, 6];

/** Formats runs of the GraphQL server that have no baseline. */
export function singleTable(rows: { name: string; connections: number; run: Measurement }[]) {
  const lines = [
    cells(['query', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'RSS MiB', 'err'], SINGLE_WIDTHS),
  ];
  for (const { name, connections, run } of rows) {
    lines.push(
      cells(
        [
          name,
          connections,
          run.requestsPerSecond.toFixed(1),
          run.p50Ms.toFixed(1),
          run.p99Ms.toFixed(1),
          run.peakRssMiB.toFixed(0),
          failures(run),
        ],
        SINGLE_WIDTHS,
      ),
    );
  }
  return lines.join('\n');
}

/** Describes what happened to the submissions of each write-mix run. */
export function writeMixSummary(results: WriteMixResult[]): string {
  return results
    .map((result) => {
      const rejected = Object.entries(result.rejected)
        .map(([code, count]) => `${code} ${count}`)
        .join(', ');
      return (
        `write mix at ${result.connections} connections: ${result.submitted} submissions, ` +
        `${result.stored} stored, rejected: ${rejected || 'none'}`
      );
    })
    .join('\n');
}

/** Describes the overload run. */
export function overloadSummary(result: OverloadResult): string {
  const statuses = Object.entries(result.measurement.statusCounts)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  const codes = Object.entries(result.errorCodes)
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ');
  return [
    `pool ${result.poolSize} connections, queue limit ${result.queueLimit}, ` +
      `acquire timeout ${result.acquireTimeoutMs} ms, ${result.connections} HTTP connections`,
    `  ${result.measurement.requests} responses, ${result.measurement.requestsPerSecond.toFixed(1)} req/s, ` +
      `p50 ${result.measurement.p50Ms.toFixed(1)} ms, p99 ${result.measurement.p99Ms.toFixed(1)} ms, ` +
      `peak RSS ${result.measurement.peakRssMiB.toFixed(0)} MiB`,
    `  statuses: ${statuses}; error codes: ${codes || 'none'}; ` +
      `slowest failure ${result.slowestFailureMs} ms; transport errors ${result.measurement.transportErrors}`,
  ].join('\n');
}
