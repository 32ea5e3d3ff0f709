import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type ComponentSlug } from '../framework';
import {
  BANDS,
  bandFor,
  DEFAULT_THRESHOLDS,
  groupPortfolio,
  isStale,
  PORTFOLIO_GROUPINGS,
  portfolioLevers,
  portfolioSummary,
  scoreAssessment,
  type Band,
  type PortfolioEntry,
  type PortfolioResult,
  type PortfolioSummary,
  type Thresholds,
} from './index';
import { portfolioEntryArb, thresholdsArb } from './test-arbitraries';

const NOW = new Date('2025-06-30T00:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

/** A stored result whose every included component has the same current/gap/lever (easy hand sums). */
function result(score: number, current: number, gap: number, lever: number, excluded: ComponentSlug[] = []): PortfolioResult {
  return {
    score,
    components: Object.fromEntries(
      COMPONENT_SLUGS.map((slug) => [slug, excluded.includes(slug) ? null : { current, gap, lever }]),
    ) as PortfolioResult['components'],
  };
}

const ENTRIES: PortfolioEntry[] = [
  { accountId: 'a', arr: 100, ownerId: 'x', segmentId: 'ent', stage: 'usage', latest: result(90, 90, 10, 1), submittedAt: daysAgo(10) },
  { accountId: 'b', arr: 300, ownerId: 'x', segmentId: 'smb', latest: result(60, 60, 40, 5, ['outcomes']), submittedAt: daysAgo(100) },
  { accountId: 'c', arr: null, ownerId: 'y', latest: result(40, 40, 60, 7), submittedAt: null },
  { accountId: 'd', arr: 50, ownerId: 'y', latest: null },
  { accountId: 'e', arr: 0, latest: result(75, 70, 30, 3), submittedAt: daysAgo(91) },
];

describe('portfolioSummary — worked example', () => {
  const s = portfolioSummary(ENTRIES, { now: NOW });

  it('counts accounts, assessment coverage and staleness', () => {
    expect([s.accounts, s.assessed, s.neverAssessed, s.stale]).toEqual([5, 4, 1, 2]); // b (100 d) and e (91 d)
  });

  it('means S over assessed accounts, ARR-weighted over those with ARR > 0', () => {
    expect(s.meanScore).toBe(66.25); // (90 + 60 + 40 + 75) / 4
    expect(s.arrWeightedScore).toBe(67.5); // (100·90 + 300·60) / 400
  });

  it('distributes accounts and ARR over bands', () => {
    expect(s.bandCounts).toEqual({ desired: 1, engaged: 1, at_risk: 1, critical: 1 });
    expect(s.arrByBand).toEqual({ desired: 100, engaged: 0, at_risk: 300, critical: 0 });
  });

  it('aggregates each component over the accounts that include it', () => {
    expect(s.components.intent).toEqual({ meanCurrent: 65, meanGap: 35, leverSum: 16, included: 4 });
    // b excluded outcomes: (90 + 40 + 70) / 3, (10 + 60 + 30) / 3, 1 + 7 + 3
    expect(s.components.outcomes).toEqual({ meanCurrent: 200 / 3, meanGap: 100 / 3, leverSum: 11, included: 3 });
  });

  it('recomputes bands from S with the given thresholds (a stored band is ignored)', () => {
    const stored = scoreAssessment({ framework: DSCE_V1, answers: Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, 3])) });
    expect(stored.band).toBe('engaged'); // S = 75 under the defaults
    const t = { desired: 75, engaged: 60, atRisk: 10 };
    const summary = portfolioSummary([{ accountId: 'z', arr: 5, latest: stored }], { thresholds: t, now: NOW });
    expect(summary.bandCounts.desired).toBe(1);
    expect(portfolioSummary(ENTRIES, { thresholds: t, now: NOW }).bandCounts).toEqual({
      desired: 2,
      engaged: 1,
      at_risk: 1,
      critical: 0,
    });
  });

  it('honours the review interval and defaults `now` to the current time', () => {
    expect(portfolioSummary(ENTRIES, { now: NOW, reviewIntervalDays: 5 }).stale).toBe(3);
    const ancient = { accountId: 'old', arr: null, latest: result(10, 10, 90, 1), submittedAt: new Date('2000-01-01T00:00:00Z') };
    expect(portfolioSummary([ancient]).stale).toBe(1);
  });

  it('is well defined for an empty or never-assessed portfolio', () => {
    for (const entries of [[], [ENTRIES[3] as PortfolioEntry]]) {
      const empty = portfolioSummary(entries, { now: NOW });
      expect(empty.meanScore).toBeNull();
      expect(empty.arrWeightedScore).toBeNull();
      expect(empty.components.journey).toEqual({ meanCurrent: null, meanGap: null, leverSum: 0, included: 0 });
    }
  });
});

