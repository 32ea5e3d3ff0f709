import 'server-only';
import { inOrganization, requireOrganizationPermission, type OrganizationAccess } from '@/lib/tenancy/organization-access';
import type { Tx } from '@/lib/db/tenant';
import { getPortfolioFilterOptions, type PortfolioFilterOptions } from './get-portfolio-filter-options';
import { parsePortfolioFilters, type PortfolioFilters } from './portfolio-filters';
import { portfolioScopeFor, type PortfolioScope } from './portfolio-scope';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What every portfolio page starts with: access checked (portfolio.read; 403 otherwise), the viewer's scope, the
 * filters from the URL, the filter choices, and the page's own data — all in one tenant transaction.
 */
export async function loadPortfolioPage<T>(
  slug: string,
  searchParams: SearchParams,
  load: (tx: Tx, scope: PortfolioScope, filters: PortfolioFilters) => Promise<T>,
): Promise<{ access: OrganizationAccess; scope: PortfolioScope; filters: PortfolioFilters; options: PortfolioFilterOptions; data: T }> {
  const access = await requireOrganizationPermission(slug, 'portfolio.read');
  const scope = portfolioScopeFor(access);
  const filters = parsePortfolioFilters(searchParams);
  const [options, data] = await inOrganization(access, async (tx) => [
    await getPortfolioFilterOptions(tx, access.organization.id, scope.ownOnly),
    await load(tx, scope, filters),
  ] as const);
  return { access, scope, filters, options, data };
}
