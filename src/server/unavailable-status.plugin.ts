import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, SERVICE_RETRY_AFTER_SECONDS } from '../errors/app-errors';
import type { GraphQLContext } from '../schema/context';

/**
 * Sends HTTP status 503 with a Retry-After header when an operation failed because the
 * database was unavailable, so load balancers and clients can tell an outage from a bad
 * request. Data resolved before the failure is still in the body.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') {
            return;
          }
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(SERVICE_RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
