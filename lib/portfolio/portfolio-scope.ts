import { scopeOf } from '@/lib/auth/permissions';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { Tx } from '@/lib/db/tenant';
import type { PortfolioFilters } from './portfolio-filters';

/**
 * Who is looking and at which book. A CSM's grant of `portfolio.read` is 'own': every query is then limited to the
 * accounts they own, whatever the owner filter says (it is forced to them, in SQL).
 */
export interface PortfolioScope {
  organizationId: string;
  userId: string;
  /** Only the user's own accounts (CSMs). */
  ownOnly: boolean;
  /** Evaluation time for staleness, renewal windows and the trend window (tests pin it); defaults to now. */
  now?: Date;
}

export function portfolioScopeFor(access: { organization: { id: string }; user: { id: string }; role: Role }, now?: Date): PortfolioScope {
  return {
    organizationId: access.organization.id,
    userId: access.user.id,
    ownOnly: scopeOf(access.role, 'portfolio.read') !== 'all',
    ...(now ? { now } : {}),
  };
}

/** The filters a scope really applies: a CSM's owner filter is always themselves. */
export function effectiveFilters(scope: PortfolioScope, filters: PortfolioFilters): PortfolioFilters {
  return scope.ownOnly ? { ...filters, owner: scope.userId } : filters;
}

const DAY_SECONDS = 86_400;

export const col = (kind: 'current' | 'gap' | 'lever' | 'target', slug: ComponentSlug) => Prisma.raw(`${kind}_${slug}`);

export function idCondition(column: Prisma.Sql, value: string | undefined): Prisma.Sql | null {
  if (value === undefined) return null;
  return value === 'none' ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} = ${value}::uuid`;
}

/** Whether account_score `sc`'s latest result is older than the review interval of `o` at `now`. */
export const staleSql = (now: Date) =>
  Prisma.sql`sc.submitted_at < ${now}::timestamptz - make_interval(secs => o.review_interval_days * ${DAY_SECONDS}::float8)`;

/**
 * The organisation's review interval (days), for staleBeforeSql. Read in the transaction that computes the figures
 * rather than taken from the page's access check: a cached figure then never pairs one interval with data of
 * another (a change of the interval bumps the portfolio data version).
 */
export async function readReviewIntervalDays(tx: Tx, organizationId: string): Promise<number> {
  const [organization] = await tx.$queryRaw<{ days: number }[]>`
    SELECT review_interval_days AS days FROM organization WHERE id = ${organizationId}::uuid`;
  return organization?.days ?? 0;
}

/**
 * The same condition for a review interval read beforehand: with a constant cutoff the planner estimates how many
 * accounts are stale from the column's statistics and looks a few up in account_score's (organization_id,
 * submitted_at) index (with the interval inside the statement it assumed a third and scanned the table).
 */
export const staleBeforeSql = (now: Date, reviewIntervalDays: number, submittedAt: Prisma.Sql = Prisma.sql`sc.submitted_at`) =>
  Prisma.sql`${submittedAt} < ${new Date(now.getTime() - reviewIntervalDays * DAY_SECONDS * 1000)}::timestamptz`;

/** The UTC calendar date of `now`, as SQL. */
export const todaySql = (now: Date) => Prisma.sql`(${now}::timestamptz AT TIME ZONE 'UTC')::date`;

export interface AccountsCteOptions {
  /** The accounts CTE's name (default `f`). Each also defines `o`, unless it shares another's (sharesSettings). */
  name?: string;
  /** One more condition on `a` (account), `sc` (account_score) or `o`. */
  where?: Prisma.Sql;
  /** NOT MATERIALIZED: a CTE read twice is otherwise computed in full once, whatever each reader needs of it. */
  inline?: boolean;
  /**
   * Look each account's score up by account_score's primary key (a nested loop) instead of letting the planner
   * hash-join the whole table: for a `where` that keeps a few thousand accounts, since account_score's size
   * swings with every re-score (each rewrites all its rows) and a scan of it then costs more than the lookups.
   * Default: when a renewal window is filtered (found through account's renewal_date index).
   */
  scoreByKey?: boolean;
  /** The statement's other accounts CTE defines `o`: this one only uses it (two views of the accounts in one statement). */
  sharesSettings?: boolean;
}

/**
 * `o` (the organisation's settings) and `f` (the filtered, non-archived accounts with their latest score from
 * account_score, its band and staleness) as CTEs every portfolio query starts from.
 *
 * The band is account_score's stored band. It is the band of the score under the organisation's *current*
 * thresholds: thresholds only change through a scoring-configuration save, which re-scores (and so re-bands) every
 * latest result in the same transaction (tests/integration/portfolio.test.ts proves the equality after a change).
 * A stored column, unlike a CASE over the thresholds, is something the planner can estimate. The organisation
 * is a condition of the query itself; row-level security is the second line.
 */
export function filteredAccountsCte(scope: PortfolioScope, rawFilters: PortfolioFilters, options: AccountsCteOptions = {}): Prisma.Sql {
  const filters = effectiveFilters(scope, rawFilters);
  const now = scope.now ?? new Date();
  const conditions = [
    Prisma.sql`a.organization_id = ${scope.organizationId}::uuid`,
    Prisma.sql`a.archived_at IS NULL`,
    idCondition(Prisma.sql`a.owner_user_id`, filters.owner),
    idCondition(Prisma.sql`a.segment_id`, filters.segment),
    idCondition(Prisma.sql`a.journey_stage_id`, filters.stage),
    filters.band ? Prisma.sql`sc.band = ${filters.band}::band` : null,
    filters.renewal
      ? Prisma.sql`a.renewal_date BETWEEN ${todaySql(now)} AND ${todaySql(now)} + ${filters.renewal}::int`
      : null,
    filters.arrMin !== undefined ? Prisma.sql`a.arr >= ${filters.arrMin}::numeric` : null,
    filters.arrMax !== undefined ? Prisma.sql`a.arr <= ${filters.arrMax}::numeric` : null,
    options.where ?? null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  const componentColumns = Prisma.raw(
    (['current', 'gap', 'lever'] as const).flatMap((kind) => COMPONENT_SLUGS.map((slug) => `sc.${kind}_${slug}`)).join(', '),
  );
  const settings = Prisma.sql`
    o AS (
      SELECT review_interval_days
        FROM organization WHERE id = ${scope.organizationId}::uuid
    ),`;
  return Prisma.sql`${options.sharesSettings ? Prisma.empty : settings}
    ${Prisma.raw(options.name ?? 'f')} AS ${options.inline ? Prisma.sql`NOT MATERIALIZED` : Prisma.empty} (
      SELECT a.id, a.name, a.owner_user_id, a.segment_id, a.journey_stage_id, a.arr::float8 AS arr, a.renewal_date,
             sc.assessment_id, sc.score, sc.submitted_at, sc.previous_score, sc.score_delta, ${componentColumns},
             sc.band::text AS band,
             (${staleSql(now)}) AS stale
        FROM account a
        CROSS JOIN o
        ${
          (options.scoreByKey ?? filters.renewal !== undefined)
            ? // OFFSET 0 keeps the subquery a subquery: a per-account lookup the planner cannot turn into a join.
              Prisma.sql`LEFT JOIN LATERAL (
                SELECT * FROM account_score sc
                 WHERE sc.organization_id = a.organization_id AND sc.account_id = a.id OFFSET 0) sc ON true`
            : Prisma.sql`LEFT JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id`
        }
       WHERE ${Prisma.join(conditions, ' AND ')}
    )`;
}
