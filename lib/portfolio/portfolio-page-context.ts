import 'server-only';
import { requireOrganizationPermission, type OrganizationAccess } from '@/lib/tenancy/organization-access';
import { prisma } from '@/lib/db/prisma';
import { getPortfolioFilterOptions, type PortfolioFilterOptions } from './get-portfolio-filter-options';
import { PortfolioCache, readPortfolioViews, type PortfolioView } from './portfolio-cache';
import { parsePortfolioFilters, type PortfolioFilters } from './portfolio-filters';
import { portfolioScopeFor, type PortfolioScope } from './portfolio-scope';

type SearchParams = Record<string, string | string[] | undefined>;

// One cache per server process; kept on globalThis so dev-mode hot reloads do not start empty ones.
const globalForCache = globalThis as unknown as { desiredStatePortfolioCache?: PortfolioCache };
const portfolioCache = (globalForCache.desiredStatePortfolioCache ??= new PortfolioCache());

/**
 * What every portfolio page starts with: access checked (portfolio.read; 403 otherwise), the viewer's scope, the
 * filters from the URL, the filter choices and the page's own view — both read through the portfolio cache
 * (portfolio-cache.ts): one data-version lookup, and a computation only on a miss.
 */
export async function loadPortfolioPage<T>(
  slug: string,
  searchParams: SearchParams,
  view: PortfolioView<T>,
): Promise<{ access: OrganizationAccess; scope: PortfolioScope; filters: PortfolioFilters; options: PortfolioFilterOptions; data: T }> {
  const access = await requireOrganizationPermission(slug, 'portfolio.read');
  const scope = portfolioScopeFor(access);
  const filters = parsePortfolioFilters(searchParams);
  const options: PortfolioView<PortfolioFilterOptions> = {
    name: 'filter-options',
    filtered: false,
    compute: (tx, s) => getPortfolioFilterOptions(tx, s.organizationId, s.ownOnly),
  };
  const [choices, data] = await readPortfolioViews<[PortfolioFilterOptions, T]>(prisma(), portfolioCache, scope, filters, [options, view]);
  return { access, scope, filters, options: choices, data };
}
