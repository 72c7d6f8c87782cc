import type { ApolloServerPlugin } from '@apollo/server';
import { currentRequestContext } from '../logging/request-context';
import type { Metrics } from '../metrics/metrics';
import type { GraphQLContext } from '../schema/context';

/** Records every GraphQL request in the metrics: operation, outcome, latency, SQL statements. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const context = currentRequestContext();
          const total = context?.queryCount ?? 0;
          const onReplicas = context?.replicaQueryCount ?? 0;
          const body = response.body;
          metrics.recordRequest({
            operationName: operationName ?? null,
            outcome: body.kind === 'single' ? outcomeOf(body.singleResult) : 'OK',
            durationSeconds: (performance.now() - startedAt) / 1000,
            statementsOnPrimary: total - onReplicas,
            statementsOnReplicas: onReplicas,
          });
        },
      };
    },
  };
}

/**
 * Returns the first error's code, else "USER_ERROR" when a top-level payload carries user
 * errors, else "OK".
 */
function outcomeOf(result: { data?: unknown; errors?: readonly { extensions?: unknown }[] }) {
  const firstError = result.errors?.[0];
  if (firstError) {
    const extensions = firstError.extensions as { code?: unknown } | undefined;
    return typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  }
  const payloads = Object.values((result.data ?? {}) as Record<string, unknown>);
  const rejected = payloads.some((payload) => {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    return Array.isArray(userErrors) && userErrors.length > 0;
  });
  return rejected ? 'USER_ERROR' : 'OK';
}
