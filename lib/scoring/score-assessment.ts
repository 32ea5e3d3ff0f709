import { COMPONENT_SLUGS, type ComponentSlug, type FrameworkComponent } from '../framework';
import { validateThresholds } from './bands';
import { DEFAULT_THRESHOLDS } from './defaults';
import { ScoringError } from './errors';
import { scoreFromCurrents } from './score-from-currents';
import type { ScoreInput, ScoreResult } from './types';
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

export function scoreAssessment(input: ScoreInput): ScoreResult {
  const { framework, answers } = input;
  validateFramework(framework);
  // Validated here too (not only in scoreFromCurrents) so errors keep their documented order: framework,
  // weights, targets, thresholds, answers.
  resolveWeights(input.weights);
  resolveTargets(input.targets);
  validateThresholds(input.thresholds ?? DEFAULT_THRESHOLDS);
  validateAnswers(framework, answers);

  const bySlug = new Map(framework.components.map((c) => [c.slug, c]));
  const currents: Partial<Record<ComponentSlug, number>> = {};
  let counted = 0;
  let known = 0;
  let unanswered = 0;
  for (const slug of COMPONENT_SLUGS) {
    const component = bySlug.get(slug);
    if (component === undefined) continue; // a framework without this component: excluded
    const t = tally(component, answers);
    counted += t.counted;
    known += t.known;
    unanswered += t.unanswered;
    if (t.counted === 0) continue; // all `na`: excluded
    // 100 · mean(level / 4) = 25 · Σlevel / n: one rounding only, and exactly 100 when every level is 4.
    currents[slug] = (25 * t.levelSum) / t.counted;
  }
  // Every question `na`: blame the answers (scoreFromCurrents would blame the currents it was given).
  if (counted === 0) {
    throw new ScoringError('NO_INCLUDED_COMPONENT', 'answers', 'every question is na: no component is included');
  }
  const scored = scoreFromCurrents({
    currents,
    targets: input.targets,
    weights: input.weights,
    thresholds: input.thresholds,
  });
  return {
    score: scored.score,
    gap: scored.gap,
    // counted > 0 here (checked above), so confidence is always defined.
    confidence: (100 * known) / counted,
    unanswered,
    band: scored.band,
    components: scored.components,
  };
}
