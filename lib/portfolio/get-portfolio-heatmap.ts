import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { DEFAULT_TARGET } from '@/lib/scoring';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';
import type { HeatmapDimension, HeatmapParams, PortfolioFilters } from './portfolio-filters';
import { col, filteredAccountsCte, type PortfolioScope } from './portfolio-scope';

/**
 * Components × rows (accounts, CSMs, segments or journey stages). Each cell: the mean component score C_c over the
 * row's accounts where the component is included, and its gap to target (target − mean current; negative = above
 * target).
 *
 * Targets are today's (the Target table), not the ones stored with each result: the account's segment override,
 * else the organisation default, else 100. For a group row the target is the mean target of the same accounts the
 * cell's mean current is taken over, so a mixed row (e.g. a CSM with Enterprise and Tech-touch accounts) compares
 * like with like; for an account row it is simply that account's target.
 */

export interface HeatmapCell {
  slug: ComponentSlug;
  meanCurrent: number | null;
  meanTarget: number | null;
  /** meanTarget − meanCurrent; null when no account in the row includes the component. */
  gap: number | null;
  included: number;
}

export interface HeatmapRow {
  /** Account, user, segment or stage id; null = none (unassigned owner, no segment, no stage). */
  key: string | null;
  label: string;
  accounts: number;
  assessed: number;
  meanScore: number | null;
  cells: HeatmapCell[];
}

export interface PortfolioHeatmap {
  by: HeatmapDimension;
  rows: HeatmapRow[];
  /** Rows before the limit (account rows are capped). */
  totalRows: number;
}

export const HEATMAP_ACCOUNT_ROW_LIMIT = 200;

const KEY: Record<HeatmapDimension, Prisma.Sql> = {
  account: Prisma.sql`f.id`,
  owner: Prisma.sql`f.owner_user_id`,
  segment: Prisma.sql`f.segment_id`,
  stage: Prisma.sql`f.journey_stage_id`,
};

const LABEL: Record<HeatmapDimension, Prisma.Sql> = {
  account: Prisma.sql`(SELECT a.name FROM account a WHERE a.organization_id = g.org AND a.id = g.key)`,
  owner: Prisma.sql`(SELECT u.name FROM "user" u WHERE u.id = g.key)`,
  segment: Prisma.sql`(SELECT s.name FROM segment s WHERE s.organization_id = g.org AND s.id = g.key)`,
  stage: Prisma.sql`(SELECT js.name FROM journey_stage js WHERE js.organization_id = g.org AND js.id = g.key)`,
};

const NONE_LABEL: Record<HeatmapDimension, string> = {
  account: '—',
  owner: 'Unassigned',
  segment: 'No segment',
  stage: 'No stage',
};

type RawRow = { key: string | null; label: string | null; accounts: number; assessed: number; mean_score: number | null } & Record<string, number | null>;

export async function getPortfolioHeatmap(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters, params: HeatmapParams): Promise<PortfolioHeatmap> {
  const targetPivot = COMPONENT_SLUGS.map((slug) => Prisma.sql`max(value) FILTER (WHERE component = ${slug}::component_slug) AS ${col('target', slug)}`);
  const accountTargets = COMPONENT_SLUGS.map(
    (slug) => Prisma.sql`coalesce(ts.${col('target', slug)}, td.${col('target', slug)}, ${DEFAULT_TARGET}::float8) AS ${col('target', slug)}`,
  );
  const cells = COMPONENT_SLUGS.map(
    (slug) => Prisma.sql`avg(${col('current', slug)}) AS ${Prisma.raw(`"current_${slug}"`)},
                         avg(${col('target', slug)}) FILTER (WHERE ${col('current', slug)} IS NOT NULL) AS ${Prisma.raw(`"target_${slug}"`)},
                         count(${col('current', slug)})::int AS ${Prisma.raw(`"included_${slug}"`)}`,
  );
  const rows = await tx.$queryRaw<RawRow[]>`
    WITH ${filteredAccountsCte(scope, filters)},
    t AS (
      SELECT segment_id, ${Prisma.join(targetPivot, ', ')}
        FROM target WHERE organization_id = ${scope.organizationId}::uuid GROUP BY segment_id
    ),
    ft AS (
      SELECT f.*, ${Prisma.join(accountTargets, ', ')}
        FROM f
        LEFT JOIN t ts ON ts.segment_id = f.segment_id
        LEFT JOIN (SELECT * FROM t WHERE segment_id IS NULL) td ON true
    ),
    g AS (
      SELECT ${KEY[params.by]} AS key, ${scope.organizationId}::uuid AS org,
             count(*)::int AS accounts, count(f.score)::int AS assessed, avg(f.score) AS mean_score,
             ${Prisma.join(cells, ', ')}
        FROM ft f
       GROUP BY 1
    )
    SELECT g.*, ${LABEL[params.by]} AS label FROM g`;

  const heatmapRows: HeatmapRow[] = rows.map((row) => ({
    key: row.key,
    label: row.label ?? NONE_LABEL[params.by],
    accounts: row.accounts,
    assessed: row.assessed,
    meanScore: row.mean_score,
    cells: COMPONENT_SLUGS.map((slug) => {
      const meanCurrent = row[`current_${slug}`] ?? null;
      const meanTarget = row[`target_${slug}`] ?? null;
      return {
        slug,
        meanCurrent,
        meanTarget,
        gap: meanCurrent === null || meanTarget === null ? null : meanTarget - meanCurrent,
        included: row[`included_${slug}`] ?? 0,
      };
    }),
  }));
  const sorted = sortHeatmapRows(heatmapRows, params);
  return {
    by: params.by,
    rows: params.by === 'account' ? sorted.slice(0, HEATMAP_ACCOUNT_ROW_LIMIT) : sorted,
    totalRows: sorted.length,
  };
}

/**
 * Sort by label, mean score, account count or one component's mean current. Rows without a value go last in
 * both directions; ties by label, then key.
 */
export function sortHeatmapRows(rows: HeatmapRow[], params: Pick<HeatmapParams, 'sort' | 'dir'>): HeatmapRow[] {
  const sign = params.dir === 'asc' ? 1 : -1;
  const value = (row: HeatmapRow): number | string | null => {
    if (params.sort === 'label') return row.label;
    if (params.sort === 'score') return row.meanScore;
    if (params.sort === 'accounts') return row.accounts;
    return row.cells.find((cell) => cell.slug === params.sort)?.meanCurrent ?? null;
  };
  const tie = (a: HeatmapRow, b: HeatmapRow) => compareText(a.label, b.label) || compareText(a.key ?? '', b.key ?? '');
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? tie(a, b) : va === null ? 1 : -1;
    const order = typeof va === 'string' ? compareText(va, vb as string) : va - (vb as number);
    return order !== 0 ? sign * order : tie(a, b);
  });
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
