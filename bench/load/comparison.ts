import { isDeepStrictEqual } from 'node:util';
import { drive, type Measurement } from './drive';
import { type TargetServer } from './servers';

/** A read benchmark that both servers serve. */
export interface ReadQuery {
  name: string;
  operationName: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Measurements of one read query at one connection count, per server, one per round. */
export interface ComparisonRow {
  query: string;
  connections: number;
  graphql: Measurement[];
  baseline: Measurement[];
}

/** Sends one request, signed in when `token` is given, and returns the status and raw body. */
export async function post(
  url: string,
  body: unknown,
  token: string | null,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

function requestBody(query: ReadQuery) {
  return { operationName: query.operationName, query: query.document, variables: query.variables };
}

/**
 * Sends the query to both servers and throws when the responses differ as JSON values or carry
 * errors. Returns whether the bodies are also equal byte for byte.
 */
export async function assertSameAnswer(
  query: ReadQuery,
  servers: { graphql: TargetServer; baseline: TargetServer },
  token: string,
): Promise<{ byteEqual: boolean; bytes: number }> {
  const ours = await post(servers.graphql.url, requestBody(query), token);
  const theirs = await post(servers.baseline.url, requestBody(query), token);
  const oursJson = JSON.parse(ours.text) as { errors?: unknown; data?: unknown };
  const theirsJson = JSON.parse(theirs.text) as unknown;
  if (ours.status !== 200 || oursJson.errors) {
    throw new Error(`${query.name}: the GraphQL server failed (${ours.status}): ${ours.text}`);
  }
  if (!isDeepStrictEqual(oursJson, theirsJson)) {
    throw new Error(
      `${query.name}: the baseline response differs from the GraphQL response\n` +
        `graphql:  ${ours.text.slice(0, 2000)}\nbaseline: ${theirs.text.slice(0, 2000)}`,
    );
  }
  return { byteEqual: ours.text === theirs.text, bytes: ours.text.length };
}

/**
 * Runs each query at each connection count on both servers, taking turns (graphql, baseline,
 * graphql, baseline, ...) so that noise on the machine hits both about equally.
 */
export async function compareReads(
  queries: ReadQuery[],
  servers: { graphql: TargetServer; baseline: TargetServer },
  settings: { connections: number[]; seconds: number; rounds: number; token: string },
  onRun: (label: string) => void,
): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const connections of settings.connections) {
    for (const query of queries) {
      const row: ComparisonRow = { query: query.name, connections, graphql: [], baseline: [] };
      const plan = {
        connections,
        seconds: settings.seconds,
        headers: { authorization: `Bearer ${settings.token}` },
        body: JSON.stringify(requestBody(query)),
      };
      for (let round = 1; round <= settings.rounds; round++) {
        for (const name of ['graphql', 'baseline'] as const) {
          onRun(`${query.name} at ${connections} connections, round ${round}, ${name}`);
          row[name].push(await drive(servers[name], plan));
        }
      }
      rows.push(row);
    }
  }
  return rows;
}

/** Runs each query briefly on both servers so that JIT warm-up is not measured. */
export async function warmUp(
  queries: ReadQuery[],
  servers: { graphql: TargetServer; baseline: TargetServer },
  token: string,
  seconds: number,
): Promise<void> {
  for (const query of queries) {
    for (const server of [servers.graphql, servers.baseline]) {
      await drive(server, {
        connections: 10,
        seconds,
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(requestBody(query)),
      });
    }
  }
}
