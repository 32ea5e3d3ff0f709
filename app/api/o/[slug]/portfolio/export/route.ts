import { organizationRoute } from '@/lib/http/organization-route';
import { exportPortfolioCsv } from '@/lib/portfolio/export-portfolio-csv';
import { portfolioScopeFor } from '@/lib/portfolio/portfolio-scope';
import { inOrganization } from '@/lib/tenancy/organization-access';

/**
 * GET /api/o/[slug]/portfolio/export?dataset=<summary|bands|components|levers|trend-month|trend-quarter|renewals|
 * movers|heatmap|team|accounts>&<portfolio filters>: the data behind a portfolio table or chart as CSV. CSMs get
 * their own book only (the owner filter is forced to them).
 */
export const GET = organizationRoute<{ slug: string }>({
  permission: 'portfolio.read',
  handler: async (request, access) => {
    const search = new URL(request.url).searchParams;
    // One instant for every figure of the file and for its name (see readPortfolioViews).
    const now = new Date();
    const { dataset, csv } = await inOrganization(access, (tx) => exportPortfolioCsv(tx, portfolioScopeFor(access, now), search));
    const day = now.toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${access.organization.slug}-portfolio-${dataset}-${day}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  },
});
