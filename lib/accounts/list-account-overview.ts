import type { Tx } from '@/lib/db/tenant';

export interface AccountOverviewRow {
  id: string;
  name: string;
  segment: string | null;
  owner: string | null;
  stage: string | null;
  arr: number | null;
  renewalDate: Date | null;
  score: number | null;
  band: 'desired' | 'engaged' | 'at_risk' | 'critical' | null;
  lastAssessedAt: Date | null;
}

/**
 * Active accounts of one organisation with their latest submitted score. Runs inside a tenant transaction, and
 * the organisation id is also a condition of every join. (The full list with paging, filters and sorting is
 * the accounts issue's work; this is the skeleton's first real read.)
 */
export async function listAccountOverview(
  tx: Tx,
  organizationId: string,
  limit = 100,
): Promise<{ rows: AccountOverviewRow[]; total: number }> {
  const rows = await tx.$queryRaw<AccountOverviewRow[]>`
    SELECT a.id, a.name, s.name AS segment, u.name AS owner, js.name AS stage,
           a.arr::float8 AS arr, a.renewal_date AS "renewalDate",
           r.score, r.band::text AS band, r.submitted_at AS "lastAssessedAt"
      FROM account a
      LEFT JOIN segment s ON s.organization_id = a.organization_id AND s.id = a.segment_id
      LEFT JOIN journey_stage js ON js.organization_id = a.organization_id AND js.id = a.journey_stage_id
      LEFT JOIN membership m ON m.organization_id = a.organization_id AND m.user_id = a.owner_user_id
      LEFT JOIN "user" u ON u.id = m.user_id
      LEFT JOIN LATERAL (
        SELECT ar.score, ar.band, ar.submitted_at
          FROM assessment_result ar
         WHERE ar.organization_id = a.organization_id AND ar.account_id = a.id
         ORDER BY ar.submitted_at DESC
         LIMIT 1
      ) r ON true
     WHERE a.organization_id = ${organizationId}::uuid AND a.archived_at IS NULL
     ORDER BY a.name, a.id
     LIMIT ${limit}`;
  const total = await tx.account.count({ where: { organizationId, archivedAt: null } });
  return { rows, total };
}
