import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT_SLUGS, type ComponentSlug } from '../framework';
import { scoreAssessment, scoreFromCurrents, ScoringError, type ScoreInput, type ScoreResult } from './index';
import { inputArb, targetsArb, thresholdsArb, weightsArb } from './test-arbitraries';

const RUNS = { numRuns: 300 };

function tryScore(input: ScoreInput): ScoreResult | null {
  try {
    return scoreAssessment(input);
  } catch (error) {
    if (error instanceof ScoringError && ['NO_INCLUDED_COMPONENT', 'ALL_WEIGHTS_ZERO'].includes(error.code)) return null;
    throw error;
  }
}

const currentsOf = (result: ScoreResult) =>
  Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, result.components[slug]?.current ?? null])) as Record<
    ComponentSlug,
    number | null
  >;

/** The invariant the admin re-score relies on: a stored result's currents are enough to score it again. */
describe('scoreFromCurrents (fast-check)', () => {
  it('scoring from the currents equals scoring the answers, bit for bit', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = tryScore(input);
        fc.pre(result !== null);
        const { score, gap, band, components } = result as ScoreResult;
        const fromCurrents = scoreFromCurrents({
          currents: currentsOf(result as ScoreResult),
          weights: input.weights,
          targets: input.targets,
          thresholds: input.thresholds,
        });
        expect(fromCurrents).toEqual({ score, gap, band, components });
      }),
      RUNS,
    );
  });

  it('re-scoring with a new configuration equals scoring the answers with it', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.option(weightsArb, { nil: undefined }),
        fc.option(targetsArb, { nil: undefined }),
        fc.option(thresholdsArb, { nil: undefined }),
        (input, weights, targets, thresholds) => {
          const original = tryScore(input);
          fc.pre(original !== null);
          const rescoredAnswers = tryScore({ ...input, weights, targets, thresholds });
          fc.pre(rescoredAnswers !== null);
          const { score, gap, band, components } = rescoredAnswers as ScoreResult;
          const rescored = scoreFromCurrents({ currents: currentsOf(original as ScoreResult), weights, targets, thresholds });
          expect(rescored).toEqual({ score, gap, band, components });
        },
      ),
      RUNS,
    );
  });
});

describe('scoreFromCurrents input errors', () => {
  const expectError = (fn: () => unknown, code: string, field: string) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ScoringError);
      expect((error as ScoringError).code).toBe(code);
      expect((error as ScoringError).field).toBe(field);
      return;
    }
    throw new Error('expected a ScoringError');
  };

  it('rejects a current outside [0, 100] or not a finite number, naming the component', () => {
    expectError(() => scoreFromCurrents({ currents: { intent: 101 } }), 'INVALID_CURRENT', 'currents.intent');
    expectError(() => scoreFromCurrents({ currents: { adoption: -1 } }), 'INVALID_CURRENT', 'currents.adoption');
    expectError(() => scoreFromCurrents({ currents: { journey: Number.NaN } }), 'INVALID_CURRENT', 'currents.journey');
    expectError(
      () => scoreFromCurrents({ currents: { intent: '50' as unknown as number } }),
      'INVALID_CURRENT',
      'currents.intent',
    );
  });

  it('rejects an unknown component', () => {
    expectError(
      () => scoreFromCurrents({ currents: { nope: 3 } as unknown as Record<ComponentSlug, number> }),
      'UNKNOWN_COMPONENT',
      'currents.nope',
    );
  });

  it('needs an included, weighted component: blames the currents or the weights', () => {
    expectError(() => scoreFromCurrents({ currents: {} }), 'NO_INCLUDED_COMPONENT', 'currents');
    expectError(() => scoreFromCurrents({ currents: { intent: null } }), 'NO_INCLUDED_COMPONENT', 'currents');
    expectError(
      () => scoreFromCurrents({ currents: { intent: 50 }, weights: { intent: 0 } }),
      'NO_INCLUDED_COMPONENT',
      'weights',
    );
  });

  it('scores a worked example', () => {
    const result = scoreFromCurrents({ currents: { intent: 50, adoption: 100 }, targets: { intent: 80 }, weights: { adoption: 3 } });
    // S = 100 · (1·50 + 3·100) / (1·80 + 3·100) = 35000 / 380
    expect(result.score).toBeCloseTo(35000 / 380, 12);
    expect(result.components.intent).toMatchObject({ current: 50, target: 80, gap: 30, weight: 1 });
    expect(result.components.education).toBeNull();
    expect(result.band).toBe('desired');
  });
});
