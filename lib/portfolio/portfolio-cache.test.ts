import { describe, expect, it } from 'vitest';
import { PortfolioCache, portfolioCacheKey } from './portfolio-cache';
import type { PortfolioScope } from './portfolio-scope';

describe('PortfolioCache', () => {
  it('keeps a value for its time to live only', async () => {
    let now = 0;
    const cache = new PortfolioCache({ ttlMs: 60_000, clock: () => now });
    let computed = 0;
    const compute = () => Promise.resolve((computed += 1));
    expect(await cache.getOrCompute('k', compute)).toBe(1);
    now = 59_999;
    expect(await cache.getOrCompute('k', compute)).toBe(1);
    now = 60_000;
    expect(await cache.getOrCompute('k', compute)).toBe(2);
    expect(cache.stats).toEqual({ hits: 1, misses: 2 });
  });

  it('is bounded, dropping the least recently used entry', async () => {
    const cache = new PortfolioCache({ maxEntries: 2 });
    await cache.getOrCompute('a', () => Promise.resolve('a'));
    await cache.getOrCompute('b', () => Promise.resolve('b'));
    await cache.getOrCompute('a', () => Promise.resolve('a again')); // a is now the most recent
    await cache.getOrCompute('c', () => Promise.resolve('c'));
    expect(cache.size).toBe(2);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
  });

  it('shares a pending computation and forgets a failed one', async () => {
    const cache = new PortfolioCache();
    let release!: (value: string) => void;
    const pending = new Promise<string>((resolve) => (release = resolve));
    const first = cache.getOrCompute('k', () => pending);
    const second = cache.getOrCompute('k', () => Promise.resolve('never'));
    release('shared');
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    await expect(cache.getOrCompute('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.has('bad')).toBe(false);
    expect(await cache.getOrCompute('bad', () => Promise.resolve('recovered'))).toBe('recovered');
  });
});

describe('portfolioCacheKey', () => {
  const org = '00000000-0000-4000-8000-000000000001';
  const leader: PortfolioScope = { organizationId: org, userId: 'u-leader', ownOnly: false };
  const csm: PortfolioScope = { organizationId: org, userId: 'u-csm', ownOnly: true };
  const view = { name: 'overview' };

  it('separates organisations, versions, books and views', () => {
    const keys = [
      portfolioCacheKey(leader, '1', view, {}),
      portfolioCacheKey({ ...leader, organizationId: '00000000-0000-4000-8000-000000000002' }, '1', view, {}),
      portfolioCacheKey(leader, '2', view, {}),
      portfolioCacheKey(csm, '1', view, {}),
      portfolioCacheKey({ ...csm, userId: 'u-other-csm' }, '1', view, {}),
      portfolioCacheKey(leader, '1', { name: 'team' }, {}),
      portfolioCacheKey(leader, '1', { name: 'heatmap', params: { by: 'segment' } }, {}),
      portfolioCacheKey(leader, '1', { name: 'heatmap', params: { by: 'owner' } }, {}),
      portfolioCacheKey(leader, '1', view, { band: 'critical' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the same for equal filters in any order, and forces a CSM’s owner filter to themselves', () => {
    expect(portfolioCacheKey(leader, '1', view, { segment: 's', band: 'engaged' })).toBe(portfolioCacheKey(leader, '1', view, { band: 'engaged', segment: 's' }));
    expect(portfolioCacheKey(csm, '1', view, { owner: 'u-leader' })).toBe(portfolioCacheKey(csm, '1', view, {}));
    expect(portfolioCacheKey(leader, '1', { name: 'filter-options', filtered: false }, { band: 'critical' })).toBe(
      portfolioCacheKey(leader, '1', { name: 'filter-options', filtered: false }, {}),
    );
  });
});
