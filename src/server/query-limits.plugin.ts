import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { QueryLimits } from '../config/config';
import type { GraphQLContext } from '../schema/context';
import { countOperations, measureOperation } from './document-shape';

/** Error codes of documents rejected by a query limit; each is sent with HTTP status 400. */
export enum QueryLimitCode {
  TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

/**
 * Maximum AST nodes the cost estimate visits. graphql-query-complexity (1.x) expands every
 * fragment spread anew, so fragments that spread each other twice per level would take
 * exponential time. Past this many nodes the estimate stops and the document is too complex.
 */
const MAX_COST_NODES = 10000;

/**
 * Rejects hostile documents after validation and before execution: too many operations in one
 * document, nesting deeper than allowed, one field selected too often in one selection set,
 * and an estimated cost above the limit. Cost comes from the `complexity` of schema fields
 * (connection fields multiply their selection by the page size) and 1 for every other field.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          checkOperationCount(document, limits);
          if (operation) {
            checkShape(document, operation, limits);
          }
          checkCost(schema, document, operationName ?? undefined, request.variables, limits);
        },
      };
    },
  };
}

function checkOperationCount(document: DocumentNode, limits: QueryLimits): void {
  const operations = countOperations(document);
  if (operations > limits.maxOperations) {
    throw limitError(
      QueryLimitCode.TOO_MANY_OPERATIONS,
      `The document defines ${operations} operations; the limit is ${limits.maxOperations}. ` +
        'Send only the operations you need, one request each.',
    );
  }
}

function checkShape(
  document: DocumentNode,
  operation: Parameters<typeof measureOperation>[1],
  limits: QueryLimits,
): void {
  const shape = measureOperation(document, operation);
  if (shape.depth > limits.maxDepth) {
    throw limitError(
      QueryLimitCode.QUERY_TOO_DEEP,
      `The operation nests fields ${shape.depth} levels deep; the limit is ${limits.maxDepth}. ` +
        'Fetch deeper objects with a second query by ID.',
    );
  }
  const { field, count } = shape.mostRepeated;
  if (count > limits.maxAliases) {
    throw limitError(
      QueryLimitCode.TOO_MANY_ALIASES,
      `Field "${field}" is selected ${count} times in one selection set; the limit is ` +
        `${limits.maxAliases}. Use a list field or split the request.`,
    );
  }
}

function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch (error) {
    if (!(error instanceof GraphQLError)) {
      throw error;
    }
    if (!/maximum allowed number of nodes/.test(error.message)) {
      // Variables that do not fit their types stop the estimate. Execution rejects the same
      // variables with BAD_USER_INPUT before any resolver runs, so nothing costly can follow.
      return;
    }
    cost = Infinity;
  }
  if (cost > limits.maxCost) {
    const estimate = Number.isFinite(cost) ? String(cost) : `over ${MAX_COST_NODES} fields`;
    throw limitError(
      QueryLimitCode.QUERY_TOO_COMPLEX,
      `The operation's estimated cost is ${estimate}; the limit is ${limits.maxCost}. ` +
        'Request smaller pages with first or last, or fewer nested lists.',
    );
  }
}

function limitError(code: QueryLimitCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
