import { isIP } from 'node:net';

/**
 * Sign-in throttling: the decisions, free of I/O so they are unit-tested (lib/auth/throttle-store.ts holds the
 * SQL, which applies exactly these rules in atomic statements).
 *
 * Two counters take every failed sign-in: one per account ('email:<lower-cased email>', whether or not the
 * account exists, so a lock reveals nothing) and one per client address ('ip:<address>', an IPv6 client's /64:
 * addressGroup). A counter whose
 * failures within its window reach the threshold is locked for the lock duration; while either counter of an
 * attempt is locked, the attempt fails like a wrong password, without counting. A successful sign-in clears the
 * account's counter, never the address's (one valid account must not reset an attacker's budget).
 */

export interface ThrottleRule {
  /** Failures within the window that lock the counter. */
  threshold: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleRules {
  account: ThrottleRule;
  ip: ThrottleRule;
}

/** A counter as stored in auth_throttle. */
export interface ThrottleCounter {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** The rules from lib/env.ts: one window and one lock duration for both counters, thresholds of their own. */
export function throttleRulesFrom(config: {
  AUTH_LOCKOUT_THRESHOLD: number;
  AUTH_IP_THRESHOLD: number;
  AUTH_LOCKOUT_MINUTES: number;
  AUTH_LOCKOUT_WINDOW_MINUTES: number;
}): ThrottleRules {
  const windowMs = Math.round(config.AUTH_LOCKOUT_WINDOW_MINUTES * 60_000);
  const lockMs = Math.round(config.AUTH_LOCKOUT_MINUTES * 60_000);
  return {
    account: { threshold: config.AUTH_LOCKOUT_THRESHOLD, windowMs, lockMs },
    ip: { threshold: config.AUTH_IP_THRESHOLD, windowMs, lockMs },
  };
}

/**
 * Sign-ups per client address: every valid attempt counts (success or not: each costs a password hash and may
 * create an organisation), `threshold` per hour, then the address waits out the rest of an hour.
 */
export function signUpRuleFrom(config: { AUTH_SIGNUP_IP_THRESHOLD: number }): ThrottleRule {
  return { threshold: config.AUTH_SIGNUP_IP_THRESHOLD, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
}

export const signUpThrottleKey = (ip: string | null) => `signup-ip:${ip === null ? 'unknown' : addressGroup(ip)}`;

export const accountThrottleKey = (email: string) => `email:${email.trim().toLowerCase()}`;
/** Clients whose address cannot be read share one counter (see clientIpFromHeaders). */
export const ipThrottleKey = (ip: string | null) => `ip:${ip === null ? 'unknown' : addressGroup(ip)}`;

export function isLocked(counter: ThrottleCounter | null | undefined, now: Date): boolean {
  return counter?.lockedUntil != null && counter.lockedUntil.getTime() > now.getTime();
}

/** A counter whose window started at or before this instant starts over at the next failure. */
export function windowCutoff(rule: ThrottleRule, now: Date): Date {
  return new Date(now.getTime() - rule.windowMs);
}

/** The counter after one more failure (the SQL upsert computes the same in one atomic statement). */
export function counterAfterFailure(counter: ThrottleCounter | null, rule: ThrottleRule, now: Date): ThrottleCounter {
  if (!counter || counter.windowStartedAt.getTime() <= windowCutoff(rule, now).getTime()) {
    return { failures: 1, windowStartedAt: now, lockedUntil: counter?.lockedUntil ?? null };
  }
  return { ...counter, failures: counter.failures + 1 };
}

/** Whether this failure locks the counter: the threshold is reached and it is not locked already. */
export function shouldLock(counter: ThrottleCounter, rule: ThrottleRule, now: Date): boolean {
  return counter.failures >= rule.threshold && !isLocked(counter, now);
}

export function lockedUntil(rule: ThrottleRule, now: Date): Date {
  return new Date(now.getTime() + rule.lockMs);
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  // Repeated header lines are one list in order (RFC 9110): X-Forwarded-For is read from its right end.
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The client's address from the request headers: the address the outermost of `trustedProxyHops` reverse proxies
 * saw, i.e. that many entries from the right end of X-Forwarded-For (each proxy appends the address it received
 * the request from, so entries further left are whatever the client sent); else X-Real-IP; null when neither holds
 * an IP address. With fewer entries than hops, the leftmost one (the request reached a closer proxy directly).
 * X-Real-IP counts only when there is no X-Forwarded-For at all.
 *
 * Trust assumption: `next start` sets X-Forwarded-For to the socket's address only when the request has none, so
 * an app reached directly (no proxy; hops = 1 takes that address) cannot tell a forged header from a real one.
 * Deployed behind N proxies that append to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for, cloud load
 * balancers), set AUTH_TRUSTED_PROXY_HOPS = N. A client that can forge the address can evade the per-address
 * limits, never the per-account one.
 */
export function clientIpFromHeaders(headers: HeaderSource, trustedProxyHops = 1): string | null {
  const forwarded = header(headers, 'x-forwarded-for');
  // A present X-Forwarded-For decides alone: when its trusted entry is no address (a proxy wrote "unknown"),
  // falling back to X-Real-IP would let the client choose again.
  if (forwarded === undefined) return normalizeIp(header(headers, 'x-real-ip'));
  const hops = forwarded.split(',');
  return normalizeIp(hops[Math.max(0, hops.length - Math.max(1, trustedProxyHops))]);
}

/**
 * What a per-address counter counts: an IPv4 address, or an IPv6 address's /64 network — one subscriber usually
 * holds a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function addressGroup(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const groups = ipv6Groups(ip);
  // IPv4 clients seen through IPv6 (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96) count by their IPv4 address:
  // their /64 would put every IPv4 client in one counter.
  const prefix96 = groups.slice(0, 6).join(':');
  if (prefix96 === '0:0:0:0:0:65535' || prefix96 === `${0x64}:${0xff9b}:0:0:0:0`) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (zone id dropped, "::" expanded, a trailing IPv4 split). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function normalizeIp(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value); // [v6]:port
  if (bracketed) value = bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4WithPort) value = v4WithPort[1]!;
  value = value.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value); // IPv4-mapped IPv6
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : null;
}
