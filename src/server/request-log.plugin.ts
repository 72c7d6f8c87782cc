import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logging/logger';
import { currentRequestContext } from '../logging/request-context';
import type { GraphQLContext } from '../schema/context';

/**
 * Logs one line per GraphQL request: request id, operation, user, duration, SQL statements
 * sent (and how many of them read replicas served) and the error codes returned. Never logs
 * variables, which may hold passwords.
 */
export function requestLogPlugin(log: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          log.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              userId: contextValue.actor?.id ?? null,
              durationMs: Math.round(performance.now() - startedAt),
              sqlStatements: currentRequestContext()?.queryCount ?? 0,
              sqlStatementsOnReplicas: currentRequestContext()?.replicaQueryCount ?? 0,
              errorCodes: errors.map((error) => error.extensions?.code ?? 'UNKNOWN'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
