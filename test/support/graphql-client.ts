/** A GraphQL response as the test sees it: HTTP status, headers and parsed body. */
export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions?: Record<string, any> }[] | undefined;
}

/** Options of one request. */
export interface RequestOptions {
  token?: string | null;
  requestId?: string;
  headers?: Record<string, string>;
}

/** Sends one GraphQL operation over HTTP, as a client would. */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  if (options.requestId) {
    headers['x-request-id'] = options.requestId;
  }
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse['errors'] };
  return {
    status: response.status,
    headers: response.headers,
    data: body.data,
    errors: body.errors,
  };
}

/** Returns the error codes of a response, in order. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}
