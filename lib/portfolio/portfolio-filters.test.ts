import { describe, expect, it } from 'vitest';
import { parsePageParam, parseHeatmapParams } from './portfolio-filters';

describe('parsePageParam', () => {
  it('reads a 1-based page number and falls back to page 1 for anything else', () => {
    expect(parsePageParam({})).toBe(1);
    expect(parsePageParam({ page: '1' })).toBe(1);
    expect(parsePageParam({ page: '7' })).toBe(7);
    expect(parsePageParam({ page: ['3', '9'] })).toBe(3);
    expect(parsePageParam(new URLSearchParams('by=account&page=12'))).toBe(12);
    for (const bad of ['0', '-2', '1.5', 'two', '', '99999999999']) expect(parsePageParam({ page: bad }), bad).toBe(1);
  });

  it('is not part of the heatmap params (a filter change, which keeps those, starts at page 1)', () => {
    expect(parseHeatmapParams({ by: 'account', sort: 'adoption', dir: 'desc', page: '4' })).toEqual({ by: 'account', sort: 'adoption', dir: 'desc' });
  });
});
