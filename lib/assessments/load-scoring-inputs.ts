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

export function readComponentNumbers(value: unknown): ComponentNumbers {
  const numbers: ComponentNumbers = {};
  if (typeof value !== 'object' || value === null) return numbers;
  for (const slug of COMPONENT_SLUGS) {
    const n = (value as Record<string, unknown>)[slug];
    if (typeof n === 'number' && Number.isFinite(n)) numbers[slug] = n;
  }
  return numbers;
}

/**
 * Everything scoreAssessment needs besides the answers, for an account in `segmentId` (null = no segment), in one
 * statement and so one snapshot: organisation thresholds, latest weight version, the segment's targets. A submit
 * must already hold the organisation row FOR SHARE: the statement then reads the configuration committed before
 * that lock, never one a scoring save is still writing.
 */
export async function loadScoringInputs(tx: Tx, organizationId: string, segmentId: string | null): Promise<ScoringInputs> {
  const [row] = await tx.$queryRaw<
    {
      band_desired: number;
      band_engaged: number;
      band_at_risk: number;
      review_interval_days: number;
      weight_version: number | null;
      weights: unknown;
      targets: { segmentId: string | null; component: ComponentSlug; value: number }[] | null;
    }[]
  >`
    SELECT o.band_desired, o.band_engaged, o.band_at_risk, o.review_interval_days,
           w.version AS weight_version, w.weights,
           (SELECT json_agg(json_build_object('segmentId', t.segment_id, 'component', t.component, 'value', t.value))
              FROM target t
             WHERE t.organization_id = o.id AND (t.segment_id IS NULL OR t.segment_id = ${segmentId}::uuid)) AS targets
      FROM organization o
      LEFT JOIN LATERAL (
        SELECT wc.version, wc.weights FROM weight_config wc WHERE wc.organization_id = o.id ORDER BY wc.version DESC LIMIT 1
      ) w ON true
     WHERE o.id = ${organizationId}::uuid`;
  if (!row) throw new Error(`Organisation ${organizationId} not found`);
  if (row.weight_version === null) throw new Error(`Organisation ${organizationId} has no weight configuration`);
  const targetRows = row.targets ?? [];
  const targets: ComponentNumbers = {};
  for (const target of targetRows) if (target.segmentId === null) targets[target.component] = target.value;
  for (const target of targetRows) if (target.segmentId !== null) targets[target.component] = target.value;
  return {
    targets,
    weights: readComponentNumbers(row.weights),
    weightConfigVersion: row.weight_version,
    thresholds: { desired: row.band_desired, engaged: row.band_engaged, atRisk: row.band_at_risk },
    reviewIntervalDays: row.review_interval_days,
  };
}
