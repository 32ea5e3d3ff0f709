import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { Prisma } from '@/lib/generated/prisma/client';
import { lockedUntil, shouldLock, windowCutoff, type ThrottleCounter, type ThrottleRule } from './throttle';

/**
 * The auth_throttle table (not tenant data: sign-in happens before any organisation is known, so no RLS). Every
 * write is one atomic statement, so concurrent failed sign-ins each count exactly once and exactly one of them
 * locks. Times come from the caller (the app server's clock), so tests can move through windows.
 */

/** The keys among `keys` that are locked at `now`. */
export async function findLockedKeys(prisma: PrismaClient, keys: readonly string[], now: Date): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    SELECT key FROM auth_throttle WHERE key = ANY(${[...keys]}::text[]) AND locked_until > ${now}::timestamptz`;
  return new Set(rows.map((row) => row.key));
}

export interface FailureOutcome {
  counter: ThrottleCounter;
  /** True for the one failure that locked the counter. */
  lockedNow: boolean;
}

/** Counts one failure against `key` and locks it when the rule says so. */
export async function recordFailure(
  prisma: PrismaClient,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<FailureOutcome> {
  const cutoff = windowCutoff(rule, now);
  // The same arithmetic as counterAfterFailure, in one statement: a window that started at or before the cutoff
  // starts over. Every SET expression reads the row as it was before this statement.
  const [row] = await prisma.$queryRaw<ThrottleCounter[]>`
    INSERT INTO auth_throttle AS t (key, failures, window_started_at, locked_until, updated_at)
    VALUES (${key}, 1, ${now}::timestamptz, NULL, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at <= ${cutoff}::timestamptz THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at <= ${cutoff}::timestamptz
                               THEN ${now}::timestamptz ELSE t.window_started_at END,
      updated_at = ${now}::timestamptz
    RETURNING failures, window_started_at AS "windowStartedAt", locked_until AS "lockedUntil"`;
  if (!row) throw new Error('auth_throttle upsert returned no row');
  if (!shouldLock(row, rule, now)) return { counter: row, lockedNow: false };

  // Only one of several concurrent failures past the threshold finds the counter unlocked here.
  const until = lockedUntil(rule, now);
  const [locked] = await prisma.$queryRaw<ThrottleCounter[]>`
    UPDATE auth_throttle
       SET locked_until = ${until}::timestamptz, failures = 0, window_started_at = ${now}::timestamptz,
           updated_at = ${now}::timestamptz
     WHERE key = ${key} AND failures >= ${rule.threshold}
       AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
    RETURNING failures, window_started_at AS "windowStartedAt", locked_until AS "lockedUntil"`;
  return locked ? { counter: locked, lockedNow: true } : { counter: row, lockedNow: false };
}

/**
 * Counts one attempt against `key` unless it is locked, and locks it with the attempt that reaches the threshold:
 * one atomic statement, so concurrent attempts each get their own count and at most `threshold` of them pass
 * (a check and a count in two statements let a burst through). Returns whether this attempt may proceed; a
 * refused one changes nothing.
 */
export async function countAttemptWithinLimit(prisma: PrismaClient, key: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  const cutoff = windowCutoff(rule, now);
  const until = lockedUntil(rule, now);
  const startsOver = Prisma.sql`t.window_started_at <= ${cutoff}::timestamptz`;
  const count = Prisma.sql`CASE WHEN ${startsOver} THEN 1 ELSE t.failures + 1 END`;
  const rows = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO auth_throttle AS t (key, failures, window_started_at, locked_until, updated_at)
    VALUES (${key}, 1, ${now}::timestamptz, CASE WHEN ${rule.threshold}::int <= 1 THEN ${until}::timestamptz END, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = ${count},
      window_started_at = CASE WHEN ${startsOver} THEN ${now}::timestamptz ELSE t.window_started_at END,
      locked_until = CASE WHEN ${count} >= ${rule.threshold}::int THEN ${until}::timestamptz ELSE t.locked_until END,
      updated_at = ${now}::timestamptz
    WHERE t.locked_until IS NULL OR t.locked_until <= ${now}::timestamptz
    RETURNING failures`;
  return rows.length === 1 && rows[0]!.failures <= rule.threshold;
}

/** Forgets the failures of `key` after a successful sign-in (a lock taken meanwhile stays). */
export async function clearFailures(prisma: PrismaClient, key: string, now: Date): Promise<void> {
  await prisma.$executeRaw`
    DELETE FROM auth_throttle WHERE key = ${key} AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)`;
}

/** Deletes counters idle for longer than `idleMs` and not locked (call occasionally; rows are tiny). */
export async function pruneThrottle(prisma: PrismaClient, now: Date, idleMs: number): Promise<number> {
  const before = new Date(now.getTime() - idleMs);
  return prisma.$executeRaw`
    DELETE FROM auth_throttle
     WHERE updated_at < ${before}::timestamptz AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)`;
}
