import { COMPONENT_SLUGS } from '@/lib/framework';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';
import { PORTFOLIO_BANDS, type PortfolioBand, type PortfolioFilters } from './portfolio-filters';
import { ACCOUNT_ROLLUP_SUMS, filtersSelectGroups, ROLLUP_BAND_COUNTS, rollupConditions, ROLLUP_SCORES } from './portfolio-rollups';
import { filteredAccountsCte, readReviewIntervalDays, staleBeforeSql, type PortfolioScope } from './portfolio-scope';
import { rankLevers, type RankedLever } from './rank-levers';

/**
 * Each CSM's book side by side: lib/scoring's groupPortfolio(entries, PORTFOLIO_GROUPINGS.owner) computed in the
 * database over account_score — from the portfolio rollups when the filters select whole groups. Accounts without
 * an owner form one "Unassigned" row (ownerId null).
 */

export interface TeamMemberBook {
  ownerId: string | null;
  name: string;
  accounts: number;
  assessed: number;
  neverAssessed: number;
  stale: number;
  /** Σ ARR of the whole book (assessed or not). */
  arr: number;
  meanScore: number | null;
  arrWeightedScore: number | null;
  bandCounts: Record<PortfolioBand, number>;
  /** The book's components ranked by summed lever (portfolioLevers' rule). */
  levers: RankedLever[];
  /** The first lever when it is worth anything (null when every summed lever is 0). */
  topLever: RankedLever | null;
}

type RawRow = { owner_id: string | null; name: string | null } & Record<string, number | null>;

export async function getTeamView(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<TeamMemberBook[]> {
  const rows = await tx.$queryRaw<RawRow[]>(
    filtersSelectGroups(filters) ? await teamOfRollupsSql(tx, scope, filters) : teamOfAccountsSql(scope, filters),
  );
  return rows.map((row) => {
    const num = (key: string) => Number(row[key] ?? 0);
    const ranked = rankLevers(
      COMPONENT_SLUGS.map((slug) => ({ slug, leverSum: num(`lever_${slug}`), included: num(`included_${slug}`) })),
    );
    const top = ranked[0];
    return {
      ownerId: row.owner_id,
      name: row.name ?? 'Unassigned',
      accounts: num('accounts'),
      assessed: num('assessed'),
      neverAssessed: num('accounts') - num('assessed'),
      stale: num('stale'),
      arr: num('arr'),
      meanScore: row.mean_score ?? null,
      arrWeightedScore: row.arr_weighted ?? null,
      bandCounts: Object.fromEntries(PORTFOLIO_BANDS.map((band) => [band, num(`count_${band}`)])) as Record<PortfolioBand, number>,
      levers: ranked,
      topLever: top && top.leverSum > 0 ? top : null,
    };
  });
}

/** A CSM's row over rollup-shaped rows (portfolio_group_score, or the view's accounts grouped like it). */
function teamColumns(): Prisma.Sql {
  const levers = COMPONENT_SLUGS.map(
    (slug) => Prisma.sql`coalesce(sum(${Prisma.raw(`lever_sum_${slug}`)}), 0) AS ${Prisma.raw(`"lever_${slug}"`)},
                         coalesce(sum(${Prisma.raw(`current_count_${slug}`)}), 0)::int AS ${Prisma.raw(`"included_${slug}"`)}`,
  );
  return Prisma.sql`owner_user_id AS owner_id, sum(accounts)::int AS accounts, sum(assessed)::int AS assessed,
             coalesce(sum(arr), 0) AS arr, ${ROLLUP_SCORES},
             ${ROLLUP_BAND_COUNTS}, ${Prisma.join(levers, ', ')}`;
}

/** Filters that cut through rollup groups: the view's accounts grouped by owner, band and staleness, then read alike. */
function teamOfAccountsSql(scope: PortfolioScope, filters: PortfolioFilters): Prisma.Sql {
  return Prisma.sql`
    WITH ${filteredAccountsCte(scope, filters)},
    groups AS (
      SELECT f.owner_user_id, f.band::band AS band, f.stale, ${ACCOUNT_ROLLUP_SUMS}
        FROM f GROUP BY f.owner_user_id, f.band, f.stale
    ),
    g AS (
      SELECT ${teamColumns()}, coalesce(sum(accounts) FILTER (WHERE stale), 0)::int AS stale
        FROM groups GROUP BY owner_user_id
    )
    SELECT g.*, u.name FROM g LEFT JOIN "user" u ON u.id = g.owner_id
     ORDER BY u.name NULLS LAST, g.owner_id`;
}

/** The same rows from portfolio_group_score's sums; stale accounts (clock-dependent) through the submitted_at index. */
async function teamOfRollupsSql(tx: Tx, scope: PortfolioScope, filters: PortfolioFilters): Promise<Prisma.Sql> {
  const reviewIntervalDays = await readReviewIntervalDays(tx, scope.organizationId);
  const now = scope.now ?? new Date();
  return Prisma.sql`
    WITH ${filteredAccountsCte(scope, filters, { name: 'stale', where: staleBeforeSql(now, reviewIntervalDays) })},
    stale_by_owner AS (SELECT owner_user_id, count(*)::int AS stale FROM stale GROUP BY owner_user_id),
    g AS (
      SELECT ${teamColumns()}
        FROM portfolio_group_score g
       WHERE ${rollupConditions(scope, filters, 'g')}
       GROUP BY owner_user_id
    )
    SELECT g.*, coalesce(s.stale, 0) AS stale, u.name
      FROM g
      LEFT JOIN stale_by_owner s ON s.owner_user_id IS NOT DISTINCT FROM g.owner_id
      LEFT JOIN "user" u ON u.id = g.owner_id
     ORDER BY u.name NULLS LAST, g.owner_id`;
}
