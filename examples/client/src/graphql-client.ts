import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error as the server sends it. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** Raised when the response carries errors or no data; `errors` contains what the server sent. */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorBody[]) {
    super(errors.map((error) => error.message).join('; ') || 'The response carried no data');
    this.name = 'GraphQLRequestError';
  }
}

/**
 * Sends one typed operation to the Lelang Kinerja endpoint and returns its data, typed by the
 * document. Throws GraphQLRequestError on GraphQL errors, and an Error on a response that is not JSON.
 */
export async function request<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLErrorBody[] };
  if (body.errors?.length || body.data == null) {
    throw new GraphQLRequestError(body.errors ?? []);
  }
  return body.data;
}
