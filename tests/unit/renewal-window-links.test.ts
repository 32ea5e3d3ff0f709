import { describe, expect, it } from 'vitest';
import { renewalWindowLinks } from '@/lib/portfolio/portfolio-filters';

const windows = [
  { days: 30 as const, atRisk: 3, critical: 1 },
  { days: 60 as const, atRisk: 5, critical: 2 },
  { days: 90 as const, atRisk: 8, critical: 4 },
];
const shown = (filters: Parameters<typeof renewalWindowLinks>[1]) =>
  renewalWindowLinks(windows, filters).map((w) => [w.days, w.links.map((l) => `${l.accounts} ${l.band}`)]);

describe('renewalWindowLinks', () => {
  it('links each window to its at-risk and its critical accounts', () => {
    expect(shown({})).toEqual([[30, ['3 at_risk', '1 critical']], [60, ['5 at_risk', '2 critical']], [90, ['8 at_risk', '4 critical']]]);
  });

  it('shows no window longer than a renewal filter: its drill-down would list more than it counts', () => {
    expect(shown({ renewal: 60 }).map(([days]) => days)).toEqual([30, 60]);
  });

  it('links only the filtered band, and no band at all when the filter leaves none at risk', () => {
    expect(shown({ band: 'critical' })).toEqual([[30, ['1 critical']], [60, ['2 critical']], [90, ['4 critical']]]);
    expect(shown({ band: 'engaged' })).toEqual([[30, []], [60, []], [90, []]]);
  });
});
