import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyByPeriod, type HistoryBucket, type HistoryPeriod, type HistoryPoint } from './index';
import { dateArb } from './test-arbitraries';

const at = (iso: string) => new Date(iso);

describe('historyByPeriod — worked example', () => {
  const points: HistoryPoint[] = [
    { accountId: 'a', submittedAt: at('2025-01-05T10:00:00Z'), score: 40 },
    { accountId: 'a', submittedAt: at('2025-01-20T10:00:00Z'), score: 60 }, // a's latest in January
    { accountId: 'b', submittedAt: at('2025-01-31T23:59:59.999Z'), score: 80 }, // still January in UTC
    { accountId: 'b', submittedAt: at('2025-02-01T00:00:00Z'), score: 90 },
    { accountId: 'a', submittedAt: at('2025-04-01T00:00:00Z'), score: 10 },
  ];

  it('by month: mean of each account’s latest score within the month; empty months omitted', () => {
    expect(historyByPeriod(points, 'month')).toEqual([
      { period: '2025-01', start: at('2025-01-01T00:00:00Z'), accounts: 2, meanScore: 70 },
      { period: '2025-02', start: at('2025-02-01T00:00:00Z'), accounts: 1, meanScore: 90 },
      { period: '2025-04', start: at('2025-04-01T00:00:00Z'), accounts: 1, meanScore: 10 },
    ] satisfies HistoryBucket[]);
  });

  it('by quarter: b’s February assessment supersedes January within Q1', () => {
    expect(historyByPeriod(points, 'quarter')).toEqual([
      { period: '2025-Q1', start: at('2025-01-01T00:00:00Z'), accounts: 2, meanScore: 75 },
      { period: '2025-Q2', start: at('2025-04-01T00:00:00Z'), accounts: 1, meanScore: 10 },
    ]);
  });

  it('breaks an exact timestamp tie in favour of the later point in the input', () => {
    const t = at('2025-03-03T00:00:00Z');
    const tie = [
      { accountId: 'a', submittedAt: t, score: 20 },
      { accountId: 'a', submittedAt: t, score: 30 },
    ];
    expect(historyByPeriod(tie, 'month')[0]?.meanScore).toBe(30);
    expect(historyByPeriod([...tie].reverse(), 'month')[0]?.meanScore).toBe(20);
  });

  it('handles years 0–99 and 9999 (no Date.UTC two-digit-year trap)', () => {
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 10, 15);
    const [bucket] = historyByPeriod([{ accountId: 'a', submittedAt: year50, score: 1 }], 'quarter');
    expect(bucket?.period).toBe('0050-Q4');
    expect(bucket?.start.getUTCFullYear()).toBe(50);
    expect(historyByPeriod([{ accountId: 'a', submittedAt: at('9999-12-31T23:59:59Z'), score: 1 }], 'month')[0]?.period).toBe('9999-12');
    expect(historyByPeriod([], 'month')).toEqual([]);
  });
});

/** Naive: ISO-string period keys, "latest" by scanning, mean over accountId-sorted accounts. */
function naiveHistory(points: HistoryPoint[], period: HistoryPeriod) {
  const keyOf = (d: Date) => {
    const iso = d.toISOString();
    return period === 'month' ? iso.slice(0, 7) : `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
  };
  const keys = [...new Set(points.map((p) => keyOf(p.submittedAt)))].sort();
  return keys.map((key) => {
    const inPeriod = points.filter((p) => keyOf(p.submittedAt) === key);
    const accounts = [...new Set(inPeriod.map((p) => p.accountId))].sort();
    const latest = accounts.map((id) =>
      inPeriod.filter((p) => p.accountId === id).reduce((best, p) => (p.submittedAt.getTime() >= best.submittedAt.getTime() ? p : best)),
    );
    const month = period === 'month' ? Number(key.slice(5, 7)) : (Number(key.slice(6)) - 1) * 3 + 1;
    return {
      period: key,
      start: new Date(`${key.slice(0, 4)}-${String(month).padStart(2, '0')}-01T00:00:00Z`),
      accounts: accounts.length,
      meanScore: latest.reduce((s, p) => s + p.score, 0) / latest.length,
    };
  });
}

describe('historyByPeriod matches a naive recomputation (fast-check)', () => {
  it('for months and quarters, whatever the input order', () => {
    const pointArb = fc.record({
      accountId: fc.constantFrom('a', 'b', 'c', 'B', 'aa'),
      submittedAt: fc.oneof(dateArb, fc.constantFrom(at('2025-03-31T23:59:59.999Z'), at('2025-04-01T00:00:00Z'))),
      score: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 40 }), fc.constantFrom<HistoryPeriod>('month', 'quarter'), (points, period) => {
        expect(historyByPeriod(points, period)).toEqual(naiveHistory(points, period));
      }),
      { numRuns: 300 },
    );
  });
});
