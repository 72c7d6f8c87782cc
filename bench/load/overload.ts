import { drive, type Measurement } from './drive';
import { startGraphqlServer } from './servers';

/** Pool settings of the overload run and what the server answered under it. */
export interface OverloadResult {
  poolSize: number;
  queueLimit: number;
  acquireTimeoutMs: number;
  connections: number;
  measurement: Measurement;
  /** extensions.code of the first error of each failed response, with counts. */
  errorCodes: Record<string, number>;
  /** Longest response time of a failed request, in milliseconds. */
  slowestFailureMs: number;
}

const POOL_SIZE = 10;
const QUEUE_LIMIT = 10;
const ACQUIRE_TIMEOUT_MS = 2000;

/**
 * Starts a GraphQL server whose pool allows POOL_SIZE connections with a short wait queue and
 * drives one read query at four times as many concurrent HTTP connections. Records statuses,
 * error codes and how long failures took, to show whether overload fails fast and clearly.
 */
export async function runOverload(
  environment: Record<string, string>,
  request: { body: string; token: string },
  seconds: number,
): Promise<OverloadResult> {
  const server = await startGraphqlServer({
    ...environment,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    DATABASE_POOL_QUEUE_LIMIT: String(QUEUE_LIMIT),
    DATABASE_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_TIMEOUT_MS),
  });
  const errorCodes: Record<string, number> = {};
  let slowestFailureMs = 0;
  const sentAt = new WeakMap<object, number>();
  try {
    const measurement = await drive(server, {
      connections: POOL_SIZE * 4,
      seconds,
      headers: {},
      requests: [
        {
          method: 'POST',
          setupRequest: (prepared, context) => {
            sentAt.set(context, Date.now());
            return {
              ...prepared,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${request.token}`,
              },
              body: request.body,
            };
          },
          onResponse: (status, body, context) => {
            if (status === 200 && !body.includes('"errors"')) {
              return;
            }
            const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? `HTTP_${status}`;
            errorCodes[code] = (errorCodes[code] ?? 0) + 1;
            slowestFailureMs = Math.max(slowestFailureMs, Date.now() - (sentAt.get(context) ?? 0));
          },
        },
      ],
    });
    return {
      poolSize: POOL_SIZE,
      queueLimit: QUEUE_LIMIT,
      acquireTimeoutMs: ACQUIRE_TIMEOUT_MS,
      connections: POOL_SIZE * 4,
      measurement,
      errorCodes,
      slowestFailureMs,
    };
  } finally {
    await server.stop();
  }
}
