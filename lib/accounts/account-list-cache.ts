import 'server-only';
import { ResultCache } from '@/lib/cache/result-cache';
import type { Tx } from '@/lib/db/tenant';
import { listAccountFilterOptions, type AccountOptions } from './list-account-options';

/** Entries live this long: the most a "stale" count may lag behind the clock (every other input is versioned). */
export const ACCOUNT_LIST_CACHE_TTL_MS = 60_000;
/** Counts are small; a search typed letter by letter makes a key per prefix. */
export const ACCOUNT_LIST_CACHE_MAX_ENTRIES = 2_000;

// One per server process; kept on globalThis so dev-mode hot reloads do not start empty ones.
const globalForCache = globalThis as unknown as { desiredStateAccountListCache?: ResultCache };

/** The accounts list's cache (lib/cache/result-cache.ts): its total counts and its filter choices, per data version. */
export const accountListCache = (globalForCache.desiredStateAccountListCache ??= new ResultCache({
  maxEntries: ACCOUNT_LIST_CACHE_MAX_ENTRIES,
  ttlMs: ACCOUNT_LIST_CACHE_TTL_MS,
}));

/** The list's filter choices (segments and stages, which bump the data version when they change), cached. */
export function cachedAccountFilterOptions(
  tx: Tx,
  organizationId: string,
  dataVersion: string,
): Promise<Pick<AccountOptions, 'segments' | 'stages'>> {
  return accountListCache.getOrCompute(JSON.stringify(['account-filter-options', organizationId, dataVersion]), () =>
    listAccountFilterOptions(tx, organizationId),
  );
}
