/**
 * Ends the bearer tokens issued before a password change. A token's issue time (iat) has whole
 * seconds, while a change happens at some millisecond of a second, so a user's passwordChangedAt
 * is stored as a whole second after the change. Tokens issued before it are rejected, and a token
 * issued after the change carries that second as its iat until the clock reaches it.
 *
 * NOTE: the server clocks must agree. A replica whose clock runs ahead of the one that stored
 * the change by a second or more issued its earlier tokens with an iat late enough to pass.
 */

/**
 * Returns the passwordChangedAt to store for a change at `nowMs`: the start of the next whole
 * second, and at least one second after `previous`. A token issued after the previous change
 * may carry an iat ahead of the clock, and this change must end that token too.
 */
export function passwordChangedAtFor(previous: Date | null, nowMs: number = Date.now()): Date {
  const nextSecond = Math.floor(nowMs / 1000) + 1;
  const afterPrevious = previous === null ? 0 : Math.ceil(previous.getTime() / 1000) + 1;
  return new Date(Math.max(nextSecond, afterPrevious) * 1000);
}

/**
 * Returns the issue time (iat, seconds since the epoch) for a new token of a user: now, or the
 * first second at or after the user's passwordChangedAt while that lies ahead.
 */
export function tokenIssueTime(passwordChangedAt: Date | null, nowMs: number = Date.now()): number {
  const now = Math.floor(nowMs / 1000);
  if (passwordChangedAt === null) {
    return now;
  }
  return Math.max(now, Math.ceil(passwordChangedAt.getTime() / 1000));
}

/** Whether a token issued at `issuedAt` (seconds since the epoch) predates a password change. */
export function isIssuedBeforePasswordChange(
  issuedAt: number,
  passwordChangedAt: Date | null,
): boolean {
  return passwordChangedAt !== null && issuedAt * 1000 < passwordChangedAt.getTime();
}
