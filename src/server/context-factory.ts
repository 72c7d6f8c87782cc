import type { IncomingMessage } from 'node:http';
import { type DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { readBearerToken, verifyToken } from '../auth/token';
import type { AppConfig } from '../config/config';
import { databaseUnavailableError, isDatabaseUnavailable } from '../database/database-errors';
import { UnauthenticatedError } from '../errors/app-errors';
import { ReadSource } from '../database/read-source';
import { createLoaders } from '../loaders';
import type { Logger } from '../logging/logger';
import type { GraphQLContext } from '../schema/context';
import type { Services } from '../services';
import { clientAddressOf } from './client-address';

/**
 * Returns the function that builds each request's context: the actor behind the bearer token,
 * fresh DataLoaders and a logger bound to the request id. A missing token gives an anonymous
 * context; a bad one is remembered and raised only where a signed-in user is needed, so that
 * `login` still works with a stale token in the header.
 */
export function createContextFactory(
  dataSource: DataSource,
  services: Services,
  config: AppConfig,
  log: Logger,
) {
  const tokens = { secret: config.jwtSecret, ttlSeconds: config.tokenTtlSeconds };
  return async (request: IncomingMessage, requestId: string): Promise<GraphQLContext> => {
    let actor: Actor | null = null;
    let authError: UnauthenticatedError | null = null;
    try {
      const token = readBearerToken(request.headers.authorization);
      if (token) {
        const claims = verifyToken(token, tokens);
        actor = await services.users.loadActor(claims.userId, claims.issuedAt);
      }
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        throw databaseUnavailableError();
      }
      if (!(error instanceof UnauthenticatedError)) {
        throw error;
      }
      // The token itself is never logged; the reason is enough to explain a 401 in the logs.
      log.info({ requestId, reason: error.message }, 'bearer token rejected');
      authError = error;
    }

    return {
      requestId,
      clientAddress: clientAddressOf(request, config.http.trustProxy),
      actor,
      authError,
      loaders: createLoaders(new ReadSource(dataSource), services.scores),
      services,
      config,
      log: log.child({ requestId, userId: actor?.id }),
    };
  };
}
