import type { Tx } from '@/lib/db/tenant';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PortfolioFilters } from './portfolio-filters';
import { filteredAccountsCte, type PortfolioScope } from './portfolio-scope';
import {
  arrRollupConditions,
  outsideArrRollups,
  overviewSourceOf,
  renewalRollupConditions,
  rollupConditions,
  rollupMean,
  type ArrRollupRange,
} from './portfolio-rollups';

/**
 * Portfolio score by UTC calendar month and quarter from the assessment history — lib/scoring's historyByPeriod
 * definition: per period, each account's latest result in it (greatest submitted_at, then greatest assessment id),
 * averaged; periods without a submission are left out. Read from account_period_score (one row per account and
 * month, flagged when latest of its quarter), which the submit transaction keeps.
 * Accounts are those of the view (filters apply to the account and its current band).
 *
 * Filters that select whole groups (owner, segment, stage, band) read portfolio_group_period_score's sums of the same rows
 * instead: a few thousand rows at 50,000 accounts rather than every account's months. An ARR range (and perhaps a
 * band) reads portfolio_arr_period_score's for the buckets it covers whole, and the months of its other accounts;
 * a renewal window (and perhaps a band), portfolio_renewal_period_score's rows of its days.
 *
 * Window: the last TREND_QUARTERS calendar quarters including the current one (24 months), so the page's cost
 * does not grow with years of history; the tests apply the same cutoff to the reference.
 */

export const TREND_QUARTERS = 8;

