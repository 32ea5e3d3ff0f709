import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountThrottleKey,
  clientIpFromHeaders,
  counterAfterFailure,
  ipThrottleKey,
  isLocked,
  signUpThrottleKey,
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
  it('takes the address the outermost trusted proxy saw, never one the client wrote before it', () => {
    // One proxy (the default): it appended the address it saw, so the client's own entries come first.
    expect(clientIpFromHeaders({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' })).toBe('10.0.0.1');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 198.51.100.4' })).toBe('198.51.100.4');
    expect(clientIpFromHeaders(new Headers({ 'X-Forwarded-For': '198.51.100.2' }))).toBe('198.51.100.2');
    // CDN + load balancer: the balancer appended the CDN's address after the client's.
    expect(clientIpFromHeaders({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7, 10.0.0.1' }, 2)).toBe('203.0.113.7');
    // Fewer entries than proxies: the request reached a closer proxy directly, which wrote the only entry.
    expect(clientIpFromHeaders({ 'x-forwarded-for': '203.0.113.7' }, 3)).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP only when there is no X-Forwarded-For at all', () => {
    expect(clientIpFromHeaders({ 'x-real-ip': '198.51.100.9' })).toBe('198.51.100.9');
    // The proxy's entry is no address: the client's own X-Real-IP must not decide instead.
    expect(clientIpFromHeaders({ 'x-forwarded-for': '6.6.6.6, unknown', 'x-real-ip': '7.7.7.7' })).toBeNull();
    expect(clientIpFromHeaders({ 'x-forwarded-for': 'garbage', 'x-real-ip': '198.51.100.9' })).toBeNull();
  });

  it('normalises ports, brackets, IPv4-mapped IPv6 and case', () => {
    expect(clientIpFromHeaders({ 'x-forwarded-for': '203.0.113.7:51234' })).toBe('203.0.113.7');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '[2001:DB8::1]:443' })).toBe('2001:db8::1');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '::ffff:127.0.0.1' })).toBe('127.0.0.1');
    expect(clientIpFromHeaders({ 'x-forwarded-for': '::1' })).toBe('::1');
  });

  it('counts an IPv6 client by its /64 network and an IPv4 client by its address', () => {
    expect(ipThrottleKey('2001:db8:aa:bb:1:2:3:4')).toBe('ip:2001:db8:aa:bb::/64');
    expect(ipThrottleKey('2001:db8:aa:bb::99')).toBe(ipThrottleKey('2001:db8:aa:bb:ffff:0:0:1'));
    expect(ipThrottleKey('2001:db8:aa:bc::1')).not.toBe(ipThrottleKey('2001:db8:aa:bb::1'));
    expect(ipThrottleKey('2001:0db8:0000:0000::1')).toBe('ip:2001:db8:0:0::/64');
    expect(ipThrottleKey('::1')).toBe('ip:0:0:0:0::/64');
    expect(ipThrottleKey('fe80::1%eth0')).toBe('ip:fe80:0:0:0::/64');
    // IPv4 clients seen through IPv6 count by their IPv4 address, not all in one /64.
    expect(ipThrottleKey('64:ff9b::192.0.2.1')).toBe('ip:192.0.2.1');
    expect(ipThrottleKey('64:ff9b::c000:202')).toBe('ip:192.0.2.2');
    expect(ipThrottleKey('::ffff:c000:201')).toBe('ip:192.0.2.1');
    expect(ipThrottleKey('::ffff:1.2.3.4%eth0')).toBe('ip:1.2.3.4');
    expect(ipThrottleKey('1:2:3:4:5:6:192.0.2.1')).toBe('ip:1:2:3:4::/64');
    expect(ipThrottleKey('198.51.100.7')).toBe('ip:198.51.100.7');
    expect(signUpThrottleKey('2001:db8:aa:bb::5')).toBe(signUpThrottleKey('2001:db8:aa:bb::6'));
    expect(signUpThrottleKey(null)).toBe('signup-ip:unknown');
  });

  it('groups any IPv6 address written any way by its first 64 bits (property)', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const groups = fc.array(group, { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(groups, groups, fc.integer({ min: 0, max: 7 }), (address, other, zeroRunStart) => {
        // Not the IPv4-carrying prefixes (::ffff:0:0/96, 64:ff9b::/96), which count by the IPv4 address.
        const carriesIpv4 = (g: number[]) => g.slice(0, 5).every((x, i) => x === [0, 0, 0, 0, 0][i]) && g[5] === 0xffff;
        const nat64 = (g: number[]) => g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
        for (const candidate of [address, other, [...address.slice(0, 4), ...other.slice(4)], [...other.slice(0, 4), ...address.slice(4)]]) {
          fc.pre(!carriesIpv4(candidate) && !nat64(candidate));
        }
        const full = address.map((g) => g.toString(16).padStart(4, '0')).join(':');
        // The same address with a run of its groups zeroed, then compressed with "::" as a client may write it.
        const zeroed = address.map((g, i) => (i >= zeroRunStart && i < zeroRunStart + 2 ? 0 : g));
        const compressed = `${zeroed.slice(0, zeroRunStart).map((g) => g.toString(16)).join(':')}::${zeroed.slice(zeroRunStart + 2).map((g) => g.toString(16)).join(':')}`;
        expect(isIP(compressed)).toBe(6);
        const zeroedFull = zeroed.map((g) => g.toString(16)).join(':');
        expect(ipThrottleKey(compressed)).toBe(ipThrottleKey(zeroedFull));
        // Same first 64 bits, any interface id: the same counter; another network: another counter.
        const sameNetwork = [...address.slice(0, 4), ...other.slice(4)].map((g) => g.toString(16)).join(':');
        expect(ipThrottleKey(sameNetwork)).toBe(ipThrottleKey(full));
        const otherNetwork = [...other.slice(0, 4), ...address.slice(4)].map((g) => g.toString(16)).join(':');
        expect(ipThrottleKey(otherNetwork) === ipThrottleKey(full)).toBe(other.slice(0, 4).every((g, i) => g === address[i]));
      }),
    );
  });

  it('is null when no header holds an address', () => {
    expect(clientIpFromHeaders({})).toBeNull();
    expect(clientIpFromHeaders({ 'x-forwarded-for': 'unknown', 'x-real-ip': '' })).toBeNull();
    // Repeated header lines form one list: the proxy's line is the last.
    expect(clientIpFromHeaders({ 'x-forwarded-for': ['6.6.6.6', '192.0.2.2'] })).toBe('192.0.2.2');
  });
});
