import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { DEFAULT_TARGET } from '@/lib/scoring';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';
import type { HeatmapDimension, HeatmapParams, PortfolioFilters } from './portfolio-filters';
import { ACCOUNT_ROLLUP_CURRENT_SUMS, filtersSelectGroups, rollupConditions, rollupMean } from './portfolio-rollups';
import { col, filteredAccountsCte, type PortfolioScope } from './portfolio-scope';
import { readClampedPage } from './read-clamped-page';

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
  /** Rows in the whole view (account rows come a page at a time). */
  totalRows: number;
  /** Assessed accounts in the whole view (none: the page shows the empty state). */
  assessedAccounts: number;
  /** The page of account rows shown (1 for grouped rows and for all accounts), clamped to the last page. */
  page: number;
}

/** Account rows per page of the heatmap by account; the CSV export has every account. */
export const HEATMAP_ACCOUNT_PAGE_SIZE = 50;

/** Which account rows: one page (`page`, 1-based, of `pageSize`) or, for the CSV export, every account. */
export type HeatmapAccountRows = { page: number; pageSize?: number } | 'all';

/** Grouped rows (account rows are not grouped: getAccountHeatmap). */
type GroupDimension = Exclude<HeatmapDimension, 'account'>;

/** Each grouping's key on rollup-shaped rows (portfolio_group_score, or accounts grouped like it). */
const GROUP_KEY: Record<GroupDimension, Prisma.Sql> = {
  owner: Prisma.sql`owner_user_id`,
  segment: Prisma.sql`segment_id`,
  stage: Prisma.sql`journey_stage_id`,
};

