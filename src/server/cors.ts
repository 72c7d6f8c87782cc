import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a browser on an allowed origin may send. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
].join(', ');
/** Response headers a browser on an allowed origin may read. */
const EXPOSED_HEADERS = 'x-request-id, retry-after';
/** How long a browser may cache a preflight response, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Applies the CORS allowlist. A request from an allowed origin gets Access-Control-Allow-Origin
 * naming that origin. Any other origin gets no CORS headers, so the browser withholds the
 * response from the page. Preflight requests end here with 204 for an allowed origin and 403
 * for any other. Returns true when the response has been sent.
 *
 * Bearer tokens travel in the Authorization header, not in cookies, so credentials are never
 * allowed cross-origin.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    return false;
  }
  response.setHeader('vary', 'Origin');
  const allowed = allowedOrigins.has(origin);
  if (allowed) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }

  const preflight =
    request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  if (!preflight) {
    return false;
  }
  if (!allowed) {
    response.statusCode = 403;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(
      JSON.stringify({
        errors: [
          {
            message: `Origin ${origin} may not call this API: add it to CORS_ORIGINS to allow it`,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      }),
    );
    return true;
  }
  response.statusCode = 204;
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  response.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  response.end();
  return true;
}
