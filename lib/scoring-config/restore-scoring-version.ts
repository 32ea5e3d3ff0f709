import { connectionStringOf, type PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import {
  applyScoringConfiguration,
  CONFIGURATION_TRANSACTION_TIMEOUT_MS,
  type AppliedConfiguration,
} from './apply-scoring-configuration';
import { readComponentNumbers, readTargetsSnapshot, readThresholds } from './configuration-snapshot';
import type { RescoreOptions } from './rescore-latest-results';
import { loadScoringConfiguration } from './load-scoring-configuration';
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
  return withTenant(
    prisma,
    { organizationId: actor.organizationId, userId: actor.userId },
    async (tx) => {
      await requireActorPermission(tx, actor, 'settings.write');
      const current = await loadScoringConfiguration(tx, actor.organizationId, { lock: true });
      const restored = await tx.weightConfig.findUnique({
        where: { organizationId_version: { organizationId: actor.organizationId, version: input.version } },
        select: { weights: true, targets: true, thresholds: true },
      });
      if (!restored) throw notFoundError();
      return applyScoringConfiguration(
        tx,
        actor,
        current,
        {
          basedOnVersion: input.basedOnVersion,
          configuration: {
            weights: readComponentNumbers(restored.weights),
            targets: readTargetsSnapshot(restored.targets),
            thresholds: readThresholds(restored.thresholds),
          },
          reason: input.reason ?? `Restored version ${input.version}`,
          action: 'scoring.configuration_restored',
          restoredFromVersion: input.version,
        },
        { connectionString: connectionStringOf(prisma), ...options },
      );
    },
    { timeout: CONFIGURATION_TRANSACTION_TIMEOUT_MS },
  );
}
