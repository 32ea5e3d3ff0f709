import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';
import { PORTFOLIO_BANDS, PORTFOLIO_RENEWAL_WINDOWS, type PortfolioBand, type PortfolioFilters, type RenewalWindow } from './portfolio-filters';
import { filteredAccountsCte, readReviewIntervalDays, staleBeforeSql, todaySql, type PortfolioScope } from './portfolio-scope';
import {
  ACCOUNT_ROLLUP_SUMS,
  arrRollupConditions,
  filtersSelectBands,
  outsideArrRollups,
  overviewSourceOf,
  renewalRollupConditions,
  ROLLUP_BAND_COUNTS,
  ROLLUP_SUM_COLUMNS,
  rollupConditions,
  rollupMean,
  ROLLUP_SCORES,
  type ArrRollupRange,
} from './portfolio-rollups';
import { getPortfolioTrend, type PortfolioTrend } from './get-portfolio-trend';
import { rankLevers, type RankedLever } from './rank-levers';

/**
 * The portfolio overview, computed in the database over account_score (each account's latest submitted result,
 * one narrow row) — figure for figure the same definitions as lib/scoring's portfolioSummary / portfolioLevers,
 * which the integration tests check account by account.
 */

export interface PortfolioComponentFigures {
  slug: ComponentSlug;
  meanCurrent: number | null;
  meanGap: number | null;
  leverSum: number;
  included: number;
}

export interface RenewalAtRisk {
  accountId: string;
  name: string;
  owner: string | null;
  renewalDate: Date;
  daysToRenewal: number;
  score: number;
  band: 'at_risk' | 'critical';
  arr: number | null;
}

export interface Mover {
  accountId: string;
  name: string;
  previous: number;
  latest: number;
  delta: number;
  submittedAt: Date;
}

export interface PortfolioOverview {
  accounts: number;
  assessed: number;
  neverAssessed: number;
  stale: number;
  meanScore: number | null;
  arrWeightedScore: number | null;
  /** Σ ARR of every account in the view (assessed or not). */
  totalArr: number;
  bandCounts: Record<PortfolioBand, number>;
  arrByBand: Record<PortfolioBand, number>;
  components: PortfolioComponentFigures[];
  /** All eight components, largest summed lever first (ties in framework order). */
  levers: RankedLever[];
  /** At-risk and critical accounts renewing within each window (and their ARR), with each band's share. */
  renewalWindows: { days: RenewalWindow; accounts: number; arr: number; atRisk: number; critical: number }[];
  /** Those renewing within 90 days, soonest first (at most `renewalLimit`). */
  renewals: RenewalAtRisk[];
  /** Latest vs previous submitted score, top 5 up and top 5 down. */
  movers: { up: Mover[]; down: Mover[] };
  trend: PortfolioTrend;
}

export const RENEWAL_LIST_LIMIT = 25;
export const MOVERS_LIMIT = 5;

type SummaryRow = Record<string, number | null>;

const atRiskRenewingWithin = (now: Date, days: number) =>
  Prisma.sql`band IN ('at_risk', 'critical') AND renewal_date BETWEEN ${todaySql(now)} AND ${todaySql(now)} + ${days}::int`;

/**
 * A band filter other than at risk / critical leaves no renewal at risk. Said up front: the planner cannot see that
 * the two band conditions exclude each other, and walked every account renewing within 90 days to find none
 * (band engaged: 80 ms of its 138 ms overview, 50,000 accounts).
 */
const noRenewalsAtRisk = (filters: PortfolioFilters) =>
  filters.band !== undefined && filters.band !== 'at_risk' && filters.band !== 'critical';

/**
 * Each renewal window's accounts and ARR, and its accounts per band, over rows with `band`, `accounts` and `arr`
 * columns; `inWindow(days)` says whether a row is at risk or critical and renews within the window.
 */
