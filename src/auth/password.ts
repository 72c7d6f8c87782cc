import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Length of a new password in UTF-16 code units, as JavaScript counts a string's length. The
 * createUser, changePassword and resetUserPassword mutations, the user:create and
 * user:set-password commands and the DEMO_PASSWORD setting apply it.
 */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

/** PASSWORD_LENGTH as text for help and descriptions, such as "10-200". */
export const PASSWORD_RANGE = `${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max}`;

/** scrypt cost parameters: N = 2^15 with r = 8 needs 32 MiB and about 50 ms per hash. */
const COST = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Whether two passwords hash alike: equal after the NFKC normalisation that hashing applies. */
export function isSamePassword(first: string, second: string): boolean {
  return first.normalize('NFKC') === second.normalize('NFKC');
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` with a random 16-byte salt (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/**
 * Checks a password against a stored hash in constant time. Returns false for a wrong password
 * and for a stored value that is not a hash this module wrote.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return false;
  }
  const [, n, r, p, saltText, keyText] = parts;
  const expected = Buffer.from(keyText, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
  const actual = await deriveKey(password, Buffer.from(saltText, 'base64'), options);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let unknownUserHash: Promise<string> | null = null;

/**
 * Returns a hash of a random password. Login checks against it when a username is unknown, so
 * that the response time does not reveal whether the user exists.
 */
export function hashForUnknownUser(): Promise<string> {
  unknownUserHash ??= hashPassword(randomBytes(16).toString('hex'));
  return unknownUserHash;
}
