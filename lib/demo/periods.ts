import type { Random } from './random';

/**
 * Assessment history is laid out in rolling quarters counted back from `now` (quarter 0 = the last 91 days), not
 * calendar quarters: an account assessed in quarter 0 is then never stale, and one whose latest is in quarter >= 1
 * always is (older than the 90-day review interval).
 */

export const DAY_MS = 86_400_000;
export const QUARTER_DAYS = 91;

/** Furthest day back (from the end of its quarter) an assessment may fall on: keeps quarter 0 under 90 days. */
export const LAST_DAY_IN_QUARTER = 85;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function daysAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** UTC midnight of the day `date` falls on (for DATE columns). */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * A submission time in quarter `quartersAgo`, during working hours (08:00–18:00 UTC), on a day at least `minDaysBack`
 * (default 1) days before `now`'s day for quarter 0, and never further back than 85 + 91·q days.
 */
export function submittedAtInQuarter(now: Date, quartersAgo: number, random: Random, minDaysBack = 1): Date {
  // minDaysBack lets an archived account's last assessment fall before its archiving (capped to stay in the quarter).
  const earliest = Math.min(Math.max(minDaysBack, 1), LAST_DAY_IN_QUARTER);
  const daysBack = quartersAgo * QUARTER_DAYS + random.int(earliest, LAST_DAY_IN_QUARTER);
  const day = startOfUtcDay(daysBefore(now, daysBack));
  const minuteOfDay = random.int(8 * 60, 18 * 60 - 1);
  return new Date(day.getTime() + minuteOfDay * 60_000 + random.int(0, 59_999));
}
