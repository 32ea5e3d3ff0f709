import { COMPONENT_SLUGS } from '@/lib/framework';
import { Prisma } from '@/lib/generated/prisma/client';
import { PORTFOLIO_BANDS, type PortfolioFilters } from './portfolio-filters';
import { effectiveFilters, idCondition, todaySql, type PortfolioScope } from './portfolio-scope';

/**
 * The portfolio rollups (migration 20261129100000) hold, per group of accounts — owner, segment, journey stage and
 * band (and month, for portfolio_group_period_score) — the sums the overview adds up. A view can read them instead
 * of aggregating every account when each of its filters selects whole groups. Renewal windows and ARR ranges cut
 * through groups, so those views aggregate the accounts; except that an overview of an ARR range (and perhaps a band)
 * reads the ARR rollups (migration 20261204100000) for the buckets it covers whole.
 */

/**
 * The edges of portfolio_arr_bucket (migration 20261204100000), on a 1-2-5 scale so that the round amounts people
 * type fall on them: bucket b (1-based) holds ARR in [edge b − 1, edge b); the last, ARR of 1e12 and more.
 */
export const ARR_BUCKET_EDGES: readonly number[] = [0, ...[3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((power) => [1, 2, 5].map((step) => step * 10 ** power)), 1e12];

/** portfolio_arr_bucket(arr): how many edges are at or below it (width_bucket). */
export function arrBucketOf(arr: number): number {
  return ARR_BUCKET_EDGES.filter((edge) => edge <= arr).length;
}

/**
 * The ARR rollups (migration 20261204100000) a view can read: its filters are an ARR range (and perhaps a band)
 * and nothing else, and the range covers at least one whole bucket, buckets `first`..`last`, which span ARR in
 * [from, to) (`to` null: no upper end). The accounts of the range outside that span (at most the two partly
 * covered buckets) come from the accounts path.
 */
export interface ArrRollupRange {
  first: number;
  last: number;
  from: number;
  to: number | null;
}

export function arrRollupRange(scope: PortfolioScope, filters: PortfolioFilters): ArrRollupRange | null {
  const { owner, segment, stage, renewal, arrMin, arrMax } = effectiveFilters(scope, filters);
  if (owner !== undefined || segment !== undefined || stage !== undefined || renewal !== undefined) return null;
  if (arrMin === undefined && arrMax === undefined) return null;
  // Bucket b holds [edge b − 1, edge b); past the last edge there is no upper end.
  const upper = (bucket: number) => (bucket < ARR_BUCKET_EDGES.length ? ARR_BUCKET_EDGES[bucket]! : Infinity);
  const buckets = ARR_BUCKET_EDGES.map((edge, index) => index + 1).filter(
    (bucket) => ARR_BUCKET_EDGES[bucket - 1]! >= (arrMin ?? 0) && upper(bucket) <= (arrMax ?? Infinity),
  );
  if (buckets.length === 0) return null;
  const [first, last] = [buckets[0]!, buckets.at(-1)!];
  return { first, last, from: ARR_BUCKET_EDGES[first - 1]!, to: Number.isFinite(upper(last)) ? upper(last) : null };
}

/** The conditions on an ARR rollup table `alias`: the organisation, the range's whole buckets and the band filter. */
export function arrRollupConditions(scope: PortfolioScope, filters: PortfolioFilters, range: ArrRollupRange, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  return Prisma.join(
    [
      Prisma.sql`${column('organization_id')} = ${scope.organizationId}::uuid`,
      Prisma.sql`${column('arr_bucket')} BETWEEN ${range.first}::int AND ${range.last}::int`,
      ...(filters.band ? [Prisma.sql`${column('band')} = ${filters.band}::band`] : []),
    ],
    ' AND ',
  );
}

/**
 * For filteredAccountsCte's `where`: whether account `a`, already within the filters' ARR range, is outside the
 * range's whole buckets (so it is not in the ARR rollup rows read). Written as the ARR ranges below and above them,
 * which the planner finds through account's ARR index (a NOT over the span scanned every account of the range);
 * `false` when there are none.
 */
export function outsideArrRollups(range: ArrRollupRange, filters: PortfolioFilters): Prisma.Sql {
  const below = (filters.arrMin ?? 0) < range.from ? Prisma.sql`a.arr < ${range.from}::numeric` : null;
  const above = range.to === null ? null : Prisma.sql`a.arr >= ${range.to}::numeric`;
  const parts = [below, above].filter((part): part is Prisma.Sql => part !== null);
  return parts.length === 0 ? Prisma.sql`false` : Prisma.sql`(${Prisma.join(parts, ' OR ')})`;
}

/**
 * Whether an overview can read the renewal rollups (migration 20261204200000): its filters are a renewal window (and
 * perhaps a band) and nothing else. A window is whole days, so the rows of its days are exactly its accounts.
 */
export function filtersSelectRenewalDays(scope: PortfolioScope, filters: PortfolioFilters): boolean {
  const { owner, segment, stage, renewal, arrMin, arrMax } = effectiveFilters(scope, filters);
  return renewal !== undefined && [owner, segment, stage, arrMin, arrMax].every((value) => value === undefined);
}

/** The conditions on a renewal rollup table `alias`: the organisation, the window's days and the band filter. */
export function renewalRollupConditions(scope: PortfolioScope, filters: PortfolioFilters, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  const today = todaySql(scope.now ?? new Date());
  return Prisma.join(
    [
      Prisma.sql`${column('organization_id')} = ${scope.organizationId}::uuid`,
      Prisma.sql`${column('renewal_date')} BETWEEN ${today} AND ${today} + ${filters.renewal ?? 0}::int`,
      ...(filters.band ? [Prisma.sql`${column('band')} = ${filters.band}::band`] : []),
    ],
    ' AND ',
  );
}

/**
 * Whether the filters leave the renewal rollups' keys enough (migration 20261204200000: organisation, renewal date,
 * band): no owner (a CSM's own book has one), segment or stage.
 */
export function filtersSelectBands(scope: PortfolioScope, filters: PortfolioFilters): boolean {
  const { owner, segment, stage } = effectiveFilters(scope, filters);
  return [owner, segment, stage].every((value) => value === undefined);
}
/** Whether the filters select whole rollup groups. */
export function filtersSelectGroups(filters: PortfolioFilters): boolean {
  return filters.renewal === undefined && filters.arrMin === undefined && filters.arrMax === undefined;
}

/**
 * What an overview (summary and trend) of these filters reads: the group rollups, the renewal rollups, the ARR
 * rollups (plus the accounts of partly covered buckets), or every account of the view. Decided once, here, so the
 * summary and the trend always take the same path.
 */
export type OverviewSource =
  | { kind: 'groups' }
  | { kind: 'renewal-days' }
  | { kind: 'arr-buckets'; range: ArrRollupRange }
  | { kind: 'accounts' };

export function overviewSourceOf(scope: PortfolioScope, filters: PortfolioFilters): OverviewSource {
  if (filtersSelectGroups(filters)) return { kind: 'groups' };
  if (filtersSelectRenewalDays(scope, filters)) return { kind: 'renewal-days' };
  const range = arrRollupRange(scope, filters);
  return range ? { kind: 'arr-buckets', range } : { kind: 'accounts' };
}

/**
 * The WHERE conditions on a rollup table `alias` for the scope and filters (a CSM's owner filter is themselves).
 * Call only when filtersSelectGroups holds: the other filters have no column here.
 */
export function rollupConditions(scope: PortfolioScope, rawFilters: PortfolioFilters, alias: string): Prisma.Sql {
  const filters = effectiveFilters(scope, rawFilters);
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  const conditions = [
    Prisma.sql`${column('organization_id')} = ${scope.organizationId}::uuid`,
    idCondition(column('owner_user_id'), filters.owner),
    idCondition(column('segment_id'), filters.segment),
    idCondition(column('journey_stage_id'), filters.stage),
    filters.band ? Prisma.sql`${column('band')} = ${filters.band}::band` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return Prisma.join(conditions, ' AND ');
}

/**
 * A mean over rollup rows: Σ `sum` / Σ `count`, NULL when nothing counted (as avg() over the accounts). Both are
 * column expressions of a rollup table, never user input.
 */
export const rollupMean = (sum: string, count: string) => Prisma.raw(`sum(${sum}) / nullif(sum(${count}), 0)`);

/** Mean score and ARR-weighted score of rollup rows (portfolioSummary's definitions). */
export const ROLLUP_SCORES = Prisma.sql`${rollupMean('score_sum', 'assessed')} AS mean_score,
  ${rollupMean('weighted_arr_score', 'weighted_arr')} AS arr_weighted`;

/** Accounts per band of rollup rows, as `count_<band>` (the names both paths of the overview and team view use). */
export const ROLLUP_BAND_COUNTS = Prisma.join(
  PORTFOLIO_BANDS.map(
    (band) => Prisma.sql`coalesce(sum(accounts) FILTER (WHERE band = ${band}::band), 0)::int AS ${Prisma.raw(`"count_${band}"`)}`,
  ),
  ', ',
);

/** Account and score counts and each component's current sum and count over accounts CTE rows (see below). */
const COUNT_AND_CURRENT_SUMS = [
  'count(*)::int AS accounts',
  'count(score)::int AS assessed',
  'coalesce(sum(score), 0) AS score_sum',
  ...COMPONENT_SLUGS.flatMap((slug) => [
    `coalesce(sum(current_${slug}), 0) AS current_sum_${slug}`,
    `count(current_${slug})::int AS current_count_${slug}`,
  ]),
];

/**
 * portfolio_group_score's figures (same names and definitions as refresh_portfolio_groups) summed over rows of an
 * accounts CTE (filteredAccountsCte's columns), for a query that groups the accounts like a rollup and then reads
 * the groups with the rollup expressions. Plain sums and counts per group cost a fraction of per-account avg() and
 * FILTER aggregates: at 26,600 accounts the overview summary went from ~140 to ~80 ms.
 */
const ACCOUNT_ROLLUP_SUM_LIST = [
  ...COUNT_AND_CURRENT_SUMS,
  'coalesce(sum(arr), 0) AS arr',
  'coalesce(sum(arr) FILTER (WHERE score IS NOT NULL AND arr > 0), 0) AS weighted_arr',
  'coalesce(sum(arr * score) FILTER (WHERE score IS NOT NULL AND arr > 0), 0) AS weighted_arr_score',
  ...COMPONENT_SLUGS.flatMap((slug) => [
    `coalesce(sum(gap_${slug}), 0) AS gap_sum_${slug}`,
    `count(gap_${slug})::int AS gap_count_${slug}`,
    `coalesce(sum(lever_${slug}), 0) AS lever_sum_${slug}`,
  ]),
];
export const ACCOUNT_ROLLUP_SUMS = Prisma.raw(ACCOUNT_ROLLUP_SUM_LIST.join(', '));

/** The rollup tables' columns ACCOUNT_ROLLUP_SUMS computes, in its order (to UNION ALL rollup rows with it). */
export const ROLLUP_SUM_COLUMNS = Prisma.raw(ACCOUNT_ROLLUP_SUM_LIST.map((part) => part.split(' AS ')[1]).join(', '));

/** The subset of ACCOUNT_ROLLUP_SUMS the heatmap reads (scores and each component's current). */
export const ACCOUNT_ROLLUP_CURRENT_SUMS = Prisma.raw(COUNT_AND_CURRENT_SUMS.join(', '));
