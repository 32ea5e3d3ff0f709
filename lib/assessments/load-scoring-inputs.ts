import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import type { Thresholds } from '@/lib/scoring';

export type ComponentNumbers = Partial<Record<ComponentSlug, number>>;

export interface ScoringInputs {
  /** T_c for the account's segment: the segment override, else the organisation default (missing → 100). */
  targets: ComponentNumbers;
  weights: ComponentNumbers;
  weightConfigVersion: number;
  thresholds: Thresholds;
  reviewIntervalDays: number;
}

/** Everything scoreAssessment needs besides the answers, for an account in `segmentId` (null = no segment). */
export async function loadScoringInputs(tx: Tx, organizationId: string, segmentId: string | null): Promise<ScoringInputs> {
  // Sequential on purpose: one transaction is one connection, and pg queues (and deprecates) parallel queries.
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { bandDesired: true, bandEngaged: true, bandAtRisk: true, reviewIntervalDays: true },
  });
  const weightConfig = await tx.weightConfig.findFirst({
    where: { organizationId },
    orderBy: { version: 'desc' },
    select: { version: true, weights: true },
  });
  const targetRows = await tx.target.findMany({
    where: { organizationId, OR: [{ segmentId: null }, ...(segmentId ? [{ segmentId }] : [])] },
    select: { segmentId: true, component: true, value: true },
  });
  if (!weightConfig) throw new Error(`Organisation ${organizationId} has no weight configuration`);
  const targets: ComponentNumbers = {};
  for (const row of targetRows) if (row.segmentId === null) targets[row.component] = row.value;
  for (const row of targetRows) if (row.segmentId !== null) targets[row.component] = row.value;
  return {
    targets,
    weights: readComponentNumbers(weightConfig.weights),
    weightConfigVersion: weightConfig.version,
    thresholds: { desired: organization.bandDesired, engaged: organization.bandEngaged, atRisk: organization.bandAtRisk },
    reviewIntervalDays: organization.reviewIntervalDays,
  };
}

export function readComponentNumbers(value: unknown): ComponentNumbers {
  const numbers: ComponentNumbers = {};
  if (typeof value !== 'object' || value === null) return numbers;
  for (const slug of COMPONENT_SLUGS) {
    const n = (value as Record<string, unknown>)[slug];
    if (typeof n === 'number' && Number.isFinite(n)) numbers[slug] = n;
  }
  return numbers;
}
