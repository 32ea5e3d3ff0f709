import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateWithPassword } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/password';
import type { ThrottleRules } from '@/lib/auth/throttle';
import { findLockedKeys, recordFailure } from '@/lib/auth/throttle-store';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Sign-in throttling on the real auth_throttle table, through the app role, with a clock the test moves. */

let db: TestDatabase;
let passwordHash: string;
const PASSWORD = 'the right passphrase';
const rules: ThrottleRules = {
  account: { threshold: 3, windowMs: 60_000, lockMs: 60_000 },
  ip: { threshold: 6, windowMs: 60_000, lockMs: 60_000 },
};

beforeAll(async () => {
  db = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await db.drop();
});

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function newUser(): Promise<string> {
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  await db.prisma.user.create({ data: { email, name: 'Test User', passwordHash } });
  return email;
}

/** A clock starting now that the test advances. */
function testClock() {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function attempt(email: string, password: string, ip: string | null, clock: { now: () => Date }) {
  const result = await authenticateWithPassword(db.appPrisma, { email, password, ip }, { rules, now: clock.now });
  await result.audit;
  return result.user;
}

describe('sign-in throttling per account', () => {
  it('locks the account after N failures: even the right password fails until the lock lifts', async () => {
    const email = await newUser();
    const clock = testClock();
    expect(await attempt(email, PASSWORD, freshIp(), clock)).not.toBeNull();
    for (let i = 0; i < rules.account.threshold; i++) expect(await attempt(email, 'wrong guess', freshIp(), clock)).toBeNull();

    // Locked for every address, with the right password.
    expect(await attempt(email, PASSWORD, freshIp(), clock)).toBeNull();
    expect(await attempt(email.toUpperCase(), PASSWORD, freshIp(), clock)).toBeNull();
    clock.advance(rules.account.lockMs - 1000);
    expect(await attempt(email, PASSWORD, freshIp(), clock)).toBeNull();

    clock.advance(1000);
    expect(await attempt(email, PASSWORD, freshIp(), clock)).toMatchObject({ email });
  });

  it('locks an unknown email exactly like a known one (a lock reveals nothing)', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const clock = testClock();
    for (let i = 0; i < rules.account.threshold; i++) await attempt(email, 'guess', freshIp(), clock);
    expect(await findLockedKeys(db.appPrisma, [`email:${email}`], clock.now())).toEqual(new Set([`email:${email}`]));
  });

  it('does not lock when the failures are spread over more than one window', async () => {
    const email = await newUser();
    const clock = testClock();
    for (let i = 0; i < rules.account.threshold - 1; i++) await attempt(email, 'wrong', freshIp(), clock);
    clock.advance(rules.account.windowMs);
    for (let i = 0; i < rules.account.threshold - 1; i++) await attempt(email, 'wrong', freshIp(), clock);
    expect(await attempt(email, PASSWORD, freshIp(), clock)).toMatchObject({ email });
  });

  it('resets the account counter on a successful sign-in', async () => {
    const email = await newUser();
    const clock = testClock();
    for (let i = 0; i < rules.account.threshold - 1; i++) await attempt(email, 'wrong', freshIp(), clock);
    expect(await attempt(email, PASSWORD, freshIp(), clock)).not.toBeNull();
    for (let i = 0; i < rules.account.threshold - 1; i++) await attempt(email, 'wrong', freshIp(), clock);
    expect(await attempt(email, PASSWORD, freshIp(), clock)).not.toBeNull();
    const row = await db.prisma.authThrottle.findUnique({ where: { key: `email:${email}` } });
    expect(row).toBeNull();
  });

  it('does not count attempts made while locked, so a lock cannot be prolonged', async () => {
    const email = await newUser();
    const clock = testClock();
    for (let i = 0; i < rules.account.threshold; i++) await attempt(email, 'wrong', freshIp(), clock);
    const locked = await db.prisma.authThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } });
    for (let i = 0; i < 5; i++) await attempt(email, 'wrong', freshIp(), clock);
    expect(await db.prisma.authThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } })).toMatchObject({
      failures: locked.failures,
      lockedUntil: locked.lockedUntil,
    });
  });
});

describe('sign-in throttling per address', () => {
  it('blocks an address after N failures across accounts, for every account, while other addresses work', async () => {
    const ip = freshIp();
    const clock = testClock();
    for (let i = 0; i < rules.ip.threshold; i++) {
      await attempt(`spray-${i}-${randomUUID().slice(0, 6)}@example.com`, 'Winter2026!', ip, clock);
    }
    const victim = await newUser();
    expect(await attempt(victim, PASSWORD, ip, clock)).toBeNull();
    expect(await attempt(victim, PASSWORD, freshIp(), clock)).toMatchObject({ email: victim });

    clock.advance(rules.ip.lockMs);
    expect(await attempt(victim, PASSWORD, ip, clock)).toMatchObject({ email: victim });
  });

  it('is not reset by a successful sign-in (one valid account must not refill an attacker’s budget)', async () => {
    const ip = freshIp();
    const clock = testClock();
    const own = await newUser();
    for (let i = 0; i < rules.ip.threshold - 1; i++) await attempt(`guess-${i}-${randomUUID().slice(0, 6)}@example.com`, 'x', ip, clock);
    expect(await attempt(own, PASSWORD, ip, clock)).not.toBeNull();
    await attempt(`guess-last-${randomUUID().slice(0, 6)}@example.com`, 'x', ip, clock);
    expect(await attempt(own, PASSWORD, ip, clock)).toBeNull();
  });

  it('puts clients without a readable address in one shared bucket', async () => {
    const clock = testClock();
    await attempt(`anon-${randomUUID().slice(0, 6)}@example.com`, 'x', null, clock);
    expect(await db.prisma.authThrottle.findUnique({ where: { key: 'ip:unknown' } })).toMatchObject({ failures: 1 });
  });
});

describe('concurrent failures', () => {
  it('are each counted exactly once (atomic upsert)', async () => {
    const key = `email:concurrent-${randomUUID()}@example.com`;
    const now = new Date();
    const rule = { threshold: 1000, windowMs: 60_000, lockMs: 60_000 };
    await Promise.all(Array.from({ length: 25 }, () => recordFailure(db.appPrisma, key, rule, now)));
    expect(await db.prisma.authThrottle.findUniqueOrThrow({ where: { key } })).toMatchObject({ failures: 25 });
  });

  it('lock the counter exactly once', async () => {
    const key = `email:concurrent-${randomUUID()}@example.com`;
    const now = new Date();
    const rule = { threshold: 5, windowMs: 60_000, lockMs: 60_000 };
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => recordFailure(db.appPrisma, key, rule, now)));
    expect(outcomes.filter((outcome) => outcome.lockedNow)).toHaveLength(1);
    expect(await findLockedKeys(db.appPrisma, [key], now)).toEqual(new Set([key]));
  });

  it('through sign-in: parallel wrong passwords lock the account', async () => {
    const email = await newUser();
    const clock = testClock();
    await Promise.all(Array.from({ length: 8 }, () => attempt(email, 'wrong', freshIp(), clock)));
    expect(await attempt(email, PASSWORD, freshIp(), clock)).toBeNull();
  });
});
