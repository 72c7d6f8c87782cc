import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { type Role } from '../entities/enums';
import { UnauthenticatedError } from '../errors/app-errors';

const ALGORITHM = 'HS256';
const ISSUER = 'lelang-kinerja';

/** Claims the server puts in a bearer token. */
export interface TokenClaims {
  userId: number;
  role: Role;
}

/** A signed token with its expiry. */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Signs a bearer token (HS256) for a user, valid for `ttlSeconds`. */
export function issueToken(claims: TokenClaims, secret: string, ttlSeconds: number): IssuedToken {
  const token = jwt.sign({ role: claims.role }, secret, {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    subject: String(claims.userId),
    expiresIn: ttlSeconds,
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
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

/**
 * Verifies a bearer token's signature, algorithm, issuer and expiry and returns its claims.
 * Throws UnauthenticatedError with a reason the client can act on.
 */
export function verifyToken(token: string, secret: string): TokenClaims {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKeyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw new UnauthenticatedError('The bearer token has expired: sign in again with login');
    }
    throw new UnauthenticatedError('The bearer token is invalid: sign in again with login');
  }

  const userId = typeof payload === 'string' ? NaN : Number(payload.sub);
  if (!Number.isInteger(userId)) {
    throw new UnauthenticatedError('The bearer token is invalid: sign in again with login');
  }
  return { userId, role: (payload as jwt.JwtPayload).role as Role };
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
