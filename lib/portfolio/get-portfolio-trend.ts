import type { Tx } from '@/lib/db/tenant';
import type { PortfolioFilters } from './portfolio-filters';
import { filteredAccountsCte, type PortfolioScope } from './portfolio-scope';

/**
 * Portfolio score by UTC calendar month and quarter from the assessment history — lib/scoring's historyByPeriod
 * definition in SQL: per period, each account's latest result in it (greatest submitted_at, then greatest
 * assessment id, i.e. the later one in submission/id order), averaged; periods without a submission are left out.
 * Accounts are those of the view (filters apply to the account and its current band).
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

export async function getPortfolioTrend(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<PortfolioTrend> {
  const now = scope.now ?? new Date();
  const rows = await tx.$queryRaw<{ kind: 'month' | 'quarter'; start: Date; accounts: number; mean_score: number }[]>`
    WITH ${filteredAccountsCte(scope, filters)},
    r AS (
      SELECT r.account_id, r.assessment_id, r.submitted_at, r.score,
             date_trunc('month', r.submitted_at AT TIME ZONE 'UTC') AS month_start,
             date_trunc('quarter', r.submitted_at AT TIME ZONE 'UTC') AS quarter_start
        FROM assessment_result r
        JOIN f ON f.id = r.account_id
       WHERE r.organization_id = ${scope.organizationId}::uuid
         AND r.submitted_at >= ${trendWindowStart(now)}::timestamptz
    ),
    latest_month AS (
      SELECT DISTINCT ON (month_start, account_id) month_start AS start, score
        FROM r ORDER BY month_start, account_id, submitted_at DESC, assessment_id DESC
    ),
    latest_quarter AS (
      SELECT DISTINCT ON (quarter_start, account_id) quarter_start AS start, score
        FROM r ORDER BY quarter_start, account_id, submitted_at DESC, assessment_id DESC
    )
    SELECT 'month' AS kind, start, count(*)::int AS accounts, avg(score) AS mean_score FROM latest_month GROUP BY start
    UNION ALL
    SELECT 'quarter' AS kind, start, count(*)::int AS accounts, avg(score) AS mean_score FROM latest_quarter GROUP BY start
    ORDER BY kind, start`;
  const points = (kind: 'month' | 'quarter') =>
    rows
      .filter((row) => row.kind === kind)
      .map((row) => ({ period: periodKey(row.start, kind), start: row.start, accounts: row.accounts, meanScore: row.mean_score }));
  return { month: points('month'), quarter: points('quarter') };
}

