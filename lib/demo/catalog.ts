import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';

/**
 * The reference data both generators create: segments with their ARR ranges and target overrides, journey stages,
 * default targets and the initial weights. One place, so the demo and the synthetic load tell the same story.
 */

export type SegmentKey = 'enterprise' | 'mid-market' | 'tech-touch';

export interface SegmentDefinition {
  key: SegmentKey;
  name: string;
  tier: number;
  /** ARR range in the organisation's currency (drawn log-uniformly). */
  arr: { min: number; max: number };
  /** Desired-state overrides of the organisation default for this segment. */
  targetOverrides: Partial<Record<ComponentSlug, number>>;
  /** How accounts of this segment typically differ from the average, in answer levels per component. */
  levelBias: Partial<Record<ComponentSlug, number>>;
}

export const SEGMENTS: readonly SegmentDefinition[] = [
  {
    key: 'enterprise',
    name: 'Enterprise',
    tier: 1,
    arr: { min: 150_000, max: 1_200_000 },
    // High-touch accounts: we expect more of the relationship and of measurable outcomes.
    targetOverrides: { relationships: 90, outcomes: 88, intent: 85, journey: 85 },
    levelBias: { relationships: 0.4, intent: 0.3, outcomes: 0.2, education: -0.2 },
  },
  {
    key: 'mid-market',
    name: 'Mid-market',
    tier: 2,
    arr: { min: 30_000, max: 150_000 },
    targetOverrides: { adoption: 85 },
    levelBias: {},
  },
  {
    key: 'tech-touch',
    name: 'Tech-touch',
    tier: 3,
    arr: { min: 5_000, max: 30_000 },
    // Scaled accounts: little 1:1 relationship by design, so education and the journey carry more of the load.
    targetOverrides: { relationships: 60, engagement: 70, education: 90, journey: 85 },
    levelBias: { relationships: -0.7, engagement: -0.3, intent: -0.3, education: 0.3, journey: 0.2 },
  },
];

/** In journey order; `position` is the index. */
export const JOURNEY_STAGES = ['Onboarding', 'Adoption', 'Value realisation', 'Renewal', 'Expansion'] as const;
export type JourneyStageName = (typeof JOURNEY_STAGES)[number];

export const DEFAULT_TARGET_VALUE = 80;

export const INITIAL_WEIGHTS_REASON = 'Initial defaults';

export function initialWeights(): Record<ComponentSlug, number> {
  return Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, 1])) as Record<ComponentSlug, number>;
}

export function defaultTargets(): Record<ComponentSlug, number> {
  return Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, DEFAULT_TARGET_VALUE])) as Record<
    ComponentSlug,
    number
  >;
}

/** The targets in force for an account of this segment: the segment's override, else the organisation default. */
export function targetsForSegment(segment: SegmentDefinition): Record<ComponentSlug, number> {
  return { ...defaultTargets(), ...segment.targetOverrides };
}

/** Rounded, log-uniform ARR: many small contracts, few large ones, as in a real book of business. */
export function drawArr(next: () => number, segment: SegmentDefinition): number {
  const { min, max } = segment.arr;
  const value = Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)));
  const step = value >= 100_000 ? 1_000 : 100;
  return Math.min(max, Math.max(min, Math.round(value / step) * step));
}
