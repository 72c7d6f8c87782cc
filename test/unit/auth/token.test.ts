import jwt from 'jsonwebtoken';
import {
  issueToken,
  TOKEN_CLOCK_SKEW_SECONDS,
  type TokenSettings,
  verifyToken,
} from '../../../src/auth/token';
import { Role } from '../../../src/entities/enums';
import { UnauthenticatedError } from '../../../src/errors/app-errors';

const SETTINGS: TokenSettings = { secret: 'token-test-secret-token-test-secret', ttlSeconds: 3600 };

/** Fixed verification time, in seconds since the epoch. */
const NOW = 1_900_000_000;

/** Signs claims the way the server does, with the payload's own iat and exp, if any. */
function sign(claims: Record<string, unknown>, options: jwt.SignOptions = {}): string {
  return jwt.sign({ role: Role.ADMIN, ...claims }, SETTINGS.secret, {
    algorithm: 'HS256',
    issuer: 'lelang-kinerja',
    subject: '7',
    ...options,
  });
}

/** Returns the message verifyToken rejects the token with, or null when it accepts it. */
function rejectionOf(token: string): string | null {
  try {
    verifyToken(token, SETTINGS, NOW * 1000);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthenticatedError);
    return (error as Error).message;
  }
}

describe('verifyToken', () => {
  test('issued token accepted', () => {
    const before = Math.floor(Date.now() / 1000);
    const { token } = issueToken({ userId: 7, role: Role.ANALYST }, SETTINGS.secret, 3600);
    const claims = verifyToken(token, SETTINGS);
    expect(claims).toEqual({ userId: 7, role: Role.ANALYST, issuedAt: expect.any(Number) });
    expect(claims.issuedAt).toBeGreaterThanOrEqual(before);
    expect(claims.issuedAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  test('given issue time kept', () => {
    const issued = issueToken({ userId: 7, role: Role.ANALYST }, SETTINGS.secret, 3600, NOW + 2);
    expect(issued.expiresAt).toEqual(new Date((NOW + 2 + 3600) * 1000));
    expect(verifyToken(issued.token, SETTINGS, NOW * 1000).issuedAt).toBe(NOW + 2);
    expect(jwt.decode(issued.token)).toMatchObject({ iat: NOW + 2, exp: NOW + 2 + 3600 });
  });

  test('token of full lifetime accepted', () => {
    const token = sign({ iat: NOW - 10, exp: NOW - 10 + SETTINGS.ttlSeconds });
    expect(rejectionOf(token)).toBeNull();
  });

  test('token without exp rejected', () => {
    expect(rejectionOf(sign({ iat: NOW }))).toBe(
      'The bearer token is invalid because it has no expiry (exp): sign in again with login',
    );
  });

  test('token without iat rejected', () => {
    const token = sign({ exp: NOW + 60 }, { noTimestamp: true });
    expect(rejectionOf(token)).toBe(
      'The bearer token is invalid because it has no issue time (iat): sign in again with login',
    );
  });

  test('expiry years ahead rejected', () => {
    const token = sign({ iat: NOW, exp: NOW + 5 * 365 * 86400 });
    expect(rejectionOf(token)).toBe(
      'The bearer token is invalid because its lifetime (exp - iat) of 157680000 seconds ' +
        'exceeds the maximum of 3600: sign in again with login',
    );
  });

  test('lifetime within clock skew accepted', () => {
    const limit = SETTINGS.ttlSeconds + TOKEN_CLOCK_SKEW_SECONDS;
    expect(rejectionOf(sign({ iat: NOW, exp: NOW + limit }))).toBeNull();
    expect(rejectionOf(sign({ iat: NOW, exp: NOW + limit + 1 }))).toContain('lifetime');
  });

  test('issue time in future rejected', () => {
    const ahead = TOKEN_CLOCK_SKEW_SECONDS + 1;
    const token = sign({ iat: NOW + ahead, exp: NOW + ahead + 60 });
    expect(rejectionOf(token)).toBe(
      `The bearer token is invalid because its issue time (iat) is ${ahead} seconds ahead of ` +
        'the server clock: sign in again with login',
    );
  });

  test('issue time within clock skew accepted', () => {
    const ahead = TOKEN_CLOCK_SKEW_SECONDS;
    expect(rejectionOf(sign({ iat: NOW + ahead, exp: NOW + ahead + 60 }))).toBeNull();
  });

  test('expired token rejected', () => {
    expect(rejectionOf(sign({ iat: NOW - 120, exp: NOW - 60 }))).toBe(
      'The bearer token has expired: sign in again with login',
    );
  });

  test.each([
    [
      'another secret',
      () =>
        jwt.sign({ iat: NOW, exp: NOW + 60 }, 'x'.repeat(40), {
          issuer: 'lelang-kinerja',
          subject: '7',
        }),
    ],
    [
      'no subject',
      () => jwt.sign({ iat: NOW, exp: NOW + 60 }, SETTINGS.secret, { issuer: 'lelang-kinerja' }),
    ],
    ['text subject', () => sign({ iat: NOW, exp: NOW + 60 }, { subject: 'admin' })],
  ])('token with %s rejected', (_case, makeToken) => {
    expect(rejectionOf(makeToken())).toBe('The bearer token is invalid: sign in again with login');
  });
});
