import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_INTERVAL_DAYS, isStale } from './index';

const DAY = 86_400_000;

describe('isStale', () => {
  const submitted = new Date('2025-01-01T12:00:00Z');
  const after = (ms: number) => new Date(submitted.getTime() + ms);

  it('is stale only when strictly older than the interval (default 90 days)', () => {
    expect(DEFAULT_REVIEW_INTERVAL_DAYS).toBe(90);
    expect(isStale(submitted, after(90 * DAY), 90)).toBe(false);
    expect(isStale(submitted, after(90 * DAY + 1), 90)).toBe(true);
    expect(isStale(submitted, after(0), 90)).toBe(false);
  });

  it('never treats a future-dated submission as stale, and accepts fractional days', () => {
    expect(isStale(submitted, after(-365 * DAY), 90)).toBe(false);
    expect(isStale(submitted, after(DAY / 2 + 1), 0.5)).toBe(true);
  });

  it('counts fixed 24-hour days across a DST change (UTC timeline)', () => {
    const march = new Date('2025-03-29T00:00:00Z'); // EU DST starts 2025-03-30
    expect(isStale(march, new Date('2025-04-05T00:00:00Z'), 7)).toBe(false);
    expect(isStale(march, new Date('2025-04-05T00:00:00.001Z'), 7)).toBe(true);
  });
});