function renewalWindowColumns(inWindow: (days: RenewalWindow) => Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    PORTFOLIO_RENEWAL_WINDOWS.map((days) => {
      const name = (suffix: string) => Prisma.raw(`"renewals_${days}${suffix}"`);
      return Prisma.sql`coalesce(sum(accounts) FILTER (WHERE ${inWindow(days)}), 0)::int AS ${name('')},
                        coalesce(sum(arr) FILTER (WHERE ${inWindow(days)}), 0) AS ${Prisma.raw(`"renewal_arr_${days}"`)},
                        coalesce(sum(accounts) FILTER (WHERE ${inWindow(days)} AND band = 'at_risk'), 0)::int AS ${name('_at_risk')},
                        coalesce(sum(accounts) FILTER (WHERE ${inWindow(days)} AND band = 'critical'), 0)::int AS ${name('_critical')}`;
    }),
    ', ',
  );
}

/**
 * The summary's figures over rollup-shaped rows `g` (portfolio_group_score, or the view's accounts grouped like it):
 * Σ sums / Σ counts, the definitions of lib/scoring's portfolioSummary.
 */
function groupSummaryColumns(): Prisma.Sql {
  const arrByBand = PORTFOLIO_BANDS.map(
    (band) => Prisma.sql`coalesce(sum(arr) FILTER (WHERE band = ${band}::band), 0) AS ${Prisma.raw(`"arr_${band}"`)}`,
  );
  const componentColumns = COMPONENT_SLUGS.map(
    (slug) =>
      Prisma.sql`${rollupMean(`current_sum_${slug}`, `current_count_${slug}`)} AS ${Prisma.raw(`"current_${slug}"`)},
                 ${rollupMean(`gap_sum_${slug}`, `gap_count_${slug}`)} AS ${Prisma.raw(`"gap_${slug}"`)},
                 coalesce(sum(${Prisma.raw(`lever_sum_${slug}`)}), 0) AS ${Prisma.raw(`"lever_${slug}"`)},
                 coalesce(sum(${Prisma.raw(`current_count_${slug}`)}), 0)::int AS ${Prisma.raw(`"included_${slug}"`)}`,
  );
  return Prisma.sql`coalesce(sum(accounts), 0)::int AS accounts,
             coalesce(sum(assessed), 0)::int AS assessed,
             ${ROLLUP_SCORES},
             coalesce(sum(arr), 0) AS total_arr,
             ${ROLLUP_BAND_COUNTS}, ${Prisma.join(arrByBand, ', ')},
             ${Prisma.join(componentColumns, ', ')}`;
}

/**
 * The summary over every account of the view (filters that cut through rollup groups: renewal window, ARR range).
 * The accounts are first grouped by band, staleness and renewal window with plain sums (ACCOUNT_ROLLUP_SUMS), and the
 * few groups then read like rollup rows.
 */
function summaryOfAccountsSql(scope: PortfolioScope, filters: PortfolioFilters): Prisma.Sql {
  const now = scope.now ?? new Date();
  const today = todaySql(now);
  // Each account's smallest renewal window it falls in (NULL: none), as atRiskRenewingWithin counts them.
  const windows = PORTFOLIO_RENEWAL_WINDOWS.map((days) => Prisma.sql`WHEN renewal_date <= ${today} + ${days}::int THEN ${days}::int`);
  return Prisma.sql`
    WITH ${filteredAccountsCte(scope, filters)},
    g AS (
      SELECT x.band::band AS band, x.stale, x.renewal_window, ${ACCOUNT_ROLLUP_SUMS}
        FROM (SELECT f.*, CASE WHEN renewal_date < ${today} THEN NULL ${Prisma.join(windows, ' ')} END AS renewal_window
                FROM f) x
       GROUP BY x.band, x.stale, x.renewal_window
    )
    SELECT ${groupSummaryColumns()},
           coalesce(sum(accounts) FILTER (WHERE stale), 0)::int AS stale,
           ${renewalWindowColumns((days) => Prisma.sql`band IN ('at_risk', 'critical') AND renewal_window <= ${days}::int`)}
      FROM g`;
}

