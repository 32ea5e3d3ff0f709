/**
 * fast-check generators shared by the scoring tests (test-only; not exported from index). Kept branch-free so it
 * does not need tests of its own to stay at 100% coverage.
 */
import fc from 'fast-check';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type Answer, type ComponentSlug } from '../framework';
import type { PortfolioEntry, PortfolioResult } from './portfolio';
import type { ScoreInput, Thresholds } from './types';

export const answerArb: fc.Arbitrary<Answer> = fc.constantFrom<Answer>(0, 1, 2, 3, 4, 'unknown', 'na');

/** Any subset of DSCE_V1's questions answered (missing = unanswered). */
export const answersArb: fc.Arbitrary<Partial<Record<string, Answer>>> = fc.record(
  Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, answerArb])),
  { requiredKeys: [] },
);

function perSlug(arb: fc.Arbitrary<number>): fc.Arbitrary<Partial<Record<ComponentSlug, number>>> {
  return fc.record(Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, arb])), { requiredKeys: [] });
}

/** Realistic weights: zero, small integers and positive reals. */
export const weightArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 10 }),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
);
export const weightsArb = perSlug(weightArb);

/** Targets in (0, 100]: integers and reals. */
export const targetArb = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.5, max: 100, noNaN: true }));
export const targetsArb = perSlug(targetArb);

export const thresholdsArb: fc.Arbitrary<Thresholds> = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })), {
    minLength: 3,
    maxLength: 3,
    comparator: 'SameValueZero',
  })
  .map((values) => {
    const [desired, engaged, atRisk] = [...values].sort((a, b) => b - a) as [number, number, number];
    return { desired, engaged, atRisk };
  });

/** Inputs over DSCE_V1; some throw NO_INCLUDED_COMPONENT / ALL_WEIGHTS_ZERO (tests filter those with fc.pre). */
export const inputArb: fc.Arbitrary<ScoreInput> = fc
  .record({
    answers: answersArb,
    weights: fc.option(weightsArb, { nil: undefined }),
    targets: fc.option(targetsArb, { nil: undefined }),
    thresholds: fc.option(thresholdsArb, { nil: undefined }),
  })
  .map((parts) => ({ framework: DSCE_V1, ...parts }));

/** Synthetic stored results for portfolio tests (the portfolio does not re-derive them). */
const storedComponentArb = fc.option(
  fc.record({
    current: fc.double({ min: 0, max: 100, noNaN: true }),
    gap: fc.double({ min: 0, max: 100, noNaN: true }),
    lever: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  { nil: null },
);
export const portfolioResultArb: fc.Arbitrary<PortfolioResult> = fc.record({
  score: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  components: fc.record(
    Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, storedComponentArb])) as Record<
      ComponentSlug,
      typeof storedComponentArb
    >,
  ),
});

export const dateArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true });

export const portfolioEntryArb: fc.Arbitrary<PortfolioEntry> = fc.record({
  accountId: fc.string({ minLength: 1, maxLength: 6 }),
  arr: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { nil: null }),
  ownerId: fc.option(fc.constantFrom('csm-a', 'csm-b', 'csm-c'), { nil: null }),
  segmentId: fc.option(fc.constantFrom('enterprise', 'mid-market', 'smb'), { nil: null }),
  stage: fc.option(fc.constantFrom('onboarding', 'usage', 'retention', 'renewal'), { nil: null }),
  latest: fc.option(portfolioResultArb, { nil: null }),
  submittedAt: fc.option(dateArb, { nil: null }),
});
