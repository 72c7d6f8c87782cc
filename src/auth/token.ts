import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { type Role } from '../entities/enums';
import { UnauthenticatedError } from '../errors/app-errors';
import { tokenIssueTime } from './password-change';

const ALGORITHM = 'HS256';
const ISSUER = 'lelang-kinerja';

/** Claims the server puts in a bearer token. */
export interface TokenClaims {
  userId: number;
  role: Role;
}

/** Claims of a verified token, with its issue time. */
export interface VerifiedClaims extends TokenClaims {
  /** Issue time (iat) in whole seconds since the epoch. */
  issuedAt: number;
}

/** A signed token with its expiry. */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Signs a bearer token (HS256) for a user, issued at `issuedAt` (seconds since the epoch, by
 * default now) and valid for `ttlSeconds` from then.
 */
export function issueToken(
  claims: TokenClaims,
  secret: string,
  ttlSeconds: number,
  issuedAt: number = Math.floor(Date.now() / 1000),
): IssuedToken {
  const token = jwt.sign({ role: claims.role, iat: issuedAt }, secret, {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    subject: String(claims.userId),
    expiresIn: ttlSeconds,
  });
  return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
}

/**
 * Signs a bearer token for a user with the server's settings. Its issue time is now, or the
 * user's passwordChangedAt while that lies ahead, so the password change does not end it.
 */
export function issueUserToken(
  user: { id: number; role: Role; passwordChangedAt: Date | null },
  settings: TokenSettings,
): IssuedToken {
  return issueToken(
    { userId: user.id, role: user.role },
    settings.secret,
    settings.ttlSeconds,
    tokenIssueTime(user.passwordChangedAt),
  );
}

/** Secret keys by secret text; a process normally uses one JWT secret. */
const secretKeys = new Map<string, KeyObject>();

/**
 * Returns the HMAC key object of a secret, made once. Given the secret as a string,
 * jsonwebtoken (9.x) first tries to parse it as a public key, which throws, and then builds a
 * secret key, on every verification.
 */
function secretKeyOf(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

/** Key and lifetime of the bearer tokens the server issues and accepts. */
export interface TokenSettings {
  secret: string;
  /** Lifetime of an issued token (TOKEN_TTL_SECONDS); accepted tokens may not live longer. */
  ttlSeconds: number;
}

/**
 * Seconds by which a token's issue time (iat) may lie ahead of this server's clock, and by which
 * its lifetime may exceed the configured one, so that replicas whose clocks differ slightly
 * accept each other's tokens.
 */
export const TOKEN_CLOCK_SKEW_SECONDS = 30;

const INVALID_TOKEN = 'The bearer token is invalid: sign in again with login';

/**
 * Verifies a bearer token's signature, algorithm, issuer, expiry and lifetime (see
 * checkLifetime) at `nowMs`, and returns its claims. Throws UnauthenticatedError with a reason
 * the client can act on.
 */
export function verifyToken(
  token: string,
  settings: TokenSettings,
  nowMs: number = Date.now(),
): VerifiedClaims {
  const now = Math.floor(nowMs / 1000);
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKeyOf(settings.secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      clockTimestamp: now,
    });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw new UnauthenticatedError('The bearer token has expired: sign in again with login');
    }
    throw new UnauthenticatedError(INVALID_TOKEN);
  }
  if (typeof payload === 'string') {
    throw new UnauthenticatedError(INVALID_TOKEN);
  }
  const issuedAt = checkLifetime(payload, settings.ttlSeconds, now);

  const userId = Number(payload.sub);
  if (!Number.isInteger(userId)) {
    throw new UnauthenticatedError(INVALID_TOKEN);
  }
  return { userId, role: payload.role as Role, issuedAt };
}

/**
 * Rejects a token without iat or exp, issued more than TOKEN_CLOCK_SKEW_SECONDS in the future,
 * or whose exp - iat exceeds `ttlSeconds` by more than TOKEN_CLOCK_SKEW_SECONDS. Returns iat.
 */
function checkLifetime(payload: jwt.JwtPayload, ttlSeconds: number, now: number): number {
  const { iat, exp } = payload;
  if (typeof exp !== 'number') {
    throw invalidToken('it has no expiry (exp)');
  }
  if (typeof iat !== 'number') {
    throw invalidToken('it has no issue time (iat)');
  }
  if (iat > now + TOKEN_CLOCK_SKEW_SECONDS) {
    throw invalidToken(`its issue time (iat) is ${iat - now} seconds ahead of the server clock`);
  }
  const lifetime = exp - iat;
  if (lifetime > ttlSeconds + TOKEN_CLOCK_SKEW_SECONDS) {
    throw invalidToken(
      `its lifetime (exp - iat) of ${lifetime} seconds exceeds the maximum of ${ttlSeconds}`,
    );
  }
  return iat;
}

function invalidToken(reason: string): UnauthenticatedError {
  return new UnauthenticatedError(
    `The bearer token is invalid because ${reason}: sign in again with login`,
  );
}

/** Extracts the token from an `Authorization: Bearer <token>` header; null when absent. */
export function readBearerToken(header: string | undefined | null): string | null {
  if (!header) {
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new UnauthenticatedError('The Authorization header must have the form "Bearer <token>"');
  }
  return match[1];
}
