import type { Prisma } from '@/lib/generated/prisma/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { connectionStringOf, type PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { auditSnapshot } from './audit-snapshot';
import { sameConfiguration, targetRows, type ScoringConfiguration } from './configuration-snapshot';
import { loadScoringConfiguration, type CurrentScoringConfiguration } from './load-scoring-configuration';
import { rescoreLatestResults, type RescoreOptions } from './rescore-latest-results';

/** A new configuration version may take a while to re-score 50,000 accounts; the default 5 s is far too short. */
export const CONFIGURATION_TRANSACTION_TIMEOUT_MS = 120_000;

export interface AppliedConfiguration {
  version: number;
  rescored: number;
}

export interface ScoringConfigurationChange {
  basedOnVersion: number;
  configuration: ScoringConfiguration;
  reason: string;
  action: 'scoring.configuration_saved' | 'scoring.configuration_restored';
  restoredFromVersion?: number;
}

/**
 * A change of the scoring configuration (save or restore) as one transaction: the admin check, the current
 * configuration loaded with the organisation row locked, then `describe` says what the new configuration is and
 * makeNewVersion makes it so. Any failure rolls all of it back.
 */
export function applyScoringConfiguration(
  prisma: PrismaClient,
  actor: OrganizationActor,
  describe: (tx: Tx, current: CurrentScoringConfiguration) => Promise<ScoringConfigurationChange>,
  options: RescoreOptions = {},
): Promise<AppliedConfiguration> {
  return withTenant(
    prisma,
    { organizationId: actor.organizationId, userId: actor.userId },
    async (tx) => {
      await requireActorPermission(tx, actor, 'settings.write');
      const current = await loadScoringConfiguration(tx, actor.organizationId, { lock: true });
      const change = await describe(tx, current);
      return makeNewVersion(tx, actor, current, change, { connectionString: connectionStringOf(prisma), ...options });
    },
    { timeout: CONFIGURATION_TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * Makes `change.configuration` the organisation's new version, inside the transaction that holds `current`
 * (loaded with the organisation row locked): the version check, the version row (a full snapshot), the live
 * targets and thresholds, the re-score of every account's latest result and the audit event. Any failure rolls
 * all of it back, so the previous version, targets and scores stay fully in place.
 */
async function makeNewVersion(
  tx: Tx,
  actor: OrganizationActor,
  current: CurrentScoringConfiguration,
  change: ScoringConfigurationChange,
  options: RescoreOptions,
): Promise<AppliedConfiguration> {
  const { organizationId } = actor;
  if (current.version !== change.basedOnVersion) {
    throw new AppError(
      'CONFLICT',
      `Someone saved version ${current.version} of the scoring settings after you opened version ${change.basedOnVersion}. ` +
        'Nothing was saved: reload the page to see their changes, then make yours again.',
    );
  }
  if (sameConfiguration(current.configuration, change.configuration)) {
    throw new AppError('VALIDATION', 'Nothing to save: these settings are the ones already in force.');
  }

  const version = current.version + 1;
  const { configuration } = change;
  await tx.weightConfig.create({
    data: {
      organizationId,
      version,
      weights: configuration.weights,
      targets: configuration.targets as unknown as Prisma.InputJsonValue,
      thresholds: { ...configuration.thresholds },
      reason: change.reason,
      createdByUserId: actor.userId,
    },
    select: { version: true },
  });
  await tx.target.deleteMany({ where: { organizationId } });
  await tx.target.createMany({ data: targetRows(configuration.targets).map((row) => ({ organizationId, ...row })) });
  await tx.organization.update({
    where: { id: organizationId },
    data: {
      bandDesired: configuration.thresholds.desired,
      bandEngaged: configuration.thresholds.engaged,
      bandAtRisk: configuration.thresholds.atRisk,
    },
    select: { id: true },
  });
  const { rescored } = await rescoreLatestResults(tx, organizationId, configuration, version, options);

  const segmentNames = new Map(current.segments.map((s) => [s.id, s.name]));
  const { before, after } = changedSettings(
    auditSnapshot(current.version, current.configuration, segmentNames),
    auditSnapshot(version, configuration, segmentNames),
  );
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: actor.userId,
    action: change.action,
    entityType: 'weight_config',
    entityId: String(version),
    before,
    after: {
      ...after,
      reason: change.reason,
      'accounts re-scored': rescored,
      ...(change.restoredFromVersion === undefined ? {} : { 'restored from version': change.restoredFromVersion }),
    },
  });
  return { version, rescored };
}

/**
 * Only the settings that differ (and the version numbers): the audit log stays readable, and each version's full
 * snapshot is in weight_config anyway. A setting absent on one side is recorded as absent there.
 */
function changedSettings(
  before: Record<string, number>,
  after: Record<string, number>,
): { before: Record<string, number>; after: Record<string, number> } {
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]);
  const pick = (record: Record<string, number>) =>
    Object.fromEntries(changed.filter((key) => key in record).map((key) => [key, record[key]!]));
  return { before: pick(before), after: pick(after) };
}
