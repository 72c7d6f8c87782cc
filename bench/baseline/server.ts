/**
 * Baseline for the benchmark: the `missionAttainment` and `opdRanking` reports served by
 * node:http and mysql2 with hand-written SQL, with no GraphQL, ORM or DataLoader in between.
 * It accepts the same POST body as the GraphQL endpoint but reads only `operationName` and
 * `variables`, and responds with the JSON the GraphQL server returns for the example
 * operations examples/operations/2-attainment-per-mission.graphql and 3-opd-ranking.graphql.
 * Like the server it verifies the bearer token and reads the user row on every request.
 *
 * Environment: DATABASE_URL, JWT_SECRET, PORT (0 picks a free port), DATABASE_POOL_SIZE.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { missionAttainment, opdRanking, PlanNotFoundError } from './reports';

/** Request bodies above this size are rejected, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** A failure sent back as an HTTP status and a GraphQL-style error. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new RequestError(413, 'BAD_REQUEST', 'Request body is too large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function authenticate(pool: Pool, header: string | undefined, secret: KeyObject) {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) {
    throw new RequestError(401, 'UNAUTHENTICATED', 'Sign in first');
  }
  let userId: number;
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'lelang-kinerja' });
    userId = Number((claims as jwt.JwtPayload).sub);
  } catch {
    throw new RequestError(401, 'UNAUTHENTICATED', 'The bearer token is invalid');
  }
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT id FROM app_user WHERE id = ? AND disabled = 0',
    [userId],
  );
  if (rows.length === 0) {
    throw new RequestError(401, 'UNAUTHENTICATED', 'The user is unknown or disabled');
  }
}

/** Decodes a global ID of a plan: base64 of "Plan:<id>". */
function planIdOf(globalId: unknown): number {
  const match = /^Plan:([1-9]\d{0,9})$/.exec(Buffer.from(String(globalId), 'base64').toString());
  if (!match) {
    throw new RequestError(400, 'BAD_USER_INPUT', 'planId is not a plan ID');
  }
  return Number(match[1]);
}

/** Wraps data as GraphQL does, with the newline Apollo Server ends its JSON bodies with. */
function envelope(data: unknown): string {
  return `${JSON.stringify({ data })}\n`;
}

async function answer(pool: Pool, request: IncomingMessage, secret: KeyObject): Promise<string> {
  if (request.method !== 'POST') {
    throw new RequestError(405, 'BAD_REQUEST', 'Use POST');
  }
  const body = JSON.parse(await readBody(request)) as {
    operationName?: string;
    variables?: { planId?: string; year?: number };
  };
  await authenticate(pool, request.headers.authorization, secret);
  const planId = planIdOf(body.variables?.planId);
  const year = Number(body.variables?.year);
  if (body.operationName === 'AttainmentPerMission') {
    return envelope({ missionAttainment: await missionAttainment(pool, planId, year) });
  }
  if (body.operationName === 'OpdRanking') {
    return envelope({ opdRanking: await opdRanking(pool, planId, year) });
  }
  throw new RequestError(400, 'BAD_REQUEST', `Unknown operation ${String(body.operationName)}`);
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function main(): void {
  // A key object made once, because jsonwebtoken tries a string secret as a public key first.
  const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? '', 'utf8'));
  const pool = createPool({
    uri: process.env.DATABASE_URL,
    connectionLimit: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    timezone: 'Z',
  });
  const server = createServer((request, response) => {
    answer(pool, request, secret).then(
      (body) => send(response, 200, body),
      (error: unknown) => {
        const known = error instanceof RequestError ? error : null;
        const status = known?.status ?? (error instanceof PlanNotFoundError ? 200 : 500);
        const code = known?.code ?? (status === 200 ? 'NOT_FOUND' : 'INTERNAL_SERVER_ERROR');
        const message = error instanceof Error ? error.message : String(error);
        if (status === 500) {
          console.error(`request failed: ${error instanceof Error ? error.stack : message}`);
        }
        send(response, status, JSON.stringify({ errors: [{ message, extensions: { code } }] }));
      },
    );
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`baseline listening on http://127.0.0.1:${port}/`);
  });
  const stop = () => {
    server.close();
    void pool.end();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
