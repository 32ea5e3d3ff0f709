/**
 * Property-based proofs of every invariant in shared/framework/scoring.md (the browser-bundle identity lives in
 * browser-bundle.test.ts). Inputs come from test-arbitraries.ts; inputs with no scorable component are skipped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type Answer, type ComponentSlug, type Framework } from '../framework';
import { bandFor, DEFAULT_THRESHOLDS, scoreAssessment, ScoringError, type ScoreInput, type ScoreResult } from './index';
import { inputArb, targetArb } from './test-arbitraries';

const RUNS = { numRuns: 300 };
const QUESTION_IDS = allQuestionIds(DSCE_V1);
const questionIdArb = fc.constantFrom(...QUESTION_IDS);
const slugArb = fc.constantFrom(...COMPONENT_SLUGS);

/** The result, or null when the input has no scorable component (those inputs are not what a property is about). */
function tryScore(input: ScoreInput): ScoreResult | null {
  try {
    return scoreAssessment(input);
  } catch (error) {
    if (error instanceof ScoringError && ['NO_INCLUDED_COMPONENT', 'ALL_WEIGHTS_ZERO'].includes(error.code)) return null;
    throw error;
  }
}

function scorable(input: ScoreInput): ScoreResult {
  const result = tryScore(input);
  fc.pre(result !== null);
  return result as ScoreResult;
}

const weightOf = (input: ScoreInput, slug: ComponentSlug) => input.weights?.[slug] ?? 1;
const targetOf = (input: ScoreInput, slug: ComponentSlug) => input.targets?.[slug] ?? 100;
const sumLevers = (r: ScoreResult) => COMPONENT_SLUGS.reduce((s, slug) => s + (r.components[slug]?.lever ?? 0), 0);

/** A literal, independent transcription of the contract's formulas (no scaling, no shared code). */
function naive(input: ScoreInput, exclude: readonly ComponentSlug[] = []) {
  const current = new Map<ComponentSlug, number>();
  let nonNa = 0;
  let known = 0;
  for (const component of input.framework.components) {
    const levels: number[] = [];
    for (const q of component.questions) {
      const a = input.answers[q.id];
      if (a === 'na') continue;
      nonNa += 1;
      if (typeof a === 'number') known += 1;
      levels.push(typeof a === 'number' ? a : 0);
    }
    if (levels.length > 0 && !exclude.includes(component.slug)) {
      current.set(component.slug, (100 * levels.reduce((s, l) => s + l / 4, 0)) / levels.length);
    }
  }
  let num = 0;
  let den = 0;
  for (const [slug, c] of current) {
    num += weightOf(input, slug) * Math.min(c, targetOf(input, slug));
    den += weightOf(input, slug) * targetOf(input, slug);
  }
  const lever = (slug: ComponentSlug) =>
    (100 * weightOf(input, slug) * Math.max(targetOf(input, slug) - (current.get(slug) ?? 0), 0)) / den;
  return { score: (100 * num) / den, current, lever, confidence: (100 * known) / nonNa };
}

