import { describe, expect, it } from 'vitest';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, questionIdsOf, type Answer, type ComponentSlug } from '../framework';
import { scoreAssessment, type ComponentScore, type ScoreResult } from './index';

/** Answers for one component, in question order. */
function answersFor(slug: ComponentSlug, values: readonly (Answer | undefined)[]): Record<string, Answer> {
  const ids = questionIdsOf(DSCE_V1, slug);
  expect(values).toHaveLength(ids.length);
  const out: Record<string, Answer> = {};
  ids.forEach((id, i) => {
    const v = values[i];
    if (v !== undefined) out[id] = v;
  });
  return out;
}

function all(answer: Answer): Record<string, Answer> {
  return Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, answer]));
}

function sumLevers(result: ScoreResult): number {
  return COMPONENT_SLUGS.reduce((sum, slug) => sum + (result.components[slug]?.lever ?? 0), 0);
}

describe('scoreAssessment — worked examples (hand-computed)', () => {
  it('everything at level 2 with defaults: C = 50, S = 50, each lever 100·50/800 = 6.25', () => {
    const r = scoreAssessment({ framework: DSCE_V1, answers: all(2) });
    expect(r.score).toBe(50);
    expect(r.gap).toBe(50);
    expect(r.band).toBe('at_risk');
    expect(r.confidence).toBe(100);
    expect(r.unanswered).toBe(0);
    for (const slug of COMPONENT_SLUGS) {
      expect(r.components[slug]).toEqual({
        current: 50,
        target: 100,
        gap: 50,
        surplus: 0,
        attainment: 0.5,
        lever: 6.25,
        weight: 1,
      } satisfies ComponentScore);
    }
  });

  it('targets below 100, unequal weights, surplus, na exclusion, a zero weight, unknown and unanswered', () => {
    const r = scoreAssessment({
      framework: DSCE_V1,
      answers: {
        ...answersFor('intent', [4, 4, 2, 2]), // Σ12 / 4 questions → C = 25·12/4 = 75
        ...answersFor('anticipation', [3, 3, 3]), // C = 75, above its target 60 → surplus 15
        ...answersFor('adoption', [2, 2, 2, 'unknown']), // unknown = 0 → C = 25·6/4 = 37.5
        ...answersFor('outcomes', ['na', 'na', 'na', 'na']), // excluded despite weight 5
        ...answersFor('relationships', [4, 4, 4, 4, 4]), // C = 100
        ...answersFor('engagement', [1, 1, 1]), // C = 25, weight 0: reported, not summed
        ...answersFor('education', [0, 0, 0, undefined]), // unanswered = unknown → C = 0
        ...answersFor('journey', [2, 2, 'na', 'na']), // renormalised over 2 questions → C = 50
      },
      weights: { intent: 2, anticipation: 1, adoption: 3, outcomes: 5, engagement: 0 },
      targets: { intent: 80, anticipation: 60, adoption: 75, engagement: 50, journey: 55 },
    });
    // Σ w·T = 2·80 + 60 + 3·75 + 100 + 100 + 55 = 700
    // Σ w·min(C,T) = 2·75 + 60 + 3·37.5 + 100 + 0 + 50 = 472.5 → S = 100 · 472.5 / 700 = 67.5
    expect(r.score).toBeCloseTo(67.5, 12);
    expect(r.gap).toBeCloseTo(32.5, 12);
    expect(r.band).toBe('at_risk');
    // non-na questions: 4+3+4+5+3+4+2 = 25; answered with a level: 4+3+3+5+3+3+2 = 23 → 92 %
    expect(r.confidence).toBe(92);
    expect(r.unanswered).toBe(1);
    expect(r.components.outcomes).toBeNull();
    const c = r.components;
    expect(c.intent).toMatchObject({ current: 75, target: 80, gap: 5, surplus: 0, attainment: 0.9375, weight: 2 });
    expect(c.anticipation).toMatchObject({ current: 75, target: 60, gap: 0, surplus: 15, attainment: 1, lever: 0 });
    expect(c.adoption).toMatchObject({ current: 37.5, target: 75, gap: 37.5, attainment: 0.5, weight: 3 });
    expect(c.relationships).toMatchObject({ current: 100, target: 100, gap: 0, attainment: 1, lever: 0 });
    expect(c.engagement).toEqual({
      current: 25,
      target: 50,
      gap: 25,
      surplus: 0,
      attainment: 0.5,
      lever: 0,
      weight: 0,
    });
    expect(c.education).toMatchObject({ current: 0, target: 100, gap: 100, attainment: 0 });
    expect(c.journey).toMatchObject({ current: 50, target: 55, gap: 5, surplus: 0 });
    // L = 100·w·G/700: intent 1000/700, adoption 11250/700, education 10000/700, journey 500/700
    expect(c.intent?.lever).toBeCloseTo(1000 / 7 / 100, 12);
    expect(c.adoption?.lever).toBeCloseTo(11250 / 700, 12);
    expect(c.education?.lever).toBeCloseTo(10000 / 700, 12);
    expect(c.journey?.lever).toBeCloseTo(500 / 700, 12);
    expect(sumLevers(r)).toBeCloseTo(32.5, 12);
  });

  it('all unknown: scores like all-zero, with confidence 0', () => {
    const unknown = scoreAssessment({ framework: DSCE_V1, answers: all('unknown') });
    const zero = scoreAssessment({ framework: DSCE_V1, answers: all(0) });
    expect(unknown.score).toBe(0);
    expect(unknown.band).toBe('critical');
    expect(unknown.confidence).toBe(0);
    expect(zero.confidence).toBe(100);
    expect(unknown.components).toEqual(zero.components);
    expect(unknown.components.intent).toEqual({
      current: 0,
      target: 100,
      gap: 100,
      surplus: 0,
      attainment: 0,
      lever: 12.5,
      weight: 1,
    });
  });

  it('no answers at all (a blank draft): like all unknown, and every question counted as unanswered', () => {
    const blank = scoreAssessment({ framework: DSCE_V1, answers: {} });
    const cleared = scoreAssessment({ framework: DSCE_V1, answers: { 'intent.q1': undefined } });
    expect(blank).toEqual({ ...scoreAssessment({ framework: DSCE_V1, answers: all('unknown') }), unanswered: 31 });
    expect(cleared).toEqual(blank);
  });

  it('na excludes a whole component and renormalises over the other seven', () => {
    const r = scoreAssessment({
      framework: DSCE_V1,
      answers: {
        ...all(4),
        ...answersFor('intent', [0, 0, 0, 0]),
        ...answersFor('outcomes', ['na', 'na', 'na', 'na']),
      },
    });
    // 7 included components, weight 1, target 100: S = 100 · 600 / 700
    expect(r.components.outcomes).toBeNull();
    expect(r.score).toBeCloseTo(600 / 7, 12);
    expect(r.band).toBe('desired');
    expect(r.components.intent?.lever).toBeCloseTo(100 / 7, 12);
    expect(r.confidence).toBe(100);
  });

  it('na inside a component removes just that question', () => {
    const r = scoreAssessment({ framework: DSCE_V1, answers: { ...all(0), ...answersFor('intent', [4, 'na', 'na', 2]) } });
    expect(r.components.intent?.current).toBe(75); // (4 + 2) over 2 questions → 25·6/2
  });

  it('surplus never raises S: every component above a target of 50 gives exactly 100', () => {
    const targets = Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, 50]));
    const r = scoreAssessment({ framework: DSCE_V1, answers: all(3), targets });
    expect(r.score).toBe(100);
    expect(r.gap).toBe(0);
    expect(r.band).toBe('desired');
    expect(r.components.journey).toEqual({
      current: 75,
      target: 50,
      gap: 0,
      surplus: 25,
      attainment: 1,
      lever: 0,
      weight: 1,
    });
  });

  it('thirds: C = 25·Σ/n with a single rounding', () => {
    const r = scoreAssessment({ framework: DSCE_V1, answers: { ...all(4), ...answersFor('anticipation', [1, 0, 0]) } });
    expect(r.components.anticipation?.current).toBe(25 / 3);
  });

  it('applies tenant thresholds to the band', () => {
    const answers = all(3); // S = 75
    expect(scoreAssessment({ framework: DSCE_V1, answers }).band).toBe('engaged');
    const thresholds = { desired: 75, engaged: 60, atRisk: 40 };
    expect(scoreAssessment({ framework: DSCE_V1, answers, thresholds }).band).toBe('desired');
  });

  it('null and undefined weights/targets fall back to the defaults (a cleared override)', () => {
    const plain = scoreAssessment({ framework: DSCE_V1, answers: all(2) });
    const cleared = scoreAssessment({
      framework: DSCE_V1,
      answers: all(2),
      weights: { intent: undefined, adoption: null as unknown as number },
      targets: { intent: undefined, adoption: null as unknown as number },
    });
    expect(cleared).toEqual(plain);
  });

  it('a framework without a component reports it as null', () => {
    const framework = { ...DSCE_V1, components: DSCE_V1.components.filter((c) => c.slug !== 'education') };
    const answers = Object.fromEntries(allQuestionIds(framework).map((id) => [id, 4 as const]));
    const r = scoreAssessment({ framework, answers });
    expect(r.components.education).toBeNull();
    expect(r.score).toBe(100);
  });

  it('an empty component (no questions) is excluded', () => {
    const framework = {
      ...DSCE_V1,
      components: DSCE_V1.components.map((c) => (c.slug === 'intent' ? { ...c, questions: [] } : c)),
    };
    const answers = Object.fromEntries(allQuestionIds(framework).map((id) => [id, 2 as const]));
    expect(scoreAssessment({ framework, answers }).components.intent).toBeNull();
  });

  it('extreme weights neither overflow nor underflow: S matches the same ratios at ordinary scale', () => {
    const answers = { ...all(2), ...answersFor('intent', [4, 4, 4, 4]) };
    const ordinary = scoreAssessment({ framework: DSCE_V1, answers, weights: { intent: 3 } });
    const huge = Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, slug === 'intent' ? 3e307 : 1e307]));
    const tiny = Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, slug === 'intent' ? 3e-310 : 1e-310]));
    for (const weights of [huge, tiny]) {
      const r = scoreAssessment({ framework: DSCE_V1, answers, weights });
      expect(r.score).toBeCloseTo(ordinary.score, 9);
      expect(sumLevers(r)).toBeCloseTo(100 - r.score, 9);
    }
    // the smallest positive double as the only weight: that component alone decides S
    const only = scoreAssessment({
      framework: DSCE_V1,
      answers,
      weights: Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, slug === 'adoption' ? Number.MIN_VALUE : 0])),
    });
    expect(only.score).toBe(50);
    expect(only.components.adoption?.lever).toBe(50);
    // the largest finite weight next to ordinary ones
    const max = scoreAssessment({ framework: DSCE_V1, answers, weights: { intent: Number.MAX_VALUE } });
    expect(max.score).toBe(100);
    expect(Number.isFinite(max.components.adoption?.lever)).toBe(true);
  });

  it('reports the weight as given, not as internally scaled', () => {
    const r = scoreAssessment({ framework: DSCE_V1, answers: all(1), weights: { intent: 40, outcomes: 0.25 } });
    expect(r.components.intent?.weight).toBe(40);
    expect(r.components.outcomes?.weight).toBe(0.25);
    expect(r.components.journey?.weight).toBe(1);
  });
});
