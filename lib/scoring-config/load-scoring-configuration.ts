import type { Tx } from '@/lib/db/tenant';
import {
  readComponentNumbers,
  targetsFromRows,
  type ScoringConfiguration,
} from './configuration-snapshot';

export interface SegmentOption {
  id: string;
  name: string;
  retired: boolean;
}

export interface CurrentScoringConfiguration {
  /** The latest weight_config version: what a save must name as the version it was based on. */
  version: number;
  configuration: ScoringConfiguration;
  reviewIntervalDays: number;
  /** Every segment, retired ones too (their overrides are kept for the accounts still in them). */
  segments: SegmentOption[];
}

/**
 * The configuration in force: weights of the latest version, the live targets and the organisation's thresholds
 * (saves keep them equal to the latest version's snapshot). `lock` takes the organisation row FOR NO KEY UPDATE first
 * (the organisation's id is not changed), which serialises configuration saves and waits for in-flight assessment
 * submissions (they hold it FOR SHARE).
 */
export async function loadScoringConfiguration(
  tx: Tx,
  organizationId: string,
  options: { lock?: boolean } = {},
): Promise<CurrentScoringConfiguration> {
  if (options.lock) await tx.$executeRaw`SELECT 1 FROM organization WHERE id = ${organizationId}::uuid FOR NO KEY UPDATE`;
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { bandDesired: true, bandEngaged: true, bandAtRisk: true, reviewIntervalDays: true },
  });
  const latest = await tx.weightConfig.findFirst({
    where: { organizationId },
    orderBy: { version: 'desc' },
    select: { version: true, weights: true },
  });
  if (!latest) throw new Error(`Organisation ${organizationId} has no weight configuration`);
  const targets = await tx.target.findMany({
    where: { organizationId },
    select: { segmentId: true, component: true, value: true },
  });
  const segments = await tx.segment.findMany({
    where: { organizationId },
    orderBy: [{ tier: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, retiredAt: true },
  });
  return {
    version: latest.version,
    configuration: {
      weights: readComponentNumbers(latest.weights),
      targets: targetsFromRows(targets),
      thresholds: { desired: organization.bandDesired, engaged: organization.bandEngaged, atRisk: organization.bandAtRisk },
    },
    reviewIntervalDays: organization.reviewIntervalDays,
    segments: segments.map((s) => ({ id: s.id, name: s.name, retired: s.retiredAt !== null })),
  };
}