function withAnswer(input: ScoreInput, id: string, answer: Answer | undefined): ScoreInput {
  const answers = { ...input.answers };
  if (answer === undefined) delete answers[id];
  else answers[id] = answer;
  return { ...input, answers };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('scoring invariants (fast-check)', () => {
  it('0 <= S <= 100, gap = 100 − S, band from S, every component figure within its range', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scorable(input);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.gap).toBe(100 - r.score);
        expect(r.band).toBe(bandFor(r.score, input.thresholds ?? DEFAULT_THRESHOLDS));
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(100);
        for (const slug of COMPONENT_SLUGS) {
          const c = r.components[slug];
          if (c === null) continue;
          expect(c.current).toBeGreaterThanOrEqual(0);
          expect(c.current).toBeLessThanOrEqual(100);
          expect(c.target).toBe(targetOf(input, slug));
          expect(c.weight).toBe(weightOf(input, slug));
          expect(c.gap).toBe(Math.max(c.target - c.current, 0));
          expect(c.surplus).toBe(Math.max(c.current - c.target, 0));
          expect(c.gap === 0 || c.surplus === 0).toBe(true);
          expect(c.attainment).toBeGreaterThanOrEqual(0);
          expect(c.attainment).toBeLessThanOrEqual(1);
          expect(c.lever).toBeGreaterThanOrEqual(0);
          if (c.weight === 0) expect(c.lever).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('Σ L_c = 100 − S within 1e-9', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scorable(input);
        expect(Math.abs(sumLevers(r) - (100 - r.score))).toBeLessThanOrEqual(1e-9);
      }),
      RUNS,
    );
  });

  it('matches a literal transcription of the contract (1e-9), with exact counts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scorable(input);
        const n = naive(input);
        expect(Math.abs(r.score - n.score)).toBeLessThanOrEqual(1e-9);
        expect(r.confidence).toBe(n.confidence);
        expect(r.unanswered).toBe(QUESTION_IDS.filter((id) => input.answers[id] === undefined).length);
        for (const slug of COMPONENT_SLUGS) {
          const c = r.components[slug];
          expect(c === null).toBe(!n.current.has(slug));
          if (c === null) continue;
          expect(Math.abs(c.current - (n.current.get(slug) as number))).toBeLessThanOrEqual(1e-9);
          if (c.weight > 0) expect(Math.abs(c.lever - n.lever(slug))).toBeLessThanOrEqual(1e-9);
        }
      }),
      RUNS,
    );
  });

  it('raising any answer never lowers S or any C_c', () => {
    const raise = fc.record({ input: inputArb, id: questionIdArb, to: fc.constantFrom(0, 1, 2, 3, 4) });
    fc.assert(
      fc.property(raise, ({ input, id, to }) => {
        const from = input.answers[id];
        fc.pre(from !== 'na' && (typeof from === 'number' ? from : 0) <= to);
        const before = scorable(input);
        const after = scoreAssessment(withAnswer(input, id, to));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        for (const slug of COMPONENT_SLUGS) {
          const [b, a] = [before.components[slug], after.components[slug]];
          expect(a === null).toBe(b === null);
          if (a !== null && b !== null) expect(a.current).toBeGreaterThanOrEqual(b.current);
        }
      }),
      RUNS,
    );
  });

  it('multiplying all weights by a positive constant leaves S unchanged (1e-9; bit-exact for powers of two)', () => {
    const scaled = (input: ScoreInput, k: number): ScoreInput => ({
      ...input,
      weights: Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, weightOf(input, slug) * k])),
    });
    fc.assert(
      fc.property(inputArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (input, k) => {
        const r = scorable(input);
        expect(Math.abs(scoreAssessment(scaled(input, k)).score - r.score)).toBeLessThanOrEqual(1e-9);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(inputArb, fc.integer({ min: -60, max: 60 }), (input, j) => {
        const r = scorable(input);
        const s = scoreAssessment(scaled(input, 2 ** j));
        expect(s.score).toBe(r.score);
        for (const slug of COMPONENT_SLUGS) expect(s.components[slug]?.lever).toBe(r.components[slug]?.lever);
      }),
      RUNS,
    );
  });

  it('every (weighted, included) component at or above its target gives S = 100 exactly; any below gives S < 100', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (input, u) => {
        const base = scorable(input);
        // targets at or below each component's current level; components at 0 cannot be met (T > 0): weight them 0
        const targets: Partial<Record<ComponentSlug, number>> = {};
        const weights: Partial<Record<ComponentSlug, number>> = {};
        COMPONENT_SLUGS.forEach((slug, i) => {
          const c = base.components[slug];
          weights[slug] = c !== null && c.current === 0 ? 0 : weightOf(input, slug);
          if (c !== null && c.current > 0) targets[slug] = c.current * (u[i] as number);
        });
        const r = tryScore({ ...input, targets, weights });
        fc.pre(r !== null);
        expect(r?.score).toBe(100);
        expect(r?.gap).toBe(0);
        expect(r?.band).toBe('desired');
        for (const slug of COMPONENT_SLUGS) expect(r?.components[slug]?.lever ?? 0).toBe(0);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scorable(input);
        const below = COMPONENT_SLUGS.some((slug) => {
          const c = r.components[slug];
          return c !== null && c.weight > 0 && c.current < c.target;
        });
        expect(r.score < 100).toBe(below);
      }),
      RUNS,
    );
  });

  it('unknown scores like 0 but lowers confidence; a missing answer is unknown and counts as unanswered', () => {
    fc.assert(
      fc.property(inputArb, questionIdArb, (input, id) => {
        const zero = scorable(withAnswer(input, id, 0));
        const unknown = scoreAssessment(withAnswer(input, id, 'unknown'));
        const missing = scoreAssessment(withAnswer(input, id, undefined));
        expect(unknown.score).toBe(zero.score);
        expect(unknown.components).toEqual(zero.components);
        expect(unknown.confidence).toBeLessThan(zero.confidence);
        expect(missing).toEqual({ ...unknown, unanswered: unknown.unanswered + 1 });
      }),
      RUNS,
    );
  });

  it('na removes the question: identical to a framework without it (scale and confidence unchanged)', () => {
    fc.assert(
      fc.property(inputArb, questionIdArb, (input, id) => {
        const withNa = tryScore(withAnswer(input, id, 'na'));
        const framework: Framework = {
          ...DSCE_V1,
          components: DSCE_V1.components.map((c) => ({ ...c, questions: c.questions.filter((q) => q.id !== id) })),
        };
        const without = tryScore({ ...withAnswer(input, id, undefined), framework });
        expect(without).toEqual(withNa);
      }),
      RUNS,
    );
  });

  it('confidence = share of non-na questions answered with a level', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scorable(input);
        const nonNa = QUESTION_IDS.filter((id) => input.answers[id] !== 'na');
        const known = nonNa.filter((id) => typeof input.answers[id] === 'number');
        expect(r.confidence).toBe((100 * known.length) / nonNa.length);
      }),
      RUNS,
    );
  });

  it('an all-na component is excluded: S is exactly S with its weight set to 0, renormalised over the rest', () => {
    fc.assert(
      fc.property(inputArb, slugArb, (input, slug) => {
        const ids = QUESTION_IDS.filter((id) => id.startsWith(`${slug}.`));
        const excluded = tryScore({ ...input, answers: { ...input.answers, ...Object.fromEntries(ids.map((id) => [id, 'na'])) } });
        const zeroWeight = tryScore({ ...input, weights: { ...input.weights, [slug]: 0 } });
        fc.pre(excluded !== null && zeroWeight !== null);
        const [a, b] = [excluded as ScoreResult, zeroWeight as ScoreResult];
        expect(a.components[slug]).toBeNull();
        expect(a.score).toBe(b.score);
        for (const other of COMPONENT_SLUGS) {
          if (other !== slug) expect(a.components[other]).toEqual(b.components[other]);
        }
        // renormalised: the same S as the contract's formula over the remaining components only
        expect(Math.abs(a.score - naive(input, [slug]).score)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(sumLevers(a) - (100 - a.score))).toBeLessThanOrEqual(1e-9);
      }),
      RUNS,
    );
  });

  it('is deterministic, does not mutate its input, and ignores answer key order', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const snapshot = JSON.stringify(raw);
        const input = deepFreeze({ ...raw, answers: { ...raw.answers } });
        const first = tryScore(input);
        fc.pre(first !== null);
        expect(tryScore(input)).toStrictEqual(first);
        expect(JSON.stringify(raw)).toBe(snapshot);
        const reversed = Object.fromEntries(Object.entries(raw.answers).reverse());
        expect(tryScore({ ...raw, answers: reversed })).toStrictEqual(first);
      }),
      RUNS,
    );
  });

  it('stays finite and in range for any finite weights and targets (overflow/underflow guard)', () => {
    const anyWeight = fc.oneof(fc.constant(0), fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }));
    const anyTarget = fc.oneof(targetArb, fc.double({ min: Number.MIN_VALUE, max: 100, noNaN: true }));
    const perSlug = (arb: fc.Arbitrary<number>) => fc.tuple(...COMPONENT_SLUGS.map(() => arb));
    fc.assert(
      fc.property(inputArb, perSlug(anyWeight), perSlug(anyTarget), (input, w, t) => {
        const r = tryScore({
          ...input,
          weights: Object.fromEntries(COMPONENT_SLUGS.map((slug, i) => [slug, w[i]])),
          targets: Object.fromEntries(COMPONENT_SLUGS.map((slug, i) => [slug, t[i]])),
        });
        fc.pre(r !== null);
        const result = r as ScoreResult;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        for (const slug of COMPONENT_SLUGS) {
          const c = result.components[slug];
          if (c !== null) expect([c.current, c.gap, c.attainment, c.lever].every(Number.isFinite)).toBe(true);
        }
        expect(Math.abs(sumLevers(result) - (100 - result.score))).toBeLessThanOrEqual(1e-9);
      }),
      RUNS,
    );
  });
});
