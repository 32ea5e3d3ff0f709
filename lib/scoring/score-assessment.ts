import { COMPONENT_SLUGS, type ComponentSlug, type FrameworkComponent } from '../framework';
import { bandFor, validateThresholds } from './bands';
import { DEFAULT_THRESHOLDS } from './defaults';
import { ScoringError } from './errors';
import type { ComponentScore, ScoreInput, ScoreResult } from './types';
import { resolveTargets, resolveWeights, validateAnswers, validateFramework } from './validate';

/**
 * Scores one assessment exactly as shared/framework/scoring.md defines it. Pure and deterministic: every sum runs
 * in COMPONENT_SLUGS order (never in answer-key order), nothing is rounded, and the input is never mutated.
 */

interface Tally {
  /** Σ level over the component's non-`na` questions (unknown and unanswered count as 0). */
  levelSum: number;
  /** Number of non-`na` questions. */
  counted: number;
  /** Non-`na` questions answered with a level. */
  known: number;
  /** Questions with no answer at all. */
  unanswered: number;
}

function tally(component: FrameworkComponent, answers: ScoreInput['answers']): Tally {
  const t: Tally = { levelSum: 0, counted: 0, known: 0, unanswered: 0 };
  for (const question of component.questions) {
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (answer === 'na') continue;
    t.counted += 1;
    if (answer === undefined) t.unanswered += 1;
    else if (answer !== 'unknown') {
      t.known += 1;
      t.levelSum += answer;
    }
  }
  return t;
}

/**
 * Returns 2^k such that max · 2^k lies in [1, 2), as an exponent k (the scale itself can overflow for tiny weights).
 * Scaling weights by a power of two is exact, so S is unchanged, yet Σ w·T can no longer overflow to Infinity (huge
 * weights) or underflow to 0 (tiny weights): the largest weight becomes >= 1, so Σ w·T >= its T > 0.
 */
function normalisingExponent(max: number): number {
  let k = 0;
  for (let m = max; m >= 2; m /= 2) k -= 1;
  for (let m = max; m < 1; m *= 2) k += 1;
  return k;
}

function timesPowerOfTwo(x: number, k: number): number {
  let y = x;
  for (let i = 0; i < k; i += 1) y *= 2;
  for (let i = 0; i > k; i -= 1) y /= 2;
  return y;
}

export function scoreAssessment(input: ScoreInput): ScoreResult {
  const { framework, answers } = input;
  validateFramework(framework);
  const weights = resolveWeights(input.weights);
  const targets = resolveTargets(input.targets);
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  validateThresholds(thresholds);
  validateAnswers(framework, answers);

  const bySlug = new Map(framework.components.map((c) => [c.slug, c]));
  const current: Partial<Record<ComponentSlug, number>> = {};
  let counted = 0;
  let known = 0;
  let unanswered = 0;
  let maxWeight = 0;
  for (const slug of COMPONENT_SLUGS) {
    const component = bySlug.get(slug);
    if (component === undefined) continue; // a framework without this component: excluded
    const t = tally(component, answers);
    counted += t.counted;
    known += t.known;
    unanswered += t.unanswered;
    if (t.counted === 0) continue; // all `na`: excluded
    // 100 · mean(level / 4) = 25 · Σlevel / n: one rounding only, and exactly 100 when every level is 4.
    current[slug] = (25 * t.levelSum) / t.counted;
    maxWeight = Math.max(maxWeight, weights[slug]);
  }
  // S is undefined without a weighted, included component. Blame the answers when every question is `na`,
  // otherwise the weights (every included component is weighted 0).
  if (maxWeight === 0) {
    throw counted === 0
      ? new ScoringError('NO_INCLUDED_COMPONENT', 'answers', 'every question is na: no component is included')
      : new ScoringError('NO_INCLUDED_COMPONENT', 'weights', 'every included component has weight 0');
  }

  // Σ w·min(C, T) and Σ w·T over included components with w > 0, with the weights scaled exactly (see above).
  const k = normalisingExponent(maxWeight);
  const scaled: Partial<Record<ComponentSlug, number>> = {};
  let attained = 0;
  let desired = 0;
  for (const slug of COMPONENT_SLUGS) {
    const c = current[slug];
    if (c === undefined || weights[slug] === 0) continue;
    scaled[slug] = timesPowerOfTwo(weights[slug], k);
    attained += scaled[slug] * Math.min(c, targets[slug]);
    desired += scaled[slug] * targets[slug];
  }
  // attained <= desired holds term by term in floating point, so S <= 100; and S = 100 exactly when all terms match.
  const score = 100 * (attained / desired);

  const components = {} as Record<ComponentSlug, ComponentScore | null>;
  for (const slug of COMPONENT_SLUGS) {
    const c = current[slug];
    if (c === undefined) {
      components[slug] = null;
      continue;
    }
    const target = targets[slug];
    const weight = weights[slug];
    const gap = Math.max(target - c, 0);
    const w = scaled[slug];
    const lever = w === undefined ? 0 : 100 * ((w * gap) / desired); // weight 0: not in the sums, no lever
    components[slug] = {
      current: c,
      target,
      gap,
      surplus: Math.max(c - target, 0),
      attainment: Math.min(c / target, 1),
      lever,
      weight,
    };
  }

  return {
    score,
    gap: 100 - score,
    // counted > 0 here: a result exists only if some component is included. When every answered question is `na`
    // we have already thrown NO_INCLUDED_COMPONENT, so confidence never has to be defined for that case.
    confidence: (100 * known) / counted,
    unanswered,
    band: bandFor(score, thresholds),
    components,
  };
}
