import { COMPONENT_SLUGS, isAnswer, isComponentSlug, type ComponentSlug, type Framework } from '../framework';
import { DEFAULT_TARGET, DEFAULT_WEIGHT } from './defaults';
import { ScoringError } from './errors';
import type { ScoreInput } from './types';

/**
 * Input validation for scoreAssessment. Each check throws a ScoringError naming the offending field; checks run in
 * a fixed order (framework, weights, targets, thresholds, answers) so the same input always reports the same error.
 */

/** Rejects frameworks whose slugs are unknown/duplicated or whose question ids repeat (they would double count). */
export function validateFramework(framework: Framework): void {
  const slugs = new Set<string>();
  const ids = new Set<string>();
  framework.components.forEach((component, i) => {
    if (!isComponentSlug(component.slug) || slugs.has(component.slug)) {
      throw new ScoringError('INVALID_FRAMEWORK', `framework.components[${i}].slug`, 'unknown or duplicate slug');
    }
    slugs.add(component.slug);
    for (const question of component.questions) {
      if (ids.has(question.id)) {
        throw new ScoringError('INVALID_FRAMEWORK', `framework.questions.${question.id}`, 'duplicate question id');
      }
      ids.add(question.id);
    }
  });
}

function rejectUnknownSlugs(record: object, name: string): void {
  for (const key of Object.keys(record)) {
    if (!isComponentSlug(key)) throw new ScoringError('UNKNOWN_COMPONENT', `${name}.${key}`, 'unknown component');
  }
}

function valueOf(record: Readonly<Partial<Record<ComponentSlug, number>>>, slug: ComponentSlug): unknown {
  return Object.hasOwn(record, slug) ? record[slug] : undefined;
}

/** Weights per slug (missing, undefined or null → 1); each finite and >= 0, not all zero. -0 is normalised to 0. */
export function resolveWeights(weights: ScoreInput['weights'] = {}): Record<ComponentSlug, number> {
  rejectUnknownSlugs(weights, 'weights');
  const resolved = {} as Record<ComponentSlug, number>;
  for (const slug of COMPONENT_SLUGS) {
    const value = valueOf(weights, slug) ?? DEFAULT_WEIGHT;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ScoringError('INVALID_WEIGHT', `weights.${slug}`, 'must be a finite number');
    }
    if (value < 0) throw new ScoringError('NEGATIVE_WEIGHT', `weights.${slug}`, 'must be >= 0');
    resolved[slug] = value === 0 ? 0 : value;
  }
  if (COMPONENT_SLUGS.every((slug) => resolved[slug] === 0)) {
    throw new ScoringError('ALL_WEIGHTS_ZERO', 'weights', 'at least one weight must be positive');
  }
  return resolved;
}

/** Targets per slug (missing, undefined or null → 100); each finite and in (0, 100]. */
export function resolveTargets(targets: ScoreInput['targets'] = {}): Record<ComponentSlug, number> {
  rejectUnknownSlugs(targets, 'targets');
  const resolved = {} as Record<ComponentSlug, number>;
  for (const slug of COMPONENT_SLUGS) {
    const value = valueOf(targets, slug) ?? DEFAULT_TARGET;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 100) {
      throw new ScoringError('INVALID_TARGET', `targets.${slug}`, 'must be a finite number in (0, 100]');
    }
    resolved[slug] = value;
  }
  return resolved;
}

/** Every answer key must be a question of the framework and every value a level 0–4, `unknown` or `na`. */
export function validateAnswers(framework: Framework, answers: ScoreInput['answers']): void {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new ScoringError('INVALID_ANSWERS', 'answers', 'must be an object keyed by question id');
  }
  const ids = new Set(framework.components.flatMap((c) => c.questions.map((q) => q.id)));
  for (const [id, value] of Object.entries(answers)) {
    if (!ids.has(id)) throw new ScoringError('UNKNOWN_QUESTION', `answers.${id}`, 'not a question of the framework');
    // undefined is a cleared draft answer: treated like a missing key (unanswered → unknown).
    if (value !== undefined && !isAnswer(value)) {
      throw new ScoringError('INVALID_LEVEL', `answers.${id}`, "must be a level 0–4, 'unknown' or 'na'");
    }
  }
}
