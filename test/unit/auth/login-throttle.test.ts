import { LoginThrottle } from '../../../src/auth/login-throttle';
import type { LoginThrottleSettings } from '../../../src/config/config';
import {
  BusinessRuleError,
  IncorrectPasswordError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../../src/errors/app-errors';

const SETTINGS: LoginThrottleSettings = {
  usernameFreeAttempts: 3,
  addressFreeAttempts: 10,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  windowMs: 60000,
};

/** A throttle on a clock the test moves by hand. */
function throttleAt(start = 1_000_000, settings = SETTINGS) {
  const clock = { now: start };
  const throttle = new LoginThrottle(settings, () => clock.now);
  return { throttle, clock };
}

const fail = () => Promise.reject(new UnauthenticatedError('Invalid username or password'));
const succeed = () => Promise.resolve('token');

/** Runs one attempt and returns its outcome as a label or the throttle's wait in seconds. */
async function attempt(
  throttle: LoginThrottle,
  signIn: () => Promise<string>,
  username = 'admin',
  clientAddress = '10.0.0.1',
): Promise<string | number> {
  try {
    return await throttle.attempt({ username, clientAddress }, signIn);
  } catch (error) {
    if (error instanceof TooManyRequestsError) {
      return error.retryAfterSeconds;
    }
    if (error instanceof UnauthenticatedError) {
      return 'failed';
    }
    throw error;
  }
}

describe('LoginThrottle per username', () => {
  test('free attempts pass, then waits begin', async () => {
    const { throttle } = throttleAt();
    const outcomes = [];
    for (let index = 0; index < 4; index++) {
      outcomes.push(await attempt(throttle, fail));
    }
    expect(outcomes).toEqual(['failed', 'failed', 'failed', 1]);
  });

  test('delay doubles per failure up to maximum', async () => {
    const { throttle, clock } = throttleAt();
    const waits = [];
    for (let failure = 0; failure < 3; failure++) {
      await attempt(throttle, fail);
    }
    for (let round = 0; round < 6; round++) {
      const wait = await attempt(throttle, fail);
      waits.push(wait);
      clock.now += (wait as number) * 1000;
      expect(await attempt(throttle, fail)).toBe('failed');
    }
    expect(waits).toEqual([1, 2, 4, 8, 8, 8]);
  });

  test('throttled attempt skips the password check', async () => {
    const { throttle } = throttleAt();
    for (let failure = 0; failure < 3; failure++) {
      await attempt(throttle, fail);
    }
    const signIn = jest.fn(succeed);
    expect(await attempt(throttle, signIn)).toBe(1);
    expect(signIn).not.toHaveBeenCalled();
  });

  test('success clears the username failures', async () => {
    const { throttle } = throttleAt();
    await attempt(throttle, fail);
    await attempt(throttle, fail);
    expect(await attempt(throttle, succeed)).toBe('token');
    for (let failure = 0; failure < 3; failure++) {
      expect(await attempt(throttle, fail)).toBe('failed');
    }
    expect(await attempt(throttle, fail)).toBe(1);
  });

  test('wrong current password counts as failure', async () => {
    const { throttle } = throttleAt();
    const wrongCurrent = () =>
      Promise.reject(new IncorrectPasswordError('currentPassword is incorrect', 'currentPassword'));
    await expect(attempt(throttle, wrongCurrent)).rejects.toThrow(IncorrectPasswordError);
    await attempt(throttle, fail);
    await attempt(throttle, fail);
    expect(await attempt(throttle, fail)).toBe(1);
  });

  test('other rule errors are taken back', async () => {
    const { throttle } = throttleAt();
    const ruleBroken = () => Promise.reject(new BusinessRuleError('newPassword must differ'));
    for (let index = 0; index < 3; index++) {
      await expect(attempt(throttle, ruleBroken)).rejects.toThrow(BusinessRuleError);
    }
    expect(await attempt(throttle, fail)).toBe('failed');
  });

  test('case and spaces share one counter', async () => {
    const { throttle } = throttleAt();
    await attempt(throttle, fail, 'admin');
    await attempt(throttle, fail, 'ADMIN');
    await attempt(throttle, fail, ' Admin ');
    expect(await attempt(throttle, fail, 'admin')).toBe(1);
  });

  test('other usernames are not delayed', async () => {
    const { throttle } = throttleAt();
    for (let failure = 0; failure < 3; failure++) {
      await attempt(throttle, fail, 'admin');
    }
    expect(await attempt(throttle, fail, 'mayor')).toBe('failed');
  });

  test('failures forgotten after the window', async () => {
    const { throttle, clock } = throttleAt();
    for (let failure = 0; failure < 3; failure++) {
      await attempt(throttle, fail);
    }
    clock.now += SETTINGS.windowMs + 1;
    expect(await attempt(throttle, fail)).toBe('failed');
  });

  test('parallel attempts count from their start', async () => {
    const { throttle } = throttleAt();
    let release: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => (release = resolve));
    const slowFailure = () => pending.then(fail);

    const outcomes = Array.from({ length: 6 }, () => attempt(throttle, slowFailure));
    release();
    expect(await Promise.all(outcomes)).toEqual(['failed', 'failed', 'failed', 1, 1, 1]);
  });

  test('database outage does not count', async () => {
    const { throttle } = throttleAt();
    const outage = () => Promise.reject(new ServiceUnavailableError('database down'));
    for (let index = 0; index < 5; index++) {
      await expect(attempt(throttle, outage)).rejects.toBeInstanceOf(ServiceUnavailableError);
    }
    expect(await attempt(throttle, fail)).toBe('failed');
  });
});

describe('LoginThrottle per address', () => {
  test('failures across usernames add up', async () => {
    const { throttle } = throttleAt();
    for (let index = 0; index < 10; index++) {
      expect(await attempt(throttle, fail, `user${index}`)).toBe('failed');
    }
    expect(await attempt(throttle, fail, 'fresh.user')).toBe(1);
    expect(await attempt(throttle, fail, 'fresh.user', '10.0.0.2')).toBe('failed');
  });

  test('success does not clear address failures', async () => {
    const { throttle } = throttleAt();
    for (let index = 0; index < 9; index++) {
      await attempt(throttle, fail, `user${index}`);
    }
    expect(await attempt(throttle, succeed, 'real.user')).toBe('token');
    expect(await attempt(throttle, fail, 'user.nine')).toBe('failed');
    expect(await attempt(throttle, succeed, 'real.user')).toBe(1);
  });
});
