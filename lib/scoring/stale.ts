import { ScoringError } from './errors';

const MS_PER_DAY = 86_400_000;

/** Realm-independent (no instanceof), so Dates from another frame or vm context are accepted. */
export function assertValidDate(value: Date, field: string): void {
  if (Object.prototype.toString.call(value) !== '[object Date]' || Number.isNaN(value.getTime())) {
    throw new ScoringError('INVALID_DATE', field, 'must be a valid Date');
  }
}

export function assertValidReviewInterval(days: number): void {
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
    throw new ScoringError('INVALID_REVIEW_INTERVAL', 'reviewIntervalDays', 'must be a finite number of days > 0');
  }
}

/**
 * True when the assessment is strictly older than the review interval. Days are fixed 24-hour spans measured on
 * the UTC timeline, so the answer does not depend on the viewer's time zone or DST. A submission dated in the future
 * (clock skew) is not stale.
 */
export function isStale(submittedAt: Date, now: Date, reviewIntervalDays: number): boolean {
  assertValidDate(submittedAt, 'submittedAt');
  assertValidDate(now, 'now');
  assertValidReviewInterval(reviewIntervalDays);
  return now.getTime() - submittedAt.getTime() > reviewIntervalDays * MS_PER_DAY;
}
