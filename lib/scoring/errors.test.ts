import { describe, expect, it } from 'vitest';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type Framework } from '../framework';
import {
  bandFor,
  historyByPeriod,
  isStale,
  portfolioSummary,
  scoreAssessment,
  ScoringError,
  type ScoreInput,
  type ScoringErrorCode,
} from './index';

function caught(fn: () => unknown): ScoringError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScoringError);
    return error as ScoringError;
  }
  throw new Error('expected a ScoringError, nothing was thrown');
}

function expectError(fn: () => unknown, code: ScoringErrorCode, field: string): void {
  const error = caught(fn);
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
}

const answers = Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, 2 as const]));
const score = (overrides: Partial<ScoreInput>) => () => scoreAssessment({ framework: DSCE_V1, answers, ...overrides });
const loose = <T>(value: unknown) => value as T;

describe('ScoringError', () => {
  it('is an Error with name, code and field', () => {
    const error = new ScoringError('INVALID_TARGET', 'targets.intent', 'bad');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScoringError');
    expect(error.message).toBe('targets.intent: bad');
  });
});

describe('scoreAssessment rejects invalid input, naming the field', () => {
  it('INVALID_FRAMEWORK: unknown or duplicate slug, duplicate question id', () => {
    const [first, second] = DSCE_V1.components as [Framework['components'][0], Framework['components'][0]];
    const dupSlug = { ...DSCE_V1, components: [first, { ...second, slug: first.slug }] };
    expectError(score({ framework: dupSlug, answers: {} }), 'INVALID_FRAMEWORK', 'framework.components[1].slug');
    const badSlug = { ...DSCE_V1, components: [{ ...first, slug: loose<'intent'>('vision') }] };
    expectError(score({ framework: badSlug, answers: {} }), 'INVALID_FRAMEWORK', 'framework.components[0].slug');
    const dupId = { ...DSCE_V1, components: [first, { ...second, questions: [...second.questions, first.questions[0]!] }] };
    expectError(score({ framework: dupId, answers: {} }), 'INVALID_FRAMEWORK', 'framework.questions.intent.q1');
  });

  it('INVALID_ANSWERS: answers must be an object', () => {
    for (const bad of [null, [], 'x']) expectError(score({ answers: loose(bad) }), 'INVALID_ANSWERS', 'answers');
  });

  it('UNKNOWN_QUESTION: an id the framework does not define', () => {
    expectError(score({ answers: { ...answers, 'intent.q9': 2 } }), 'UNKNOWN_QUESTION', 'answers.intent.q9');
    expectError(score({ answers: loose({ toString: 2 }) }), 'UNKNOWN_QUESTION', 'answers.toString');
  });

  it('INVALID_LEVEL: anything but 0–4, unknown or na', () => {
    for (const bad of [5, -1, 2.5, '3', null, Number.NaN, 'NA', true]) {
      expectError(score({ answers: { ...answers, 'adoption.q2': loose(bad) } }), 'INVALID_LEVEL', 'answers.adoption.q2');
    }
  });

  it('UNKNOWN_COMPONENT: a weight or target for a slug that does not exist', () => {
    expectError(score({ weights: loose({ vision: 1 }) }), 'UNKNOWN_COMPONENT', 'weights.vision');
    expectError(score({ targets: loose({ vision: 50 }) }), 'UNKNOWN_COMPONENT', 'targets.vision');
  });

  it('INVALID_WEIGHT / NEGATIVE_WEIGHT', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1']) {
      expectError(score({ weights: { intent: loose(bad) } }), 'INVALID_WEIGHT', 'weights.intent');
    }
    for (const bad of [-1, -Number.MIN_VALUE]) {
      expectError(score({ weights: { adoption: bad } }), 'NEGATIVE_WEIGHT', 'weights.adoption');
    }
  });

  it('ALL_WEIGHTS_ZERO', () => {
    const weights = Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, 0]));
    expectError(score({ weights }), 'ALL_WEIGHTS_ZERO', 'weights');
    expectError(score({ weights: { ...weights, journey: -0 } }), 'ALL_WEIGHTS_ZERO', 'weights');
  });

  it('INVALID_TARGET: outside (0, 100] or not finite', () => {
    for (const bad of [0, -0, -5, 100.000001, Number.NaN, Number.POSITIVE_INFINITY, '80']) {
      expectError(score({ targets: { adoption: loose(bad) } }), 'INVALID_TARGET', 'targets.adoption');
    }
  });

  it('INVALID_THRESHOLDS: each value finite in [0, 100], strictly ordered', () => {
    const ok = { desired: 85, engaged: 70, atRisk: 50 };
    expectError(score({ thresholds: { ...ok, desired: 101 } }), 'INVALID_THRESHOLDS', 'thresholds.desired');
    expectError(score({ thresholds: { ...ok, engaged: Number.NaN } }), 'INVALID_THRESHOLDS', 'thresholds.engaged');
    expectError(score({ thresholds: { ...ok, atRisk: -1 } }), 'INVALID_THRESHOLDS', 'thresholds.atRisk');
    expectError(score({ thresholds: loose({ desired: 85, engaged: 70 }) }), 'INVALID_THRESHOLDS', 'thresholds.atRisk');
    expectError(score({ thresholds: { ...ok, engaged: 90 } }), 'INVALID_THRESHOLDS', 'thresholds');
    expectError(score({ thresholds: { ...ok, atRisk: 70 } }), 'INVALID_THRESHOLDS', 'thresholds');
  });

  it('NO_INCLUDED_COMPONENT: all na, or every included component weighted 0', () => {
    const allNa = Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, 'na' as const]));
    expectError(score({ answers: allNa }), 'NO_INCLUDED_COMPONENT', 'answers');
    // outcomes is the only weighted component, and it is all na
    const weights = Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, slug === 'outcomes' ? 1 : 0]));
    const outcomesNa = { ...answers, 'outcomes.q1': 'na', 'outcomes.q2': 'na', 'outcomes.q3': 'na', 'outcomes.q4': 'na' } as const;
    expectError(score({ answers: outcomesNa, weights }), 'NO_INCLUDED_COMPONENT', 'weights');
  });

  it('checks run in a fixed order: weights before targets before thresholds before answers', () => {
    const all = score({
      answers: { nope: 1 } as never,
      weights: { intent: -1 },
      targets: { intent: 0 },
      thresholds: { desired: 1, engaged: 2, atRisk: 3 },
    });
    expect(caught(all).field).toBe('weights.intent');
  });
});

