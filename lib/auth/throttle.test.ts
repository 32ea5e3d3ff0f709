import { describe, expect, it } from 'vitest';
import {
  accountThrottleKey,
  clientIpFromHeaders,
  counterAfterFailure,
  ipThrottleKey,
  isLocked,
  lockedUntil,
  shouldLock,
  throttleRulesFrom,
  windowCutoff,
  type ThrottleCounter,
  type ThrottleRule,
} from './throttle';

const rule: ThrottleRule = { threshold: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const t0 = new Date('2026-11-25T10:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

/** Applies `n` failures at the given instants, locking like the store does. */
function fail(times: Date[], start: ThrottleCounter | null = null): { counter: ThrottleCounter | null; locks: number } {
  let counter = start;
  let locks = 0;
  for (const now of times) {
    if (isLocked(counter, now)) continue; // locked attempts are refused without counting
    counter = counterAfterFailure(counter, rule, now);
    if (shouldLock(counter, rule, now)) {
      counter = { failures: 0, windowStartedAt: now, lockedUntil: lockedUntil(rule, now) };
      locks += 1;
    }
  }
  return { counter, locks };
}

describe('throttle rules from configuration', () => {
  const defaults = { AUTH_LOCKOUT_THRESHOLD: 5, AUTH_IP_THRESHOLD: 20, AUTH_LOCKOUT_MINUTES: 15, AUTH_LOCKOUT_WINDOW_MINUTES: 15 };

  it('uses one window and one lock duration for both counters, in milliseconds', () => {
    expect(throttleRulesFrom(defaults)).toEqual({
      account: { threshold: 5, windowMs: 900_000, lockMs: 900_000 },
      ip: { threshold: 20, windowMs: 900_000, lockMs: 900_000 },
    });
  });

  it('accepts fractional minutes (short locks for tests)', () => {
    const rules = throttleRulesFrom({ ...defaults, AUTH_LOCKOUT_MINUTES: 0.1, AUTH_LOCKOUT_WINDOW_MINUTES: 30 });
    expect(rules.account).toEqual({ threshold: 5, windowMs: 1_800_000, lockMs: 6000 });
  });
});

describe('throttle keys', () => {
  it('keys accounts by lower-cased email and clients by address', () => {
    expect(accountThrottleKey('  Ada@Example.COM ')).toBe('email:ada@example.com');
    expect(ipThrottleKey('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(ipThrottleKey(null)).toBe('ip:unknown');
  });
});

describe('counting failures', () => {
  it('starts a window at the first failure and counts within it', () => {
    const first = counterAfterFailure(null, rule, t0);
    expect(first).toEqual({ failures: 1, windowStartedAt: t0, lockedUntil: null });
    const second = counterAfterFailure(first, rule, after(60_000));
    expect(second).toEqual({ failures: 2, windowStartedAt: t0, lockedUntil: null });
  });

  it('starts over once the window has passed', () => {
    const counter: ThrottleCounter = { failures: 4, windowStartedAt: t0, lockedUntil: null };
    expect(counterAfterFailure(counter, rule, after(rule.windowMs - 1)).failures).toBe(5);
    expect(counterAfterFailure(counter, rule, after(rule.windowMs))).toEqual({
      failures: 1,
      windowStartedAt: after(rule.windowMs),
      lockedUntil: null,
    });
    expect(windowCutoff(rule, after(rule.windowMs))).toEqual(t0);
  });

  it('locks at the threshold within the window, not before', () => {
    const four = fail([0, 1, 2, 3].map((i) => after(i * 1000)));
    expect(four.locks).toBe(0);
    expect(isLocked(four.counter, after(4000))).toBe(false);
    const five = fail([0, 1, 2, 3, 4].map((i) => after(i * 1000)));
    expect(five.locks).toBe(1);
    expect(isLocked(five.counter, after(4000))).toBe(true);
    expect(five.counter?.lockedUntil).toEqual(after(4000 + rule.lockMs));
  });

  it('does not lock when the failures are spread over more than one window', () => {
    const spread = fail([0, 1, 2, 3, 4].map((i) => after(i * (rule.windowMs / 4 + 1))));
    expect(spread.locks).toBe(0);
  });

  it('lifts the lock when the lock duration has passed, and counts afresh', () => {
    const locked = fail([0, 1, 2, 3, 4].map((i) => after(i)));
    const until = locked.counter!.lockedUntil!;
    expect(isLocked(locked.counter, new Date(until.getTime() - 1))).toBe(true);
    expect(isLocked(locked.counter, until)).toBe(false);
    const next = counterAfterFailure(locked.counter, rule, until);
    expect(next.failures).toBe(1);
    expect(shouldLock(next, rule, until)).toBe(false);
  });

  it('does not lock a counter that is locked already', () => {
    const counter: ThrottleCounter = { failures: 9, windowStartedAt: t0, lockedUntil: after(60_000) };
    expect(shouldLock(counter, rule, after(1000))).toBe(false);
    expect(shouldLock(counter, rule, after(60_000))).toBe(true);
  });

  it('treats a missing counter as unlocked', () => {
    expect(isLocked(null, t0)).toBe(false);
    expect(isLocked(undefined, t0)).toBe(false);
    expect(isLocked({ failures: 0, windowStartedAt: t0, lockedUntil: null }, t0)).toBe(false);
  });
});

describe('the client address', () => {
  it('takes the first hop of X-Forwarded-For', () => {
    expect(clientIpFromHeaders({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' })).toBe('203.0.113.7');
    expect(clientIpFromHeaders(new Headers({ 'X-Forwarded-For': '198.51.100.2' }))).toBe('198.51.100.2');
  });

  it('falls back to X-Real-IP when X-Forwarded-For is absent or not an address', () => {
    expect(clientIpFromHeaders({ 'x-real-ip': '198.51.100.9' })).toBe('198.51.100.9');
    expect(clientIpFromHeaders({ 'x-forwarded-for': 'garbage', 'x-real-ip': '198.51.100.9' })).toBe('198.51.100.9');
  });

  it('normalises ports, brackets, IPv4-mapped IPv6 and case', () => {
    expect(clientIpFromHeaders({ 'x-forwarded-for': '203.0.113.7:51234' })).toBe('203.0.113.7');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '[2001:DB8::1]:443' })).toBe('2001:db8::1');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '::ffff:127.0.0.1' })).toBe('127.0.0.1');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '::1' })).toBe('::1');
  });

  it('is null when no header holds an address', () => {
    expect(clientIpFromHeaders({})).toBeNull();
    expect(clientIpFromHeaders({ 'x-forwarded-for': 'unknown', 'x-real-ip': '' })).toBeNull();
    expect(clientIpFromHeaders({ 'x-forwarded-for': ['192.0.2.1', '192.0.2.2'] })).toBe('192.0.2.1');
  });
});