/**
 * The same figures from portfolio_group_score's sums (filters that select whole groups): a few hundred rows at
 * 50,000 accounts instead of every account. Staleness depends on the clock and renewals on dates: the stale
 * accounts are read through account_score's submitted_at index, the renewals at risk from account_renewal_risk
 * (the at-risk and critical accounts with a renewal date, by date: migration 20261203100000).
 */
function summaryOfRollupsSql(scope: PortfolioScope, filters: PortfolioFilters, reviewIntervalDays: number): Prisma.Sql {
  const now = scope.now ?? new Date();
  return rollupSummarySql(now, {
    ctes: filteredAccountsCte(scope, filters, { name: 'stale', where: staleBeforeSql(now, reviewIntervalDays) }),
    renewing: filtersSelectBands(scope, filters)
      ? renewingFromRollups(scope, filters, renewingWithin90(filters, now))
      : renewingAccounts(Prisma.sql`${rollupConditions(scope, filters, 'r')} AND ${renewingWithin90(filters, now)}`),
    sums: Prisma.sql`SELECT * FROM portfolio_group_score g WHERE ${rollupConditions(scope, filters, 'g')}`,
    staleCount: Prisma.sql`SELECT count(*) FROM stale`,
  });
}

/**
 * The rollup paths' summary statement: `sums` (rollup-shaped rows) read with groupSummaryColumns, the renewals at
 * risk from the rows of `renewing` (renewingAccounts or renewingFromRollups), and `staleCount`, after the CTEs `ctes`.
 */