describe('other functions reject invalid input', () => {
  it('bandFor: INVALID_SCORE and INVALID_THRESHOLDS', () => {
    expectError(() => bandFor(Number.NaN), 'INVALID_SCORE', 'score');
    expectError(() => bandFor(50, { desired: 50, engaged: 50, atRisk: 10 }), 'INVALID_THRESHOLDS', 'thresholds');
  });

  it('isStale: INVALID_DATE and INVALID_REVIEW_INTERVAL', () => {
    const d = new Date('2025-01-01T00:00:00Z');
    expectError(() => isStale(new Date(Number.NaN), d, 90), 'INVALID_DATE', 'submittedAt');
    expectError(() => isStale(loose('2025-01-01'), d, 90), 'INVALID_DATE', 'submittedAt');
    expectError(() => isStale(d, new Date(Number.NaN), 90), 'INVALID_DATE', 'now');
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '90']) {
      expectError(() => isStale(d, d, loose(bad)), 'INVALID_REVIEW_INTERVAL', 'reviewIntervalDays');
    }
  });

  it('portfolioSummary: INVALID_ARR, INVALID_SCORE, INVALID_THRESHOLDS, INVALID_DATE', () => {
    const latest = { score: 50, components: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, null])) } as never;
    const ok = { accountId: 'a', arr: 1, latest };
    for (const arr of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5']) {
      expectError(() => portfolioSummary([ok, { ...ok, arr: loose(arr) }]), 'INVALID_ARR', 'entries[1].arr');
    }
    for (const s of [-0.1, 100.1, Number.NaN, '50']) {
      const bad = { ...ok, latest: { score: loose<number>(s), components: {} } as never };
      expectError(() => portfolioSummary([bad]), 'INVALID_SCORE', 'entries[0].latest.score');
    }
    expectError(
      () => portfolioSummary([ok], { thresholds: { desired: 1, engaged: 2, atRisk: 0 } }),
      'INVALID_THRESHOLDS',
      'thresholds',
    );
    expectError(() => portfolioSummary([{ ...ok, submittedAt: new Date(Number.NaN) }]), 'INVALID_DATE', 'entries[0].submittedAt');
    expectError(() => portfolioSummary([{ ...ok, submittedAt: loose('2025-01-01') }]), 'INVALID_DATE', 'entries[0].submittedAt');
    expectError(() => portfolioSummary([ok], { now: new Date(Number.NaN) }), 'INVALID_DATE', 'now');
    expectError(() => portfolioSummary([ok], { reviewIntervalDays: 0 }), 'INVALID_REVIEW_INTERVAL', 'reviewIntervalDays');
  });

  it('historyByPeriod: INVALID_PERIOD, INVALID_DATE, INVALID_SCORE', () => {
    const ok = { accountId: 'a', submittedAt: new Date('2025-02-01T00:00:00Z'), score: 10 };
    expectError(() => historyByPeriod([ok], loose('week')), 'INVALID_PERIOD', 'period');
    expectError(() => historyByPeriod([ok, { ...ok, submittedAt: new Date(Number.NaN) }], 'month'), 'INVALID_DATE', 'points[1].submittedAt');
    expectError(() => historyByPeriod([{ ...ok, submittedAt: loose('2025-01-01') }], 'month'), 'INVALID_DATE', 'points[0].submittedAt');
    const farFuture = new Date(Date.UTC(10000, 0, 1));
    const bc = new Date(-62_200_000_000_000);
    expectError(() => historyByPeriod([{ ...ok, submittedAt: farFuture }], 'month'), 'INVALID_DATE', 'points[0].submittedAt');
    expectError(() => historyByPeriod([{ ...ok, submittedAt: bc }], 'quarter'), 'INVALID_DATE', 'points[0].submittedAt');
    for (const s of [-1, 101, Number.NaN, '5']) {
      expectError(() => historyByPeriod([{ ...ok, score: loose(s) }], 'month'), 'INVALID_SCORE', 'points[0].score');
    }
  });
});
