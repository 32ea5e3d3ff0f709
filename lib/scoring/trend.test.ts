import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT_SLUGS, DSCE_V1, allQuestionIds } from '../framework';
import { deliveryGap, scoreAssessment, trendBetween, type ResultLike } from './index';
import { portfolioResultArb } from './test-arbitraries';

const score = (level: 0 | 1 | 2 | 3 | 4, na: readonly string[] = []) =>
  scoreAssessment({
    framework: DSCE_V1,
    answers: Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, na.some((s) => id.startsWith(`${s}.`)) ? 'na' : level])),
  });

describe('trendBetween', () => {
  it('gives the change in S and in each C_c, null where either side excluded the component', () => {
    const previous = score(1, ['outcomes']);
    const current = score(3, ['journey']);
    const trend = trendBetween(previous, current);
    expect(trend.score).toBe(50); // 75 − 25
    expect(trend.components.intent).toBe(50);
    expect(trend.components.outcomes).toBeNull();
    expect(trend.components.journey).toBeNull();
  });

  it('accepts stored results that lack a component key (older framework versions)', () => {
    const stored = { score: 40, components: { intent: { current: 40 } } } as unknown as ResultLike;
    const trend = trendBetween(stored, score(2));
    expect(trend).toEqual({
      score: 10,
      components: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, s === 'intent' ? 10 : null])),
    });
    expect(trendBetween(score(2), stored).components.adoption).toBeNull();
  });

  it('is antisymmetric and zero against itself', () => {
    fc.assert(
      fc.property(portfolioResultArb, portfolioResultArb, (a, b) => {
        const ab = trendBetween(a, b);
        const ba = trendBetween(b, a);
        expect(ab.score + ba.score).toBe(0); // x + (−x) is +0 exactly
        for (const slug of COMPONENT_SLUGS) {
          const [x, y] = [ab.components[slug], ba.components[slug]];
          expect(x === null ? null : x + (y as number)).toBe(a.components[slug] === null || b.components[slug] === null ? null : 0);
          expect(trendBetween(a, a).components[slug]).toBe(a.components[slug] === null ? null : 0);
        }
      }),
    );
  });
});

describe('deliveryGap', () => {
  it('is C_c(internal) − C_c(customer), null where either is null', () => {
    const internal = score(4, ['education']); // we believe 100
    const customer = score(1, ['journey']); // the customer says 25
    const gap = deliveryGap(internal, customer);
    expect(gap.intent).toBe(75);
    expect(gap.education).toBeNull();
    expect(gap.journey).toBeNull();
    expect(Object.keys(gap)).toEqual([...COMPONENT_SLUGS]);
  });
});