function rollupSummarySql(now: Date, parts: { ctes: Prisma.Sql; renewing: Prisma.Sql; sums: Prisma.Sql; staleCount: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
    WITH ${parts.ctes},
    renewing AS (${parts.renewing}),
    sums AS (SELECT ${groupSummaryColumns()} FROM (${parts.sums}) g),
    renewals AS (SELECT ${renewalWindowColumns((days) => atRiskRenewingWithin(now, days))} FROM renewing)
    SELECT sums.*, (${parts.staleCount})::int AS stale, renewals.*
      FROM sums CROSS JOIN renewals`;
}

/** The renewals at risk as rows `(band, renewal_date, arr, accounts)`: account_renewal_risk's rows `r` matching `where`. */
const renewingAccounts = (where: Prisma.Sql) =>
  Prisma.sql`SELECT r.band, r.renewal_date, r.arr, 1 AS accounts FROM account_renewal_risk r WHERE ${where}`;

/**
 * The same rows from the renewal rollups (portfolio_renewal_score: accounts and ARR per renewal date and band), for
 * filters with no owner, segment or stage (filtersSelectBands): at most two rows a day instead of one per account.
 * The whole book at 50,000 accounts has ~5,700 at-risk renewals within 90 days, against ≤ 182 rollup rows.
 */
function renewingFromRollups(scope: PortfolioScope, filters: PortfolioFilters, days: Prisma.Sql): Prisma.Sql {
  if (noRenewalsAtRisk(filters)) return renewingAccounts(Prisma.sql`false`);
  const band = filters.band ? Prisma.sql`r.band = ${filters.band}::band` : Prisma.sql`r.band IN ('at_risk', 'critical')`;
  return Prisma.sql`SELECT r.band, r.renewal_date, r.arr, r.accounts
                      FROM portfolio_renewal_score r
                     WHERE r.organization_id = ${scope.organizationId}::uuid AND ${band} AND ${days}`;
}

/** account_renewal_risk rows `r` renewing within 90 days, or none when the band filter leaves no renewal at risk. */
const renewingWithin90 = (filters: PortfolioFilters, now: Date) =>
  noRenewalsAtRisk(filters) ? Prisma.sql`false` : Prisma.sql`r.renewal_date BETWEEN ${todaySql(now)} AND ${todaySql(now)} + 90`;

/**
 * The same figures for an ARR range (and perhaps a band): portfolio_arr_score's rows for the buckets the range covers
 * whole, and the range's other accounts (in the partly covered buckets) grouped like them, read together as rollup
 * rows. ARR ≥ 20k at 50,000 accounts: the summary's SQL 85 → ~10 ms. Staleness and the renewals at risk as in the
 * rollup path, limited to the range.
 */
function summaryOfArrRollupsSql(scope: PortfolioScope, filters: PortfolioFilters, range: ArrRollupRange, reviewIntervalDays: number): Prisma.Sql {
  const now = scope.now ?? new Date();
  const arrConditions = [
    filters.arrMin !== undefined ? Prisma.sql`r.arr >= ${filters.arrMin}::float8` : null,
    filters.arrMax !== undefined ? Prisma.sql`r.arr <= ${filters.arrMax}::float8` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return rollupSummarySql(now, {
    ctes: Prisma.sql`${filteredAccountsCte(scope, filters, { inline: true })},
    ${filteredAccountsCte(scope, filters, { name: 'outside', inline: true, sharesSettings: true, where: outsideArrRollups(range, filters) })}`,
    renewing: renewingAccounts(Prisma.sql`${rollupConditions(scope, filters, 'r')} AND ${Prisma.join(arrConditions, ' AND ')} AND ${renewingWithin90(filters, now)}`),
    sums: Prisma.sql`SELECT g.band, ${ROLLUP_SUM_COLUMNS}
                FROM portfolio_arr_score g
               WHERE ${arrRollupConditions(scope, filters, range, 'g')}
              UNION ALL
              SELECT outside.band::band, ${ACCOUNT_ROLLUP_SUMS}
                FROM outside
               GROUP BY outside.band`,
    staleCount: Prisma.sql`SELECT count(*) FROM f WHERE ${staleBeforeSql(now, reviewIntervalDays, Prisma.sql`f.submitted_at`)}`,
  });
}

/**
 * The same figures for a renewal window (and perhaps a band): portfolio_renewal_score's rows of the window's days
 * (renewal 60 at 50,000 accounts: the summary's SQL 40 → ~5 ms). Staleness and the renewals at risk as in the
 * rollup path, limited to the window.
 */
function summaryOfRenewalRollupsSql(scope: PortfolioScope, filters: PortfolioFilters, reviewIntervalDays: number): Prisma.Sql {
  const now = scope.now ?? new Date();
  return rollupSummarySql(now, {
    ctes: filteredAccountsCte(scope, filters, { name: 'stale', where: staleBeforeSql(now, reviewIntervalDays), scoreByKey: false }),
    renewing: renewingFromRollups(scope, filters, renewalRollupConditions(scope, filters, 'r')),
    sums: Prisma.sql`SELECT * FROM portfolio_renewal_score g WHERE ${renewalRollupConditions(scope, filters, 'g')}`,
    staleCount: Prisma.sql`SELECT count(*) FROM stale`,
  });
}

async function summarySql(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<Prisma.Sql> {
  const source = overviewSourceOf(scope, filters);
  if (source.kind === 'accounts') return summaryOfAccountsSql(scope, filters);
  const reviewIntervalDays = await readReviewIntervalDays(tx, scope.organizationId);
  if (source.kind === 'groups') return summaryOfRollupsSql(scope, filters, reviewIntervalDays);
  if (source.kind === 'renewal-days') return summaryOfRenewalRollupsSql(scope, filters, reviewIntervalDays);
  return summaryOfArrRollupsSql(scope, filters, source.range, reviewIntervalDays);
}

async function loadSummary(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<SummaryRow> {
  const [row] = await tx.$queryRaw<SummaryRow[]>(await summarySql(tx, scope, filters));
  return row!;
}

async function loadRenewals(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters, limit: number | null): Promise<RenewalAtRisk[]> {
  if (noRenewalsAtRisk(filters)) return [];
  const now = scope.now ?? new Date();
  const rows = await tx.$queryRaw<(Omit<RenewalAtRisk, 'daysToRenewal'> & { daysToRenewal: number })[]>`
    WITH ${filteredAccountsCte(scope, filters, { scoreByKey: true })}
    SELECT f.id AS "accountId", f.name, u.name AS owner, f.renewal_date AS "renewalDate",
           (f.renewal_date - ${todaySql(now)})::int AS "daysToRenewal", f.score, f.band, f.arr
      FROM f
      LEFT JOIN "user" u ON u.id = f.owner_user_id
     WHERE f.band IN ('at_risk', 'critical')
       AND f.renewal_date BETWEEN ${todaySql(now)} AND ${todaySql(now)} + 90
     ORDER BY f.renewal_date, f.name, f.id
     ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows;
}

/** Renewals at risk or critical within 90 days (every one: the CSV export). */
export function listRenewalsAtRisk(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<RenewalAtRisk[]> {
  return loadRenewals(tx, scope, filters, null);
}

/**
 * Biggest movers: each account's latest score against its previous submitted result (the one before it in
 * (submitted_at, assessment_id) order), both kept in account_score. Up: delta > 0, largest first; down: delta < 0, largest
 * drop first; ties by name, then id. Accounts with a single assessment do not move.
 */
export async function listMovers(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters, limit = MOVERS_LIMIT): Promise<{ up: Mover[]; down: Mover[] }> {
  // Each end walks account_score's (organization_id, score_delta) index from its end until `limit` accounts of
  // the view are found (f is inlined, not materialised: it is read twice; joined, so the index can lead).
  const movers = (direction: 'up' | 'down') => Prisma.sql`
    (SELECT ${direction} AS direction, f.id AS "accountId", f.name, f.previous_score AS previous, f.score AS latest,
            f.score_delta AS delta, f.submitted_at AS "submittedAt"
       FROM f
      WHERE ${direction === 'up' ? Prisma.sql`f.score_delta > 0` : Prisma.sql`f.score_delta < 0`}
      ORDER BY f.score_delta ${direction === 'up' ? Prisma.sql`DESC` : Prisma.sql`ASC`}, f.name, f.id
      LIMIT ${limit})`;
  const rows = await tx.$queryRaw<(Mover & { direction: 'up' | 'down' })[]>`
    WITH ${filteredAccountsCte(scope, filters, { inline: true, scoreByKey: false })}
    ${movers('up')}
    UNION ALL
    ${movers('down')}`;
  const strip = (row: Mover): Mover => ({
    accountId: row.accountId, name: row.name, previous: row.previous, latest: row.latest, delta: row.delta, submittedAt: row.submittedAt,
  });
  return {
    up: rows.filter((row) => row.direction === 'up').map(strip),
    down: rows.filter((row) => row.direction === 'down').map(strip),
  };
}

export async function getPortfolioOverview(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<PortfolioOverview> {
  const row = await loadSummary(tx, scope, filters);
  const renewals = await loadRenewals(tx, scope, filters, RENEWAL_LIST_LIMIT);
  const movers = await listMovers(tx, scope, filters);
  const trend = await getPortfolioTrend(tx, scope, filters);
  const num = (key: string) => Number(row[key] ?? 0);
  const components = COMPONENT_SLUGS.map((slug) => ({
    slug,
    meanCurrent: row[`current_${slug}`] ?? null,
    meanGap: row[`gap_${slug}`] ?? null,
    leverSum: num(`lever_${slug}`),
    included: num(`included_${slug}`),
  }));
  const record = (prefix: string) =>
    Object.fromEntries(PORTFOLIO_BANDS.map((band) => [band, num(`${prefix}_${band}`)])) as Record<PortfolioBand, number>;
  return {
    accounts: num('accounts'),
    assessed: num('assessed'),
    neverAssessed: num('accounts') - num('assessed'),
    stale: num('stale'),
    meanScore: row.mean_score ?? null,
    arrWeightedScore: row.arr_weighted ?? null,
    totalArr: num('total_arr'),
    bandCounts: record('count'),
    arrByBand: record('arr'),
    components,
    levers: rankLevers(components),
    renewalWindows: PORTFOLIO_RENEWAL_WINDOWS.map((days) => ({
      days,
      accounts: num(`renewals_${days}`),
      arr: num(`renewal_arr_${days}`),
      atRisk: num(`renewals_${days}_at_risk`),
      critical: num(`renewals_${days}_critical`),
    })),
    renewals,
    movers,
    trend,
  };
}