describe('groupPortfolio and portfolioLevers — worked example', () => {
  it('summarises per owner, with null collecting unassigned accounts, in first-appearance order', () => {
    const byOwner = groupPortfolio(ENTRIES, PORTFOLIO_GROUPINGS.owner, { now: NOW });
    expect([...byOwner.keys()]).toEqual(['x', 'y', null]);
    expect(byOwner.get('x')?.meanScore).toBe(75);
    expect(byOwner.get('y')).toMatchObject({ accounts: 2, assessed: 1, neverAssessed: 1 });
    expect([...groupPortfolio(ENTRIES, PORTFOLIO_GROUPINGS.segment).keys()]).toEqual(['ent', 'smb', null]);
    expect([...groupPortfolio(ENTRIES, PORTFOLIO_GROUPINGS.stage).keys()]).toEqual(['usage', null]);
  });

  it('ranks components by summed lever, ties in framework order', () => {
    const levers = portfolioLevers(ENTRIES);
    expect(levers[COMPONENT_SLUGS.length - 1]).toEqual({ slug: 'outcomes', leverSum: 11, included: 3 });
    expect(levers.slice(0, 7).map((l) => l.slug)).toEqual(COMPONENT_SLUGS.filter((s) => s !== 'outcomes'));
    expect(portfolioLevers(portfolioSummary(ENTRIES, { now: NOW }))).toEqual(levers);
    const skewed: PortfolioEntry = { accountId: 'f', arr: null, latest: { ...result(0, 0, 100, 0), components: { ...result(0, 0, 100, 0).components, journey: { current: 0, gap: 100, lever: 99 } } } };
    expect(portfolioLevers([skewed])[0]).toEqual({ slug: 'journey', leverSum: 99, included: 1 });
  });
});

/** Naive recomputation, written with filter/reduce rather than the library's loops. */
function naiveSummary(entries: PortfolioEntry[], thresholds: Thresholds, interval: number): PortfolioSummary {
  const assessed = entries.filter((e) => e.latest !== null);
  const scores = assessed.map((e) => (e.latest as PortfolioResult).score);
  const withArr = assessed.filter((e) => (e.arr ?? 0) > 0);
  const arr = withArr.reduce((s, e) => s + (e.arr as number), 0);
  const bandOf = (e: PortfolioEntry) => bandFor((e.latest as PortfolioResult).score, thresholds);
  const perBand = (f: (e: PortfolioEntry) => number) =>
    Object.fromEntries(BANDS.map((b) => [b, assessed.filter((e) => bandOf(e) === b).reduce((s, e) => s + f(e), 0)])) as Record<Band, number>;
  const components = Object.fromEntries(
    COMPONENT_SLUGS.map((slug) => {
      const cs = assessed.flatMap((e) => {
        const c = (e.latest as PortfolioResult).components[slug];
        return c === null ? [] : [c];
      });
      const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
      return [
        slug,
        {
          meanCurrent: mean(cs.map((c) => c.current)),
          meanGap: mean(cs.map((c) => c.gap)),
          leverSum: cs.reduce((s, c) => s + c.lever, 0),
          included: cs.length,
        },
      ];
    }),
  ) as PortfolioSummary['components'];
  return {
    accounts: entries.length,
    assessed: assessed.length,
    neverAssessed: entries.length - assessed.length,
    stale: assessed.filter((e) => e.submittedAt != null && isStale(e.submittedAt, NOW, interval)).length,
    meanScore: scores.length === 0 ? null : scores.reduce((s, x) => s + x, 0) / scores.length,
    arrWeightedScore: withArr.length === 0 ? null : withArr.reduce((s, e) => s + (e.arr as number) * (e.latest as PortfolioResult).score, 0) / arr,
    bandCounts: perBand(() => 1),
    arrByBand: perBand((e) => e.arr ?? 0),
    components,
  };
}

describe('portfolio functions match a naive recomputation (fast-check)', () => {
  const entriesArb = fc.array(portfolioEntryArb, { maxLength: 25 });
  const optionsArb = fc.record({
    thresholds: fc.option(thresholdsArb, { nil: undefined }),
    reviewIntervalDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  });

  it('portfolioSummary', () => {
    fc.assert(
      fc.property(entriesArb, optionsArb, (entries, options) => {
        const expected = naiveSummary(entries, options.thresholds ?? DEFAULT_THRESHOLDS, options.reviewIntervalDays ?? 90);
        expect(portfolioSummary(entries, { ...options, now: NOW })).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('groupPortfolio: each group is the summary of exactly its entries', () => {
    fc.assert(
      fc.property(entriesArb, fc.constantFrom(...Object.values(PORTFOLIO_GROUPINGS)), (entries, key) => {
        const groups = groupPortfolio(entries, key, { now: NOW });
        expect([...groups.keys()]).toEqual([...new Set(entries.map(key))]);
        for (const [k, summary] of groups) {
          expect(summary).toEqual(portfolioSummary(entries.filter((e) => key(e) === k), { now: NOW }));
        }
        expect([...groups.values()].reduce((s, g) => s + g.accounts, 0)).toBe(entries.length);
      }),
      { numRuns: 200 },
    );
  });

  it('portfolioLevers: all eight components, sorted by summed lever, stable for ties', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const levers = portfolioLevers(entries);
        const { components } = naiveSummary(entries, DEFAULT_THRESHOLDS, 90);
        const expected = COMPONENT_SLUGS.map((slug) => ({ slug, leverSum: components[slug].leverSum, included: components[slug].included }));
        expected.sort((a, b) => (b.leverSum !== a.leverSum ? b.leverSum - a.leverSum : COMPONENT_SLUGS.indexOf(a.slug) - COMPONENT_SLUGS.indexOf(b.slug)));
        expect(levers).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const snapshot = JSON.stringify(entries);
        portfolioSummary(entries, { now: NOW });
        groupPortfolio(entries, PORTFOLIO_GROUPINGS.owner, { now: NOW });
        portfolioLevers(entries);
        expect(JSON.stringify(entries)).toBe(snapshot);
      }),
    );
  });
});