export interface TrendPoint {
  /** `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  start: Date;
  accounts: number;
  meanScore: number;
}

export interface PortfolioTrend {
  month: TrendPoint[];
  quarter: TrendPoint[];
}

/** First instant of the trend window: the start of the quarter TREND_QUARTERS - 1 quarters before now's. */
export function trendWindowStart(now: Date): Date {
  const quarterStartMonth = Math.floor(now.getUTCMonth() / 3) * 3 - (TREND_QUARTERS - 1) * 3;
  return new Date(Date.UTC(now.getUTCFullYear(), quarterStartMonth, 1));
}

export function periodKey(start: Date, period: 'month' | 'quarter'): string {
  const yyyy = String(start.getUTCFullYear()).padStart(4, '0');
  const month = start.getUTCMonth();
  return period === 'month' ? `${yyyy}-${String(month + 1).padStart(2, '0')}` : `${yyyy}-Q${Math.floor(month / 3) + 1}`;
}

interface TrendRow {
  start: Date;
  accounts: number;
  mean_score: number;
  quarter_accounts: number;
  quarter_sum: number | null;
}

/**
 * The view's accounts for the trend. Without a band filter the trend reads no figure of account_score: a plain join
 * to it (scoreByKey false) is one the planner removes, where a per-account lookup would still run (renewal 60: trend
 * 67 -> 52 ms).
 */
const accountsOfView = (scope: PortfolioScope, filters: PortfolioFilters, where?: Prisma.Sql) =>
  filteredAccountsCte(scope, filters, { scoreByKey: filters.band === undefined ? false : undefined, ...(where ? { where } : {}) });

/** The month rows in the window of each account of `f`, as `p`, looked up by account_period_score's primary key. */
const monthRowsByKey = (scope: PortfolioScope, since: Prisma.Sql) =>
  // OFFSET 0 keeps the subquery a per-account lookup the planner cannot turn back into a join.
  Prisma.sql`f CROSS JOIN LATERAL (
      SELECT period_start, score, latest_in_quarter FROM account_period_score ap
       WHERE ap.organization_id = ${scope.organizationId}::uuid AND ap.account_id = f.id AND ap.period_start >= ${since}
      OFFSET 0) p`;

/**
 * The view's accounts' month rows in the window, as `p`. A renewal window keeps a few thousand accounts at 50,000
 * (found through account's renewal_date index): their rows are then looked up by account_period_score's primary key
 * (account, month), ~8 per account, instead of hash-joining every month row of the organisation (renewal 60:
 * 77 -> 67 ms). Other views keep most accounts, where the scan and hash join is cheaper.
 */
function monthRowsOfAccounts(scope: PortfolioScope, filters: PortfolioFilters, since: Prisma.Sql): Prisma.Sql {
  if (filters.renewal !== undefined) return monthRowsByKey(scope, since);
  return Prisma.sql`account_period_score p
      JOIN f ON f.id = p.account_id
     WHERE p.organization_id = ${scope.organizationId}::uuid
       AND p.period_start >= ${since}`;
}

/**
 * Each month's figures over rollup-shaped month rows `rows` (period_start, accounts, score_sum, quarter_accounts,
 * quarter_score_sum), after the CTEs `ctes`.
 */
const monthSumsSql = (rows: Prisma.Sql, ctes: Prisma.Sql = Prisma.empty) => Prisma.sql`
    ${ctes}
    SELECT m.period_start::timestamptz AS start, sum(m.accounts)::int AS accounts, ${rollupMean('m.score_sum', 'm.accounts')} AS mean_score,
           sum(m.quarter_accounts)::int AS quarter_accounts, sum(m.quarter_score_sum) AS quarter_sum
      FROM (${rows}) m
     GROUP BY m.period_start
    HAVING sum(m.accounts) > 0
     ORDER BY m.period_start`;

/** A month rollup table's rows (alias g) in the trend window. */
const rollupMonthRows = (table: Prisma.Sql, where: Prisma.Sql, since: Prisma.Sql) => Prisma.sql`
      SELECT g.period_start, g.accounts, g.score_sum, g.quarter_accounts, g.quarter_score_sum
        FROM ${table} g
       WHERE ${where} AND g.period_start >= ${since}`;

/**
 * The month rows of an ARR range: portfolio_arr_period_score's sums for its whole buckets, and the months of its
 * accounts in partly covered buckets, each looked up by primary key (ARR ≥ 20k at 50,000 accounts: the trend's
 * SQL ~100 → ~5 ms).
 */
function arrTrendSql(scope: PortfolioScope, filters: PortfolioFilters, range: ArrRollupRange, since: Prisma.Sql): Prisma.Sql {
  return monthSumsSql(
    Prisma.sql`${rollupMonthRows(Prisma.raw('portfolio_arr_period_score'), arrRollupConditions(scope, filters, range, 'g'), since)}
      UNION ALL
      SELECT p.period_start, 1, p.score, p.latest_in_quarter::int, CASE WHEN p.latest_in_quarter THEN p.score ELSE 0 END
        FROM ${monthRowsByKey(scope, since)}`,
    Prisma.sql`WITH ${accountsOfView(scope, filters, outsideArrRollups(range, filters))}`,
  );
}

/** The trend's statement for the filters' overview source (see overviewSourceOf). */
function trendSql(scope: PortfolioScope, filters: PortfolioFilters, since: Prisma.Sql): Prisma.Sql {
  const source = overviewSourceOf(scope, filters);
  switch (source.kind) {
    case 'groups':
      return monthSumsSql(rollupMonthRows(Prisma.raw('portfolio_group_period_score'), rollupConditions(scope, filters, 'g'), since));
    case 'renewal-days':
      return monthSumsSql(rollupMonthRows(Prisma.raw('portfolio_renewal_period_score'), renewalRollupConditions(scope, filters, 'g'), since));
    case 'arr-buckets':
      return arrTrendSql(scope, filters, source.range, since);
    case 'accounts':
      return Prisma.sql`
    WITH ${accountsOfView(scope, filters)}
    SELECT p.period_start::timestamptz AS start, count(*)::int AS accounts, avg(p.score) AS mean_score,
           count(*) FILTER (WHERE p.latest_in_quarter)::int AS quarter_accounts,
           sum(p.score) FILTER (WHERE p.latest_in_quarter) AS quarter_sum
      FROM ${monthRowsOfAccounts(scope, filters, since)}
     GROUP BY p.period_start
     ORDER BY p.period_start`;
  }
}

export async function getPortfolioTrend(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<PortfolioTrend> {
  const since = Prisma.sql`(${trendWindowStart(scope.now ?? new Date())}::timestamptz AT TIME ZONE 'UTC')::date`;
  // One pass over the narrow month rows: each month's own figures, plus the sums of the rows that are their
  // account's latest of the quarter, which add up to the quarter's figures.
  const rows = await tx.$queryRaw<TrendRow[]>(trendSql(scope, filters, since));
  const month = rows.map((row) => ({ period: periodKey(row.start, 'month'), start: row.start, accounts: row.accounts, meanScore: row.mean_score }));
  const quarters = new Map<string, { start: Date; accounts: number; sum: number }>();
  for (const row of rows) {
    if (row.quarter_accounts === 0) continue;
    const start = new Date(Date.UTC(row.start.getUTCFullYear(), Math.floor(row.start.getUTCMonth() / 3) * 3, 1));
    const key = periodKey(start, 'quarter');
    const quarter = quarters.get(key) ?? { start, accounts: 0, sum: 0 };
    quarter.accounts += row.quarter_accounts;
    quarter.sum += row.quarter_sum ?? 0;
    quarters.set(key, quarter);
  }
  const quarter = [...quarters].map(([period, q]) => ({ period, start: q.start, accounts: q.accounts, meanScore: q.sum / q.accounts }));
  return { month, quarter };
}
