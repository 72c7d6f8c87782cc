import type { Actor } from '../auth/actor';
import type { AppConfig } from '../config/config';
import { UnauthenticatedError } from '../errors/app-errors';
import type { Loaders } from '../loaders';
import type { Logger } from '../logging/logger';
import type { Services } from '../services';

/** Per-request context handed to every resolver. */
export interface GraphQLContext {
  requestId: string;
  /** Network address of the client, as login throttling counts it. */
  clientAddress: string;
  /** Signed-in user, or null for an anonymous request or a rejected token. */
  actor: Actor | null;
  /** Why the bearer token was rejected; raised when a signed-in field is asked for. */
  authError: UnauthenticatedError | null;
  loaders: Loaders;
  services: Services;
  config: AppConfig;
  log: Logger;
}

/** Returns the signed-in actor or throws UNAUTHENTICATED. */
export function requireActor(context: GraphQLContext): Actor {
  if (context.authError) {
    throw context.authError;
  }
  if (!context.actor) {
    throw new UnauthenticatedError(
      'Sign in first: call login and send the token as "Authorization: Bearer <token>"',
    );
  }
  return context.actor;
}
