import { ScoringError } from './errors';
import { assertValidDate } from './stale';

/**
 * Portfolio history by calendar period (reference for the SQL version).
 *
 * Definition: periods are UTC calendar months (`2025-03`) or quarters (`2025-Q1`, Q1 = Jan–Mar). For each period,
 * take every account that submitted at least one assessment within it, keep that account's latest score in the
 * period (greatest submittedAt; on an exact tie the point appearing later in the input wins, so pass points in
 * submission/id order), and average those scores. Accounts without a submission in a period do not contribute to
 * it (no carry-forward), and periods without any submission are omitted. Within a period the mean is summed in
 * ascending accountId order (UTF-16 code-unit order) so the result does not depend on input order.
 */

export type HistoryPeriod = 'month' | 'quarter';

export interface HistoryPoint {
  accountId: string;
  submittedAt: Date;
  score: number;
}

export interface HistoryBucket {
  /** `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  /** First instant of the period (UTC). */
  start: Date;
  /** Accounts that submitted in the period. */
  accounts: number;
  /** Mean of those accounts' latest score in the period. */
  meanScore: number;
}

/** First instant of a UTC month (not Date.UTC, which maps years 0–99 to 1900–1999). */
function monthStart(year: number, month: number): number {
  return new Date(0).setUTCFullYear(year, month, 1);
}

function periodOf(date: Date, period: HistoryPeriod): { key: string; start: number } {
  const year = date.getUTCFullYear();
  const yyyy = String(year).padStart(4, '0');
  const month = date.getUTCMonth();
  if (period === 'month') {
    return { key: `${yyyy}-${String(month + 1).padStart(2, '0')}`, start: monthStart(year, month) };
  }
  const quarter = Math.floor(month / 3);
  return { key: `${yyyy}-Q${quarter + 1}`, start: monthStart(year, quarter * 3) };
}

function validatePoint(point: HistoryPoint, i: number): void {
  assertValidDate(point.submittedAt, `points[${i}].submittedAt`);
  // Years outside 0000–9999 would not fit the YYYY period keys.
  const year = point.submittedAt.getUTCFullYear();
  if (year < 0 || year > 9999) throw new ScoringError('INVALID_DATE', `points[${i}].submittedAt`, 'year out of range');
  if (typeof point.score !== 'number' || !(point.score >= 0 && point.score <= 100)) {
    throw new ScoringError('INVALID_SCORE', `points[${i}].score`, 'must be a number in [0, 100]');
  }
}

export function historyByPeriod(points: readonly HistoryPoint[], period: HistoryPeriod): HistoryBucket[] {
  if (period !== 'month' && period !== 'quarter') {
    throw new ScoringError('INVALID_PERIOD', 'period', "must be 'month' or 'quarter'");
  }
  points.forEach(validatePoint);

  // period key → { start, accountId → latest point }
  const buckets = new Map<string, { start: number; latest: Map<string, HistoryPoint> }>();
  for (const point of points) {
    const { key, start } = periodOf(point.submittedAt, period);
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      bucket = { start, latest: new Map() };
      buckets.set(key, bucket);
    }
    const previous = bucket.latest.get(point.accountId);
    if (previous === undefined || point.submittedAt.getTime() >= previous.submittedAt.getTime()) {
      bucket.latest.set(point.accountId, point);
    }
  }

  return [...buckets]
    .sort(([, a], [, b]) => a.start - b.start)
    .map(([key, bucket]) => {
      const ids = [...bucket.latest.keys()].sort(); // default sort: UTF-16 code-unit order
      let sum = 0;
      for (const id of ids) sum += (bucket.latest.get(id) as HistoryPoint).score;
      return { period: key, start: new Date(bucket.start), accounts: ids.length, meanScore: sum / ids.length };
    });
}
