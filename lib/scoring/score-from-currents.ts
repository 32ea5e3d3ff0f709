import { COMPONENT_SLUGS, type ComponentSlug } from '../framework';
import { bandFor, validateThresholds } from './bands';
import { DEFAULT_THRESHOLDS } from './defaults';
import { ScoringError } from './errors';
import type { ComponentScore, CurrentsInput, CurrentsScore } from './types';
import { resolveTargets, resolveWeights } from './validate';

/**
 * The part of scoring that needs only each component's current score C_c: S, its gap, the band and every
 * component's target, gap, surplus, attainment and lever. scoreAssessment derives its result from this function,
 * so re-scoring a stored result from its currents (after weights, targets or thresholds change) gives exactly
 * what scoring its answers again would. Pure; every sum runs in COMPONENT_SLUGS order; nothing is rounded.
 */
export function scoreFromCurrents(input: CurrentsInput): CurrentsScore {
  const weights = resolveWeights(input.weights);
  const targets = resolveTargets(input.targets);
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  validateThresholds(thresholds);
  const currents = resolveCurrents(input.currents);

  let included = 0;
  let maxWeight = 0;
  for (const slug of COMPONENT_SLUGS) {
    if (currents[slug] === null) continue;
    included += 1;
    maxWeight = Math.max(maxWeight, weights[slug]);
  }
  // S is undefined without a weighted, included component.
  if (maxWeight === 0) {
    throw included === 0
      ? new ScoringError('NO_INCLUDED_COMPONENT', 'currents', 'no component is included')
      : new ScoringError('NO_INCLUDED_COMPONENT', 'weights', 'every included component has weight 0');
  }

  // Σ w·min(C, T) and Σ w·T over included components with w > 0, with the weights scaled exactly (see below).
  const k = normalisingExponent(maxWeight);
  const scaled: Partial<Record<ComponentSlug, number>> = {};
  let attained = 0;
  let desired = 0;
  for (const slug of COMPONENT_SLUGS) {
    const c = currents[slug];
    if (c === null || weights[slug] === 0) continue;
    scaled[slug] = timesPowerOfTwo(weights[slug], k);
    attained += scaled[slug] * Math.min(c, targets[slug]);
    desired += scaled[slug] * targets[slug];
  }
  // attained <= desired holds term by term in floating point, so S <= 100; and S = 100 exactly when all terms match.
  const score = 100 * (attained / desired);

  const components = {} as Record<ComponentSlug, ComponentScore | null>;
  for (const slug of COMPONENT_SLUGS) {
    const c = currents[slug];
    if (c === null) {
      components[slug] = null;
      continue;
    }
    const target = targets[slug];
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
      weight: weights[slug],
    };
  }
  return { score, gap: 100 - score, band: bandFor(score, thresholds), components };
}

/** Currents per slug (missing, undefined or null → excluded); each finite and in [0, 100]. */
function resolveCurrents(currents: CurrentsInput['currents']): Record<ComponentSlug, number | null> {
  const resolved = {} as Record<ComponentSlug, number | null>;
  for (const key of Object.keys(currents)) {
    if (!(COMPONENT_SLUGS as readonly string[]).includes(key)) {
      throw new ScoringError('UNKNOWN_COMPONENT', `currents.${key}`, 'unknown component');
    }
  }
  for (const slug of COMPONENT_SLUGS) {
    const value: unknown = Object.hasOwn(currents, slug) ? currents[slug] : undefined;
    if (value === undefined || value === null) {
      resolved[slug] = null;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new ScoringError('INVALID_CURRENT', `currents.${slug}`, 'must be a finite number in [0, 100]');
    }
    resolved[slug] = value;
  }
  return resolved;
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

