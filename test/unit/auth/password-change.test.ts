import {
  isIssuedBeforePasswordChange,
  passwordChangedAtFor,
  tokenIssueTime,
} from '../../../src/auth/password-change';

/** A time in the middle of a second, in milliseconds since the epoch. */
const NOW_MS = 1_900_000_000_400;
const NOW = 1_900_000_000;

describe('password change and token issue times', () => {
  test('change stored as next whole second', () => {
    expect(passwordChangedAtFor(null, NOW_MS)).toEqual(new Date((NOW + 1) * 1000));
  });

  test('change on a whole second moves on', () => {
    expect(passwordChangedAtFor(null, NOW * 1000)).toEqual(new Date((NOW + 1) * 1000));
  });

  test('second change in one second moves on', () => {
    const first = passwordChangedAtFor(null, NOW_MS);
    const second = passwordChangedAtFor(first, NOW_MS + 100);
    expect(second).toEqual(new Date((NOW + 2) * 1000));
  });

  test('later change ignores old one', () => {
    const old = new Date((NOW - 500) * 1000);
    expect(passwordChangedAtFor(old, NOW_MS)).toEqual(new Date((NOW + 1) * 1000));
  });

  test('token before change rejected', () => {
    const changedAt = passwordChangedAtFor(null, NOW_MS);
    // A token issued earlier in the same second as the change.
    expect(isIssuedBeforePasswordChange(NOW, changedAt)).toBe(true);
    expect(isIssuedBeforePasswordChange(NOW - 3600, changedAt)).toBe(true);
  });

  test('token after change accepted', () => {
    const changedAt = passwordChangedAtFor(null, NOW_MS);
    const issuedAt = tokenIssueTime(changedAt, NOW_MS + 1);
    expect(issuedAt).toBe(NOW + 1);
    expect(isIssuedBeforePasswordChange(issuedAt, changedAt)).toBe(false);
  });

  test('issue time is now once change passed', () => {
    const changedAt = passwordChangedAtFor(null, NOW_MS);
    expect(tokenIssueTime(changedAt, NOW_MS + 5000)).toBe(NOW + 5);
  });

  test('unchanged password accepts every token', () => {
    expect(tokenIssueTime(null, NOW_MS)).toBe(NOW);
    expect(isIssuedBeforePasswordChange(0, null)).toBe(false);
  });

  test('change time between seconds handled', () => {
    // A value not on a whole second, as a manual update could store.
    const changedAt = new Date(NOW_MS);
    expect(isIssuedBeforePasswordChange(NOW, changedAt)).toBe(true);
    expect(tokenIssueTime(changedAt, NOW_MS)).toBe(NOW + 1);
    expect(passwordChangedAtFor(changedAt, NOW_MS)).toEqual(new Date((NOW + 2) * 1000));
  });
});
