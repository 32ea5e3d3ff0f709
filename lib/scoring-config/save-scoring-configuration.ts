import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { AppError } from '@/lib/errors';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { applyScoringConfiguration, type AppliedConfiguration } from './apply-scoring-configuration';
import type { ComponentNumbers, ScoringConfiguration, TargetsSnapshot } from './configuration-snapshot';
import type { RescoreOptions } from './rescore-latest-results';
import type { SegmentOption } from './load-scoring-configuration';
import type { SaveScoringConfigurationInput, ScoringConfigurationInput } from './scoring-config-input';

/**
 * Saves weights, targets (defaults and per-segment overrides) and band thresholds as a new version (admins), with
 * a reason, and re-scores every account's latest result with it — all in one transaction. A save based on a
 * version that is no longer the latest is refused (CONFLICT), so two admins never silently overwrite each other.
 */
export async function saveScoringConfiguration(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: SaveScoringConfigurationInput,
  options: RescoreOptions = {},
): Promise<AppliedConfiguration> {
  return applyScoringConfiguration(
    prisma,
    actor,
    async (_tx, current) => ({
      basedOnVersion: input.basedOnVersion,
      configuration: configurationFromInput(input, current.segments, current.configuration.targets),
      reason: input.reason,
      action: 'scoring.configuration_saved',
    }),
    options,
  );
}

/**
 * The configuration an editor's input describes. The input lists overrides for the organisation's active
 * segments; a retired segment keeps the overrides it had (its accounts are still scored with them). A segment id
 * the organisation does not have is refused like any other bad input.
 */
export function configurationFromInput(
  input: ScoringConfigurationInput,
  segments: readonly SegmentOption[],
  currentTargets: TargetsSnapshot,
): ScoringConfiguration {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const overrides: Record<string, ComponentNumbers> = {};
  for (const segment of segments) {
    const kept = currentTargets.segments[segment.id];
    if (segment.retired && kept) overrides[segment.id] = { ...kept };
  }
  for (const [segmentId, values] of Object.entries(input.segmentTargets)) {
    const segment = byId.get(segmentId);
    if (!segment) throw new AppError('VALIDATION', 'One of the segments no longer exists. Reload the page and try again.');
    if (segment.retired) continue;
    const numbers: ComponentNumbers = {};
    for (const slug of COMPONENT_SLUGS) {
      const value = values[slug];
      if (value !== undefined) numbers[slug] = value;
    }
    if (Object.keys(numbers).length > 0) overrides[segmentId] = numbers;
  }
  return {
    weights: { ...input.weights },
    targets: { defaults: { ...input.defaultTargets }, segments: overrides },
    thresholds: { ...input.thresholds },
  };
}
