import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import type { StaticAsset } from '../ide/ide-assets';
import type { GraphQLContext } from '../schema/context';
import { runWithRequestContext } from '../logging/request-context';
import type { Logger } from '../logging/logger';
import { applyCors } from './cors';
import { responseStatus } from './response-status';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 100 * 1024;
/** Path of the GraphQL endpoint; `/` serves it too. */
export const GRAPHQL_PATH = '/graphql';
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** Readiness of the server's dependencies, as /ready reports it. */
export type ReadinessCheck = () => Promise<{ ready: boolean; detail: string }>;

/** Builds the per-request GraphQL context. */
export type ContextFactory = (
  request: IncomingMessage,
  requestId: string,
) => Promise<GraphQLContext>;

/** Prometheus text exposition of the server's metrics. */
export type MetricsSource = () => Promise<{ contentType: string; body: string }>;

/** Dependencies of the HTTP handler. */
export interface HttpHandlerOptions {
  apollo: ApolloServer<GraphQLContext>;
  createContext: ContextFactory;
  readiness: ReadinessCheck;
  /** Files sent as they are on GET, by URL path, such as the GraphQL IDE's scripts. */
  assets: ReadonlyMap<string, StaticAsset>;
  log: Logger;
  /** Serves /metrics when given; without it /metrics is 404 like any unknown path. */
  metrics?: MetricsSource;
  /** Origins allowed to call the API from a browser page on another origin. */
  corsOrigins: readonly string[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Returns the node:http request listener: GraphQL at /graphql through Apollo Server, process
 * liveness at /health, database readiness at /ready, Prometheus metrics at /metrics (when
 * enabled), and 404 elsewhere. Every response carries an x-request-id header; a well-formed
 * one sent by the client is reused. Cross-origin requests get CORS headers only for the
 * configured origins.
 */
export function createHttpHandler(options: HttpHandlerOptions) {
  const corsOrigins = new Set(options.corsOrigins);
  return (request: IncomingMessage, response: ServerResponse): void => {
    // While the server stops, it ends idle keep-alive connections. A request already on its
    // way over such a connection can get no response, and running it could commit a change
    // the client never hears of, so it is dropped unprocessed and the client can retry it.
    if (request.socket.writableEnded) {
      request.socket.destroy();
      return;
    }
    const requestId = readRequestId(request);
    response.setHeader('x-request-id', requestId);
    if (applyCors(request, response, corsOrigins)) {
      return;
    }
    runWithRequestContext(requestId, () => {
      route(options, request, response, requestId).catch((error: unknown) => {
        options.log.error({ err: error, requestId }, 'request handler failed');
        if (!response.headersSent) {
          sendJson(response, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
        } else {
          response.destroy();
        }
      });
    });
  };
}

async function route(
  options: HttpHandlerOptions,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') {
    sendJson(response, 200, { status: 'ok' });
    return;
  }
  if (url.pathname === '/ready') {
    const { ready, detail } = await options.readiness();
    sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', detail });
    return;
  }
  if (url.pathname === '/metrics' && options.metrics) {
    const { contentType, body } = await options.metrics();
    response.statusCode = 200;
    response.setHeader('content-type', contentType);
    response.end(body);
    return;
  }
  const asset = options.assets.get(url.pathname);
  if (asset && (request.method === 'GET' || request.method === 'HEAD')) {
    sendAsset(response, asset);
    return;
  }
  if (url.pathname !== GRAPHQL_PATH && url.pathname !== '/') {
    sendJson(
      response,
      404,
      errorBody('NOT_FOUND', `No route for ${url.pathname}; use ${GRAPHQL_PATH}`),
    );
    return;
  }

  let body: unknown;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof HttpError) {
      options.log.info(
        { requestId, status: error.status, reason: error.message },
        'request rejected',
      );
      sendJson(response, error.status, errorBody(error.code, error.message));
      return;
    }
    throw error;
  }

  const graphqlRequest: HTTPGraphQLRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    headers: toHeaderMap(request),
    search: url.search,
    body,
  };
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: graphqlRequest,
    context: () => options.createContext(request, requestId),
  });

  for (const [name, value] of result.headers) {
    response.setHeader(name, value);
  }
  // Responses depend on the caller's token and change with every mutation, so no cache between
  // the client and the server may store them.
  response.setHeader('cache-control', 'no-store');
  response.statusCode = responseStatus(result);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) {
    response.write(chunk);
  }
  response.end();
}

/**
 * Reads the request body up to `maxBytes`. JSON bodies are parsed; any other body is passed
 * on as text for Apollo Server to reject with its own message.
 */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    request.resume();
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBytes} bytes`);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      request.resume();
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') {
    return undefined;
  }

  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return text;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  return headers;
}

function readRequestId(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID_PATTERN.test(sent) ? sent : randomUUID();
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendAsset(response: ServerResponse, asset: StaticAsset): void {
  response.statusCode = 200;
  response.setHeader('content-type', asset.contentType);
  // The files change only with a new package version, which comes with a restart.
  response.setHeader('cache-control', 'public, max-age=3600');
  response.end(asset.body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
