import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { DEFAULT_TARGET } from '@/lib/scoring';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';
import type { PortfolioBand, PortfolioFilters } from './portfolio-filters';
import { col, filteredAccountsCte, type PortfolioScope } from './portfolio-scope';

/**
 * The accounts behind a figure (a heatmap cell, a band, a CSM's book): the view's filtered accounts with their
 * latest score and, when a component is chosen, its current score against today's target — largest gap first.
 */

export interface PortfolioAccountRow {
  id: string;
  name: string;
  owner: string | null;
  segment: string | null;
  stage: string | null;
  arr: number | null;
  renewalDate: Date | null;
  score: number | null;
  band: PortfolioBand | null;
  submittedAt: Date | null;
  stale: boolean;
  componentCurrent: number | null;
  componentTarget: number | null;
}

export const DRILL_DOWN_LIMIT = 500;

export async function listPortfolioAccounts(
  tx: Tx,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  component: ComponentSlug | null,
  limit: number | null = DRILL_DOWN_LIMIT,
): Promise<{ rows: PortfolioAccountRow[]; total: number }> {
  const current = component ? Prisma.sql`f.${col('current', component)}` : Prisma.sql`NULL::float8`;
  const target = component
    ? Prisma.sql`coalesce(
        (SELECT t.value FROM target t WHERE t.organization_id = ${scope.organizationId}::uuid AND t.segment_id = f.segment_id AND t.component = ${component}::component_slug),
        (SELECT t.value FROM target t WHERE t.organization_id = ${scope.organizationId}::uuid AND t.segment_id IS NULL AND t.component = ${component}::component_slug),
        ${DEFAULT_TARGET}::float8)`
    : Prisma.sql`NULL::float8`;
  const order = component
    ? Prisma.sql`("componentTarget" - "componentCurrent") DESC NULLS LAST, name, id`
    : Prisma.sql`score ASC NULLS FIRST, name, id`;
  const rows = await tx.$queryRaw<(PortfolioAccountRow & { total: number })[]>`
    WITH ${filteredAccountsCte(scope, filters)},
    p AS (
      SELECT f.id, f.name, f.owner_user_id, f.segment_id, f.journey_stage_id, f.arr, f.renewal_date AS "renewalDate",
             f.score, f.band, f.submitted_at AS "submittedAt", coalesce(f.stale, false) AS stale,
             ${current} AS "componentCurrent", ${target} AS "componentTarget", count(*) OVER ()::int AS total
        FROM f
    )
    SELECT p.id, p.name, u.name AS owner, s.name AS segment, js.name AS stage, p.arr, p."renewalDate", p.score, p.band,
           p."submittedAt", p.stale, p."componentCurrent", p."componentTarget", p.total
      FROM p
      LEFT JOIN "user" u ON u.id = p.owner_user_id
      LEFT JOIN segment s ON s.organization_id = ${scope.organizationId}::uuid AND s.id = p.segment_id
      LEFT JOIN journey_stage js ON js.organization_id = ${scope.organizationId}::uuid AND js.id = p.journey_stage_id
     ORDER BY ${order}
     ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  const total = rows[0]?.total ?? 0;
  for (const row of rows) Reflect.deleteProperty(row, 'total');
  return { rows, total };
}

export const isComponentSlug = (value: unknown): value is ComponentSlug =>
  typeof value === 'string' && (COMPONENT_SLUGS as readonly string[]).includes(value);
