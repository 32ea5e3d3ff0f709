import { describe, expect, it } from 'vitest';
import { formatDaysAhead } from '@/components/portfolio/format';

describe('formatDaysAhead', () => {
  it('says today, tomorrow, then in N days (never "in 1 days")', () => {
    expect(formatDaysAhead(0)).toBe('today');
    expect(formatDaysAhead(1)).toBe('tomorrow');
    expect(formatDaysAhead(2)).toBe('in 2 days');
    expect(formatDaysAhead(90)).toBe('in 90 days');
  });
});
