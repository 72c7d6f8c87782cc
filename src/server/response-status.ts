import type { HTTPGraphQLResponse } from '@apollo/server';

/**
 * Error codes of GraphQL request errors: the document did not parse or validate, or the
 * variables did not match their types. Apollo Server raises these before execution.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

/**
 * Returns the HTTP status for Apollo Server's response. For a well-formed request answered as
 * `application/json`, the GraphQL over HTTP spec recommends 200 even with request errors,
 * because clients of that older media type read a 4xx as "the request never reached GraphQL".
 * Apollo Server 5 sends 400 for request errors whatever the media type, so this returns 200
 * there. Answers as `application/graphql-response+json` keep Apollo's 4xx, as the spec asks.
 */
export function responseStatus(response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  const contentType = response.headers.get('content-type') ?? '';
  if (status !== 400 || !/^application\/json\b/i.test(contentType)) {
    return status;
  }
  if (response.body.kind !== 'complete') {
    return status;
  }
  return isRequestError(response.body.string) ? 200 : status;
}

function isRequestError(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  const errors = (parsed as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))
  );
}
