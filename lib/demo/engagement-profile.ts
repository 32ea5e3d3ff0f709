import { COMPONENT_SLUGS, type Answer, type ComponentSlug, type Framework, type Level } from '@/lib/framework';
import type { SegmentDefinition } from './catalog';
import type { Random } from './random';

/**
 * How one synthetic account "really" is, so its assessments over time tell a consistent story: an overall maturity,
 * components it is strong or weak in, a trajectory across quarters, how much its CSM does not know, and which
 * questions do not apply to it. Answers are then noisy readings of that state.
 */

export const TRAJECTORIES = ['improving', 'declining', 'flat', 'volatile'] as const;
export type Trajectory = (typeof TRAJECTORIES)[number];

export interface EngagementProfile {
  trajectory: Trajectory;
  /** Mean answer level (0–4 scale) at the most recent period. */
  baseline: number;
  /** Level offset per component: the account's strengths (> 0) and weaknesses (< 0), segment bias included. */
  componentBias: Record<ComponentSlug, number>;
  /** Level shift of each period, oldest first; the last is 0 (the baseline is "now"). */
  periodShift: number[];
  /** Probability that a question is answered `unknown` in the latest period (older periods know less). */
  unknownRate: number;
  /** Questions answered `na` for this account in every assessment (at most one per component). */
  notApplicable: ReadonlySet<string>;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function periodShifts(random: Random, trajectory: Trajectory, periods: number): number[] {
  const shifts = new Array<number>(periods).fill(0);
  // Total change is bounded so long histories (10 quarters) stay within the 0–4 scale.
  const slope = Math.min(random.between(0.2, 0.45), 2 / Math.max(periods - 1, 1));
  let walk = 0;
  for (let p = periods - 2; p >= 0; p -= 1) {
    const quartersBack = periods - 1 - p;
    if (trajectory === 'improving') shifts[p] = -slope * quartersBack;
    else if (trajectory === 'declining') shifts[p] = slope * quartersBack;
    else if (trajectory === 'flat') shifts[p] = random.between(-0.1, 0.1);
    else {
      // Volatile: a mean-reverting walk with large steps.
      walk = clamp(0.4 * walk + random.between(-0.8, 0.8), -1.2, 1.2);
      shifts[p] = walk;
    }
  }
  return shifts;
}

export function createEngagementProfile(
  random: Random,
  framework: Framework,
  segment: SegmentDefinition,
  periods: number,
): EngagementProfile {
  const trajectory = random.weighted(TRAJECTORIES, [3, 2, 4, 2]);
  const baseline = clamp(2.5 + 0.7 * random.normal(), 0.7, 3.7);
  const componentBias = {} as Record<ComponentSlug, number>;
  for (const slug of COMPONENT_SLUGS) componentBias[slug] = (segment.levelBias[slug] ?? 0) + random.between(-0.3, 0.3);
  // One or two marked strengths and weaknesses give every account a "fix this first" component.
  for (let i = random.int(1, 2); i > 0; i -= 1) componentBias[random.pick(COMPONENT_SLUGS)] += random.between(0.6, 1.1);
  for (let i = random.int(1, 2); i > 0; i -= 1) componentBias[random.pick(COMPONENT_SLUGS)] -= random.between(0.8, 1.4);

  const notApplicable = new Set<string>();
  const naCount = random.weighted([0, 1, 2], [6, 3, 1]);
  for (const component of framework.components) {
    if (notApplicable.size >= naCount) break;
    if (component.questions.length > 1 && random.chance(0.25)) notApplicable.add(random.pick(component.questions).id);
  }

  return {
    trajectory,
    baseline,
    componentBias,
    periodShift: periodShifts(random, trajectory, periods),
    unknownRate: random.weighted([0.01, 0.04, 0.1], [4, 4, 2]),
    notApplicable,
  };
}

/**
 * One complete answer set for period `period` (0 = oldest of the profile's periods). Older periods carry more
 * `unknown`, and weak components more still: teams know least where they engage least.
 */
export function generateAnswers(
  random: Random,
  framework: Framework,
  profile: EngagementProfile,
  period: number,
): Record<string, Answer> {
  const periods = profile.periodShift.length;
  const age = periods > 1 ? (periods - 1 - period) / (periods - 1) : 0;
  const shift = profile.periodShift[period] ?? 0;
  const answers: Record<string, Answer> = {};
  for (const component of framework.components) {
    const bias = profile.componentBias[component.slug];
    const unknownRate = profile.unknownRate * (1 + 2 * age) + (bias < -0.5 ? 0.04 : 0);
    const mean = profile.baseline + bias + shift;
    for (const question of component.questions) {
      if (profile.notApplicable.has(question.id)) answers[question.id] = 'na';
      else if (random.chance(unknownRate)) answers[question.id] = 'unknown';
      else answers[question.id] = clamp(Math.round(mean + 0.6 * random.normal()), 0, 4) as Level;
    }
  }
  return answers;
}

/** A draft's answers: the first part of a complete set, in form order, as a CSM fills it top to bottom. */
export function partialAnswers(random: Random, complete: Record<string, Answer>): Record<string, Answer> {
  const entries = Object.entries(complete);
  const keep = Math.round(entries.length * random.between(0.25, 0.75));
  return Object.fromEntries(entries.slice(0, keep));
}
