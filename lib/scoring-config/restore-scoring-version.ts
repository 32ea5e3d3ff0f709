import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { notFoundError } from '@/lib/errors';
import type { OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { applyScoringConfiguration, type AppliedConfiguration } from './apply-scoring-configuration';
import { readComponentNumbers, readTargetsSnapshot, readThresholds } from './configuration-snapshot';
import type { RescoreOptions } from './rescore-latest-results';
import type { RestoreScoringVersionInput } from './scoring-config-input';

/**
 * "Restore this version": a new version with an earlier version's weights, targets and thresholds, re-scored like
 * any save (history is never rewritten). A version of another organisation is NOT_FOUND, like a missing one.
 */
export async function restoreScoringVersion(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: RestoreScoringVersionInput,
  options: RescoreOptions = {},
): Promise<AppliedConfiguration> {
  return applyScoringConfiguration(
    prisma,
    actor,
    async (tx) => {
      const restored = await tx.weightConfig.findUnique({
        where: { organizationId_version: { organizationId: actor.organizationId, version: input.version } },
        select: { weights: true, targets: true, thresholds: true },
      });
      if (!restored) throw notFoundError();
      return {
        basedOnVersion: input.basedOnVersion,
        configuration: {
          weights: readComponentNumbers(restored.weights),
          targets: readTargetsSnapshot(restored.targets),
          thresholds: readThresholds(restored.thresholds),
        },
        reason: input.reason ?? `Restored version ${input.version}`,
        action: 'scoring.configuration_restored',
        restoredFromVersion: input.version,
      };
    },
    options,
  );
}
