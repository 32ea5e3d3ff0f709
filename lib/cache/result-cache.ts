import type { Tx } from '@/lib/db/tenant';

/**
 * An in-process result cache: a bounded LRU of promises with a time to live. Callers key entries by everything the
 * result depends on — at least the organisation and its **data version** (`readDataVersion`) — so an entry can
 * only be served to a request that would compute the same thing. Concurrent identical misses share one
 * computation; a failed computation is not kept. One instance per kind of result (the portfolio views, the
 * accounts list's counts), each kept on `globalThis` by its owner so dev-mode hot reloads do not start empty ones.
 *
 * The data version (table portfolio_data_version, migrations 20261127200000 and 20261127210000) is bumped by
 * triggers at the commit of every transaction that writes organization, membership, segment, journey_stage,
 * account, weight_config, target, account_score or account_period_score rows (once per transaction), and values
 * are never reused. Read it before computing, so what is cached under a version is at least as new as that version.
 */
export class ResultCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  /** Counters, for tests and diagnostics. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(options: { maxEntries: number; ttlMs: number; clock?: () => number }) {
    this.maxEntries = options.maxEntries;
    this.ttlMs = options.ttlMs;
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
    const entry = { value, expiresAt: now + this.ttlMs };
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

/** The organisation's data version ('none' before its first versioned write). One primary-key lookup. */
export async function readDataVersion(tx: Tx, organizationId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ version: string }[]>`
    SELECT version::text AS version FROM portfolio_data_version WHERE organization_id = ${organizationId}::uuid`;
  return row?.version ?? 'none';
}
