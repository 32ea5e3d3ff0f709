import type { PrismaClient } from '@/lib/db/create-prisma-client';
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
 * failed computation is not kept.
 */

export const PORTFOLIO_CACHE_TTL_MS = 60_000;
export const PORTFOLIO_CACHE_MAX_ENTRIES = 500;
/** A cold whole-book overview under load takes seconds; Prisma's 5 s default is too tight. */
const COMPUTE_TIMEOUT_MS = 60_000;

interface Entry {
  value: Promise<unknown>;
  expiresAt: number;
}

/** A bounded LRU of promises with a time to live. */
export class PortfolioCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  /** Counters, for tests and diagnostics. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(options: { maxEntries?: number; ttlMs?: number; clock?: () => number } = {}) {
    this.maxEntries = options.maxEntries ?? PORTFOLIO_CACHE_MAX_ENTRIES;
    this.ttlMs = options.ttlMs ?? PORTFOLIO_CACHE_TTL_MS;
    this.clock = options.clock ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAt > this.clock();
  }

  clear(): void {
    this.entries.clear();
  }

  /** The cached value for `key`, or `compute()`'s (stored at once, so concurrent callers share it). */
  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const found = this.entries.get(key);
    this.entries.delete(key);
    if (found && found.expiresAt > now) {
      this.entries.set(key, found); // most recently used last
      this.stats.hits += 1;
      return found.value as Promise<T>;
    }
    this.stats.misses += 1;
    const value = compute();
    const entry: Entry = { value, expiresAt: now + this.ttlMs };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

/** The organisation's data version ('none' before its first versioned write). */
export async function readPortfolioDataVersion(tx: Tx, organizationId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ version: string }[]>`
    SELECT version::text AS version FROM portfolio_data_version WHERE organization_id = ${organizationId}::uuid`;
  return row?.version ?? 'none';
}

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
        withTenant(prisma, tenant, (tx) => view.compute(tx, scope, filters), { timeout: COMPUTE_TIMEOUT_MS }),
      ),
    ),
  );
  return results as unknown as T;
}
