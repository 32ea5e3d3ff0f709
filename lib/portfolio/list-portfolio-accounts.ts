import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { DEFAULT_TARGET } from '@/lib/scoring';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';
import type { PortfolioBand, PortfolioFilters } from './portfolio-filters';
import { col, filteredAccountsCte, type PortfolioScope } from './portfolio-scope';
import { readClampedPage } from './read-clamped-page';

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

export const DRILL_DOWN_PAGE_SIZE = 100;

/** Accounts whose latest assessment is stale, or that were never assessed (the overview's two counts). */
export const DRILL_DOWN_ASSESSMENTS = ['stale', 'never'] as const;
export type DrillDownAssessment = (typeof DRILL_DOWN_ASSESSMENTS)[number];

/** What a drill-down lists besides the filters: one component's gap, or one assessment state (or neither). */
export interface DrillDownFocus {
  component?: ComponentSlug | null;
  assessment?: DrillDownAssessment | null;
}

export interface PortfolioAccountList {
  rows: PortfolioAccountRow[];
  total: number;
  /** The page shown (1-based): the one asked for, or the last one when that is past the end. */
  page: number;
  pageSize: number;
}

/**
 * One page of the accounts behind a figure (`'all'`: every one, for the CSV export), in the order below. A page
 * past the last one (a stale or hand-edited link) shows the last page.
 */
export async function listPortfolioAccounts(
  tx: Tx,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  focus: DrillDownFocus,
  pages: { page: number; pageSize?: number } | 'all' = { page: 1 },
): Promise<PortfolioAccountList> {
  if (pages === 'all') {
    const rows = await selectAccounts(tx, scope, filters, focus, Prisma.empty);
    return { rows: withoutTotal(rows), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
  }
  const pageSize = pages.pageSize ?? DRILL_DOWN_PAGE_SIZE;
  const { rows, page } = await readClampedPage(
    pages.page,
    pageSize,
    (page) => selectAccounts(tx, scope, filters, focus, Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    async () => {
      const [counted] = await tx.$queryRaw<{ total: number }[]>`
        WITH ${filteredAccountsCte(scope, filters)} SELECT count(*)::int AS total FROM f WHERE ${assessmentCondition(focus.assessment)}`;
      return counted?.total ?? 0;
    },
  );
  const total = rows[0]?.total ?? 0;
  return { rows: withoutTotal(rows), total, page, pageSize };
}

/** The rows without the window total each one carries. */
function withoutTotal(rows: (PortfolioAccountRow & { total?: number })[]): PortfolioAccountRow[] {
  for (const row of rows) Reflect.deleteProperty(row, 'total');
  return rows;
}

/** The accounts CTE rows `f` in an assessment state: stale as the overview counts them, or never assessed. */
function assessmentCondition(assessment: DrillDownAssessment | null | undefined): Prisma.Sql {
  if (assessment === 'stale') return Prisma.sql`f.stale`;
  if (assessment === 'never') return Prisma.sql`f.score IS NULL`;
  return Prisma.sql`true`;
}

async function selectAccounts(
  tx: Tx,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  { component = null, assessment = null }: DrillDownFocus,
  limit: Prisma.Sql,
): Promise<(PortfolioAccountRow & { total: number })[]> {
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
  return tx.$queryRaw<(PortfolioAccountRow & { total: number })[]>`
    WITH ${filteredAccountsCte(scope, filters)},
    p AS (
      SELECT f.id, f.name, f.owner_user_id, f.segment_id, f.journey_stage_id, f.arr, f.renewal_date AS "renewalDate",
             f.score, f.band, f.submitted_at AS "submittedAt", coalesce(f.stale, false) AS stale,
             ${current} AS "componentCurrent", ${target} AS "componentTarget", count(*) OVER ()::int AS total
        FROM f
       WHERE ${assessmentCondition(assessment)}
    )
    SELECT p.id, p.name, u.name AS owner, s.name AS segment, js.name AS stage, p.arr, p."renewalDate", p.score, p.band,
           p."submittedAt", p.stale, p."componentCurrent", p."componentTarget", p.total
      FROM p
      LEFT JOIN "user" u ON u.id = p.owner_user_id
      LEFT JOIN segment s ON s.organization_id = ${scope.organizationId}::uuid AND s.id = p.segment_id
      LEFT JOIN journey_stage js ON js.organization_id = ${scope.organizationId}::uuid AND js.id = p.journey_stage_id
     ORDER BY ${order}
     ${limit}`;
}

export const isComponentSlug = (value: unknown): value is ComponentSlug =>
  typeof value === 'string' && (COMPONENT_SLUGS as readonly string[]).includes(value);

/** A focus as URL parameters (what parseDrillDownFocus reads back); unset parts are left out. */
export const drillDownParams = ({ component, assessment }: DrillDownFocus) => ({
  component: component ?? undefined,
  assessment: assessment ?? undefined,
});

/** The drill-down's focus from URL parameters (`component`, `assessment`); anything else is ignored. */
export function parseDrillDownFocus(get: (name: string) => string | null | undefined): { component: ComponentSlug | null; assessment: DrillDownAssessment | null } {
  const component = get('component');
  const assessment = get('assessment');
  return {
    component: isComponentSlug(component) ? component : null,
    assessment: (DRILL_DOWN_ASSESSMENTS as readonly unknown[]).includes(assessment) ? (assessment as DrillDownAssessment) : null,
  };
}
