import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { readDataVersion, ResultCache } from '@/lib/cache/result-cache';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { PORTFOLIO_FILTER_KEYS, type PortfolioFilters } from './portfolio-filters';
import { effectiveFilters, type PortfolioScope } from './portfolio-scope';

/**
 * The portfolio pages' result cache: computed views (overview, heatmap, team, drill-down, filter choices) kept in
 * process memory, keyed by
 *   organisation + data version + whose book (a CSM's own book by user id, or the whole book) + the view and its
 *   parameters + the *effective* filters (a CSM's owner filter is always themselves)
 * so an entry can only ever be served to a request that would compute exactly the same thing.
 *
 * The data version (table portfolio_data_version, migrations 20261127200000 and 20261127210000) is bumped by
 * triggers at the commit of every transaction that can change a portfolio figure, label or choice (once per
 * transaction); values are never reused. A
 * request reads it first (one primary-key lookup) and computes on a miss in a transaction of its own, so what is
 * cached under a version is at least as new as that version. Figures that depend on the clock (staleness, renewal
 * windows, the trend window) may lag by up to the TTL. Concurrent identical misses share one computation; a
 * failed computation is not kept (the LRU itself is the generic lib/cache/result-cache.ts).
 */

export const PORTFOLIO_CACHE_TTL_MS = 60_000;
export const PORTFOLIO_CACHE_MAX_ENTRIES = 500;
/** A cold whole-book overview under load takes seconds; Prisma's 5 s default is too tight. */
const COMPUTE_TIMEOUT_MS = 60_000;

/** The portfolio views' instance of the generic result cache (lib/cache/result-cache.ts): 500 entries, 60 s. */
export class PortfolioCache extends ResultCache {
  constructor(options: { maxEntries?: number; ttlMs?: number; clock?: () => number } = {}) {
    super({ maxEntries: options.maxEntries ?? PORTFOLIO_CACHE_MAX_ENTRIES, ttlMs: options.ttlMs ?? PORTFOLIO_CACHE_TTL_MS, clock: options.clock });
  }
}

/** The organisation's data version ('none' before its first versioned write). */
export const readPortfolioDataVersion: (tx: Tx, organizationId: string) => Promise<string> = readDataVersion;

/** Filters in a fixed key order with unset keys left out: equal filters give equal text. */
function normalisedFilters(scope: PortfolioScope, filters: PortfolioFilters): [string, string][] {
  const effective = effectiveFilters(scope, filters);
  return PORTFOLIO_FILTER_KEYS.flatMap((key) => {
    const value = effective[key];
    return value === undefined || value === null ? [] : [[key, String(value)] as [string, string]];
  });
}

export interface PortfolioView<T> {
  /** What is computed ('overview', 'heatmap', …): part of the key. */
  name: string;
  /** The view's own parameters (heatmap grouping and sort, drill-down component): part of the key. */
  params?: Record<string, string | number | boolean | null | undefined>;
  /** Whether the view depends on the filters (the filter choices do not). */
  filtered?: boolean;
  compute: (tx: Tx, scope: PortfolioScope, filters: PortfolioFilters) => Promise<T>;
}

export function portfolioCacheKey(
  scope: PortfolioScope,
  version: string,
  view: Pick<PortfolioView<unknown>, 'name' | 'params' | 'filtered'>,
  filters: PortfolioFilters,
): string {
  const params = Object.entries(view.params ?? {})
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([
    scope.organizationId,
    version,
    scope.ownOnly ? `own:${scope.userId}` : 'all',
    scope.now?.toISOString() ?? null,
    view.name,
    params,
    view.filtered === false ? null : normalisedFilters(scope, filters),
  ]);
}

/**
 * Reads several views of one scope and filter set through the cache: one short tenant transaction for the data
 * version, then each view from the cache or computed in a tenant transaction of its own.
 */
export async function readPortfolioViews<T extends readonly unknown[]>(
  prisma: PrismaClient,
  cache: PortfolioCache,
  scope: PortfolioScope,
  filters: PortfolioFilters,
  views: { [K in keyof T]: PortfolioView<T[K]> },
): Promise<T> {
  const tenant = { organizationId: scope.organizationId, userId: scope.userId };
  const version = await withTenant(prisma, tenant, (tx) => readPortfolioDataVersion(tx, scope.organizationId));
  const results = await Promise.all(
    (views as readonly PortfolioView<unknown>[]).map((view) =>
      cache.getOrCompute(portfolioCacheKey(scope, version, view, filters), () =>
        // One instant per computation: a view reads the clock in several statements (today's date for renewal
        // windows, the staleness cut-off), and a computation crossing UTC midnight must not mix two days.
        withTenant(prisma, tenant, (tx) => view.compute(tx, { ...scope, now: scope.now ?? new Date() }, filters), {
          timeout: COMPUTE_TIMEOUT_MS,
          parallelQuery: false,
        }),
      ),
    ),
  );
  return results as unknown as T;
}