const LABEL: Record<GroupDimension, Prisma.Sql> = {
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

export async function getPortfolioHeatmap(
  tx: Tx,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  params: Pick<HeatmapParams, 'by' | 'sort' | 'dir'> & { page?: number },
  accountRows: HeatmapAccountRows = { page: params.page ?? 1 },
): Promise<PortfolioHeatmap> {
  if (params.by === 'account') return getAccountHeatmap(tx, scope, filters, params, accountRows);
  const rows = await tx.$queryRaw<RawRow[]>(groupHeatmapSql(scope, filters, params.by));
  const sorted = sortHeatmapRows(rows.map((row) => toHeatmapRow(row, params.by)), params);
  return { by: params.by, rows: sorted, totalRows: sorted.length, assessedAccounts: sorted.reduce((sum, row) => sum + row.assessed, 0), page: 1 };
}

/**
 * One row per account needs no grouping, and only one page of rows is wanted: sort and cut in SQL (a top-N sort
 * over the book instead of shipping 50,000 rows to be sorted in JS), in the same order as sortHeatmapRows — NULLs
 * last in both directions, ties by label in code-unit order (COLLATE "C"), then id. A page past the last one
 * shows the last page; `'all'` (the CSV export) returns every account in that order.
 */
async function getAccountHeatmap(
  tx: Tx,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  params: Pick<HeatmapParams, 'sort' | 'dir'>,
  accountRows: HeatmapAccountRows,
): Promise<PortfolioHeatmap> {
  const cells = COMPONENT_SLUGS.map(
    (slug) => Prisma.sql`${col('current', slug)} AS ${Prisma.raw(`"current_${slug}"`)},
                         CASE WHEN ${col('current', slug)} IS NOT NULL THEN ${col('target', slug)} END AS ${Prisma.raw(`"target_${slug}"`)},
                         (${col('current', slug)} IS NOT NULL)::int AS ${Prisma.raw(`"included_${slug}"`)}`,
  );
  // Every account row counts one account, so sorting by 'accounts' is the tie-break order alone.
  const sortValue =
    params.sort === 'label' ? Prisma.sql`f.name COLLATE "C"`
    : params.sort === 'score' ? Prisma.sql`f.score`
    : params.sort === 'accounts' ? null
    : col('current', params.sort);
  const direction = params.dir === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const order = sortValue ? Prisma.sql`(${sortValue}) IS NULL, ${sortValue} ${direction},` : Prisma.empty;
  // The view's totals beside the rows, in the same statement (so they always describe the same data): from the
  // group rollups when the filters select whole groups (a window count over the whole book cost ~70 of a page's
  // ~170 ms at 50,000 accounts), else a window count.
  const fromRollups = filtersSelectGroups(filters);
  const rollupSum = (column: 'accounts' | 'assessed') =>
    Prisma.sql`(SELECT coalesce(sum(g.${Prisma.raw(column)}), 0)::int FROM portfolio_group_score g WHERE ${rollupConditions(scope, filters, 'g')})`;
  const totals = fromRollups
    ? Prisma.sql`, ${rollupSum('accounts')} AS total_rows, ${rollupSum('assessed')} AS assessed_rows`
    : Prisma.sql`, count(*) OVER ()::int AS total_rows, count(f.score) OVER ()::int AS assessed_rows`;
  // Every account (the CSV export), in the pages' order.
  const selectAll = () => tx.$queryRaw<RawRow[]>`
    WITH ${accountsWithTargetsCte(scope, filters)}
    SELECT ${accountRowColumns(cells)}
      FROM ft f
     ORDER BY ${order} f.name COLLATE "C", f.id`;
  // A page: the view's accounts are sorted on their sort key alone and cut, and only the page's rows are then read
  // with their targets (whole book by adoption, page 7: 105 -> 65 ms at 50,000 accounts, bare SQL).
  const selectPage = (page: number, size: number) => tx.$queryRaw<(RawRow & { total_rows: number; assessed_rows: number })[]>`
    WITH ${filteredAccountsCte(scope, filters, { inline: true })},
    ${targetsCte(scope)},
    page AS (
      SELECT f.id ${totals}
        FROM f
       ORDER BY ${order} f.name COLLATE "C", f.id
       LIMIT ${size}::int OFFSET ${(page - 1) * size}::int
    ),
    ft AS (
      SELECT f.*, page.total_rows, page.assessed_rows, ${TARGET_COLUMNS}
        FROM page
        JOIN f ON f.id = page.id
        ${targetJoins('f')}
    )
    SELECT ${accountRowColumns(cells)}, f.total_rows, f.assessed_rows
      FROM ft f
     ORDER BY ${order} f.name COLLATE "C", f.id`;
  if (accountRows !== 'all' && params.sort === 'score' && fromRollups) {
    return accountHeatmapPageByScore(tx, scope, filters, params.dir, accountRows, cells, rollupSum);
  }
  if (accountRows === 'all') {
    const rows = await selectAll();
    const assessedAccounts = rows.reduce((sum, row) => sum + row.assessed, 0);
    return { by: 'account', rows: rows.map((row) => toHeatmapRow(row, 'account')), totalRows: rows.length, assessedAccounts, page: 1 };
  }
  const pageSize = accountRows.pageSize ?? HEATMAP_ACCOUNT_PAGE_SIZE;
  const pageRows = (page: number) => selectPage(page, pageSize);
  const { rows, page } = await readClampedPage(accountRows.page, pageSize, pageRows, async () => {
    const [counted] = fromRollups
      ? await tx.$queryRaw<{ total: number }[]>`SELECT ${rollupSum('accounts')} AS total`
      : await tx.$queryRaw<{ total: number }[]>`WITH ${accountsWithTargetsCte(scope, filters)} SELECT count(*)::int AS total FROM ft`;
    return counted?.total ?? 0;
  });
  // No row at all means the view has no account (a page past the last one reads the last page instead).
  const totalRows = rows[0]?.total_rows ?? 0;
  const assessedAccounts = rows[0]?.assessed_rows ?? 0;
  return { by: 'account', rows: rows.map((row) => toHeatmapRow(row, 'account')), totalRows, assessedAccounts, page };
}

/**
 * One page of the heatmap by account sorted by score (the default view) when the filters select whole groups:
 * account_score's (organization_id, score) index is walked in the page's order to the page's last row, so a page
 * costs its offset plus its rows instead of a sort of every account (whole book, page 1: 92 -> ~6 ms of SQL at
 * 50,000 accounts). Accounts without a score come after all the scored ones (by name, then id), from the rest of the
 * page. One statement: the totals (from the rollups) place the page, clamped to the last one, and come back with
 * the rows, so they always describe the same data.
 */
async function accountHeatmapPageByScore(
  tx: Tx,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  dir: HeatmapParams['dir'],
  accountRows: { page: number; pageSize?: number },
  cells: Prisma.Sql[],
  rollupSum: (column: 'accounts' | 'assessed') => Prisma.Sql,
): Promise<PortfolioHeatmap> {
  const pageSize = accountRows.pageSize ?? HEATMAP_ACCOUNT_PAGE_SIZE;
  const requested = Math.max(1, Math.floor(accountRows.page));
  const direction = dir === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await tx.$queryRaw<(RawRow & { total_rows: number; assessed_rows: number; page: number })[]>`
    WITH ${filteredAccountsCte(scope, filters, { inline: true })},
    ${targetsCte(scope)},
    totals AS (SELECT ${rollupSum('accounts')} AS total_rows, ${rollupSum('assessed')} AS assessed_rows),
    place AS (
      SELECT LEAST(${requested}::int, GREATEST(1, ceil(total_rows / ${pageSize}::numeric)::int)) AS page, assessed_rows
        FROM totals
    ),
    scored AS (
      SELECT f.*, 0 AS part FROM f WHERE f.score IS NOT NULL
       ORDER BY f.score ${direction}, f.name COLLATE "C", f.id
       LIMIT ${pageSize}::int OFFSET (SELECT (page - 1) * ${pageSize}::int FROM place)
    ),
    unscored AS (
      SELECT f.*, 1 AS part FROM f WHERE f.score IS NULL
       ORDER BY f.name COLLATE "C", f.id
       LIMIT GREATEST(0, ${pageSize}::int - (SELECT count(*) FROM scored))
      OFFSET (SELECT GREATEST(0, (page - 1) * ${pageSize}::int - assessed_rows) FROM place)
    ),
    ft AS (
      SELECT f.*, ${TARGET_COLUMNS}
        FROM (SELECT * FROM scored UNION ALL SELECT * FROM unscored) f
        ${targetJoins('f')}
    )
    SELECT ${accountRowColumns(cells)}, totals.total_rows, totals.assessed_rows, place.page
      FROM ft f CROSS JOIN totals CROSS JOIN place
     ORDER BY f.part, f.score ${direction}, f.name COLLATE "C", f.id`;
  return {
    by: 'account',
    rows: rows.map((row) => toHeatmapRow(row, 'account')),
    totalRows: rows[0]?.total_rows ?? 0,
    assessedAccounts: rows[0]?.assessed_rows ?? 0,
    // No row: the view has no account, and its only page is the first.
    page: rows[0]?.page ?? 1,
  };
}

/**
 * Grouped rows over rollup-shaped groups: portfolio_group_score's rows when the filters select whole groups, else
 * the view's accounts grouped the same way (owner, segment, stage) with plain sums (ACCOUNT_ROLLUP_CURRENT_SUMS). A group
 * has one segment, so one target per component: the mean target over the included accounts is Σ included × target /
 * Σ included.
 */
function groupHeatmapSql(scope: PortfolioScope, filters: PortfolioFilters, by: GroupDimension): Prisma.Sql {
  const cells = COMPONENT_SLUGS.map(
    (slug) => Prisma.sql`${rollupMean(`current_sum_${slug}`, `current_count_${slug}`)} AS ${Prisma.raw(`"current_${slug}"`)},
                         ${rollupMean(`current_count_${slug} * target_${slug}`, `current_count_${slug}`)} AS ${Prisma.raw(`"target_${slug}"`)},
                         coalesce(sum(${Prisma.raw(`current_count_${slug}`)}), 0)::int AS ${Prisma.raw(`"included_${slug}"`)}`,
  );
  const groups = filtersSelectGroups(filters)
    ? Prisma.sql`${targetsCte(scope)},
    groups AS (SELECT * FROM portfolio_group_score g WHERE ${rollupConditions(scope, filters, 'g')})`
    : Prisma.sql`${filteredAccountsCte(scope, filters)},
    ${targetsCte(scope)},
    groups AS (
      SELECT f.owner_user_id, f.segment_id, f.journey_stage_id, ${ACCOUNT_ROLLUP_CURRENT_SUMS}
        FROM f GROUP BY f.owner_user_id, f.segment_id, f.journey_stage_id
    )`;
  return Prisma.sql`
    WITH ${groups},
    gt AS (
      SELECT g.*, ${TARGET_COLUMNS}
        FROM groups g
        ${targetJoins('g')}
    ),
    g AS (
      SELECT ${GROUP_KEY[by]} AS key, ${scope.organizationId}::uuid AS org,
             sum(accounts)::int AS accounts, sum(assessed)::int AS assessed,
             ${rollupMean('score_sum', 'assessed')} AS mean_score,
             ${Prisma.join(cells, ', ')}
        FROM gt
       GROUP BY 1
    )
    SELECT g.*, ${LABEL[by]} AS label FROM g`;
}

/** `t`: today's targets per segment (NULL: the organisation defaults), one column per component. */
function targetsCte(scope: PortfolioScope): Prisma.Sql {
  const targetPivot = COMPONENT_SLUGS.map((slug) => Prisma.sql`max(value) FILTER (WHERE component = ${slug}::component_slug) AS ${col('target', slug)}`);
  return Prisma.sql`
    t AS (
      SELECT segment_id, ${Prisma.join(targetPivot, ', ')}
        FROM target WHERE organization_id = ${scope.organizationId}::uuid GROUP BY segment_id
    )`;
}

/** Each component's target for rows joined to `t` as ts (their segment's) and td (the defaults). */
const TARGET_COLUMNS = Prisma.join(
  COMPONENT_SLUGS.map(
    (slug) => Prisma.sql`coalesce(ts.${col('target', slug)}, td.${col('target', slug)}, ${DEFAULT_TARGET}::float8) AS ${col('target', slug)}`,
  ),
  ', ',
);

/** Joins rows `alias` (with a segment_id) to their segment's targets (ts) and the defaults (td): TARGET_COLUMNS' inputs. */
const targetJoins = (alias: 'f' | 'g') =>
  Prisma.sql`LEFT JOIN t ts ON ts.segment_id = ${Prisma.raw(alias)}.segment_id
        LEFT JOIN (SELECT * FROM t WHERE segment_id IS NULL) td ON true`;

/** An account row of the heatmap from accounts-with-targets rows `f`, with the component cells `cells`. */
const accountRowColumns = (cells: Prisma.Sql[]) =>
  Prisma.sql`f.id AS key, f.name AS label, 1 AS accounts, (f.score IS NOT NULL)::int AS assessed, f.score AS mean_score,
           ${Prisma.join(cells, ', ')}`;

/** `ft`: the view's accounts (`f`) with today's target per component (segment override, else default, else 100). */
function accountsWithTargetsCte(scope: PortfolioScope, filters: PortfolioFilters): Prisma.Sql {
  return Prisma.sql`${filteredAccountsCte(scope, filters)},
    ${targetsCte(scope)},
    ft AS (
      SELECT f.*, ${TARGET_COLUMNS}
        FROM f
        ${targetJoins('f')}
    )`;
}

function toHeatmapRow(row: RawRow, by: HeatmapDimension): HeatmapRow {
  return {
    key: row.key,
    label: row.label ?? NONE_LABEL[by],
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
