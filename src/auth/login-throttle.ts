import type { LoginThrottleSettings } from '../config/config';
import {
  IncorrectPasswordError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../errors/app-errors';

/** Keys a sign-in attempt is counted under. */
export interface LoginAttemptKey {
  username: string;
  clientAddress: string;
}

/**
 * Most usernames or addresses each counter tracks; the oldest is forgotten beyond it.
 * NOTE: a client that fails with more distinct usernames than this can push a username's
 * counter out; the per-address counter still slows that client down.
 */
const MAX_TRACKED_KEYS = 50000;

/**
 * Slows down password guessing. Failed sign-ins are counted per username and per client
 * address. Past the free attempts, each further attempt must wait a delay after the last
 * failure, and the delay doubles with every failure up to a maximum. An attempt made too early
 * is rejected without checking the password, so guesses made during the delay cannot succeed.
 *
 * Unknown usernames are counted exactly like existing ones, so the answer never tells whether
 * a user exists. Counters live in this process only: each server replica keeps its own, so N
 * replicas behind a load balancer allow up to N times the attempts.
 */
export class LoginThrottle {
  private readonly usernames: FailureCounter;
  private readonly addresses: FailureCounter;

  constructor(
    settings: LoginThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.usernames = new FailureCounter(settings.usernameFreeAttempts, settings);
    this.addresses = new FailureCounter(settings.addressFreeAttempts, settings);
  }

  /**
   * Runs one sign-in attempt, or throws TooManyRequestsError while the username or the address
   * must wait. The attempt counts as a failure from its start, so parallel guesses cannot all
   * slip through before the first one fails. Success clears the username's failures and takes
   * back this attempt. An error other than a wrong password (UnauthenticatedError or
   * IncorrectPasswordError), such as a database outage, takes back this attempt only.
   */
  async attempt<T>(key: LoginAttemptKey, signIn: () => Promise<T>): Promise<T> {
    const username = normaliseUsername(key.username);
    const startedAt = this.now();
    const waitMs = Math.max(
      this.usernames.waitMs(username, startedAt),
      this.addresses.waitMs(key.clientAddress, startedAt),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      const unit = seconds === 1 ? 'second' : 'seconds';
      throw new TooManyRequestsError(
        `Too many failed sign-in attempts for this username or from this address; try again ` +
          `in ${seconds} ${unit}`,
        seconds,
      );
    }

    this.usernames.recordFailure(username, startedAt);
    this.addresses.recordFailure(key.clientAddress, startedAt);
    try {
      const result = await signIn();
      this.usernames.clear(username);
      this.addresses.takeBack(key.clientAddress);
      return result;
    } catch (error) {
      if (isWrongPassword(error)) {
        // The delay runs from the moment the failure is known, however long the check took.
        const failedAt = this.now();
        this.usernames.touch(username, failedAt);
        this.addresses.touch(key.clientAddress, failedAt);
      } else {
        this.usernames.takeBack(username);
        this.addresses.takeBack(key.clientAddress);
      }
      throw error;
    }
  }
}

/**
 * Whether an attempt failed on its password: a failed sign-in, or a wrong current password when
 * a signed-in user changes it.
 */
function isWrongPassword(error: unknown): boolean {
  return error instanceof UnauthenticatedError || error instanceof IncorrectPasswordError;
}

/** Usernames differing only in case or surrounding spaces share one counter. */
function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

interface FailureEntry {
  failures: number;
  lastFailureAt: number;
}

/** Failure counts by key, oldest update first, forgotten after the settings' window. */
class FailureCounter {
  private readonly entries = new Map<string, FailureEntry>();

  constructor(
    private readonly freeAttempts: number,
    private readonly settings: LoginThrottleSettings,
  ) {}

  /** Milliseconds until the next attempt for `key` is allowed; 0 when it is allowed now. */
  waitMs(key: string, now: number): number {
    const entry = this.current(key, now);
    if (!entry || entry.failures < this.freeAttempts) {
      return 0;
    }
    const doublings = entry.failures - this.freeAttempts;
    const delay = Math.min(this.settings.maxDelayMs, this.settings.baseDelayMs * 2 ** doublings);
    return Math.max(0, entry.lastFailureAt + delay - now);
  }

  recordFailure(key: string, now: number): void {
    const entry = this.current(key, now) ?? { failures: 0, lastFailureAt: now };
    entry.failures += 1;
    entry.lastFailureAt = now;
    // Re-inserting keeps the map ordered by last update, so the first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_TRACKED_KEYS) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Moves the last failure of `key` to `now`. */
  touch(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.lastFailureAt = Math.max(entry.lastFailureAt, now);
    }
  }

  /** Removes one failure recorded for an attempt that did not fail on its credentials. */
  takeBack(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) {
      return;
    }
    entry.failures -= 1;
    if (entry.failures <= 0) {
      this.entries.delete(key);
    }
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string, now: number): FailureEntry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt > this.settings.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
