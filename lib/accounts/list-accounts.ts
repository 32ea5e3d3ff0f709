import { Prisma } from '@/lib/generated/prisma/client';
import { readDataVersion, type ResultCache } from '@/lib/cache/result-cache';
import type { Tx } from '@/lib/db/tenant';
import { type AccountBand, type AccountListParams, type AccountSort } from './account-list-params';

export interface AccountListRow {
  id: string;
  name: string;
  externalId: string | null;
  segment: string | null;
  /** The segment / stage is retired: the account keeps it, the UI marks it. */
  segmentRetired: boolean;
  owner: string | null;
  ownerEmail: string | null;
  stage: string | null;
  stageRetired: boolean;
  /** Exact decimal as text (numeric(14,2)); format for display only. */
  arr: string | null;
  renewalDate: Date | null;
  score: number | null;
  gap: number | null;
  band: AccountBand | null;
  lastAssessedAt: Date | null;
  /** Never assessed, or the latest assessment is older than the organisation's review interval. */
  stale: boolean;
  archivedAt: Date | null;
}

export interface AccountListScope {
  organizationId: string;
  /** The signed-in user, for the "mine" filter. */
  userId: string;
  /** Evaluation time for "stale" and renewal windows (tests pin it); defaults to now. */
  now?: Date;
  /** The organisation's review interval when the caller already has it (saves a round trip); else it is read. */
  reviewIntervalDays?: number;
}

export interface AccountListPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/**
 * SQL expression per sort key; every key sorts NULLs last in both directions, then by name and id. The gap is
 * 100 − score (lib/scoring computes it so), so gap order is score order reversed and the score index serves both:
 * an index on gap would be one more index rewritten for every account on every re-score.
 */
const SORT_COLUMN: Record<AccountSort, Prisma.Sql> = {
  name: Prisma.sql`a.name`,
  score: Prisma.sql`sc.score`,
  gap: Prisma.sql`sc.score`,
  arr: Prisma.sql`a.arr`,
  renewal: Prisma.sql`a.renewal_date`,
  assessed: Prisma.sql`sc.submitted_at`,
};
/** Sort keys whose column runs the other way (see SORT_COLUMN). */
const REVERSED: ReadonlySet<AccountSort> = new Set(['gap']);

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Assessed before this instant = stale (the organisation's review interval before `now`), one literal per query. */
function staleCutoff(scope: ResolvedScope): Prisma.Sql {
  return Prisma.sql`${new Date(scope.now.getTime() - scope.reviewIntervalDays * 86_400_000)}::timestamptz`;
}

export type ResolvedScope = AccountListScope & { now: Date; reviewIntervalDays: number };

/** Fixes `now` and reads the organisation's review interval once, so every query of a request agrees. */
async function resolveScope(tx: Tx, scope: AccountListScope): Promise<ResolvedScope> {
  if (scope.reviewIntervalDays !== undefined) return { ...scope, now: scope.now ?? new Date(), reviewIntervalDays: scope.reviewIntervalDays };
  const organization = await tx.organization.findUnique({ where: { id: scope.organizationId }, select: { reviewIntervalDays: true } });
  return { ...scope, now: scope.now ?? new Date(), reviewIntervalDays: organization?.reviewIntervalDays ?? 90 };
}

/** The WHERE clause for a list state. The organisation is a condition of the query itself (RLS is the second line). */
export function accountListWhere(scope: ResolvedScope, params: AccountListParams, extra: Prisma.Sql[] = []): Prisma.Sql {
  const { now } = scope;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`a.organization_id = ${scope.organizationId}::uuid`,
    params.status === 'archived' ? Prisma.sql`a.archived_at IS NOT NULL` : Prisma.sql`a.archived_at IS NULL`,
    ...extra,
  ];
  if (params.q) {
    const pattern = likePattern(params.q);
    // ILIKE, not lower() LIKE: the trigram indexes on name and external_id serve it (see their migration).
    conditions.push(Prisma.sql`(a.name ILIKE ${pattern} OR a.external_id ILIKE ${pattern})`);
  }
  if (params.owner === 'mine') conditions.push(Prisma.sql`a.owner_user_id = ${scope.userId}::uuid`);
  if (params.segment) conditions.push(Prisma.sql`a.segment_id = ${params.segment}::uuid`);
  if (params.stage) conditions.push(Prisma.sql`a.journey_stage_id = ${params.stage}::uuid`);
  if (params.band) conditions.push(Prisma.sql`sc.band = ${params.band}::band`);
  // Stale = no latest score at or after the cutoff (never assessed, or assessed before it): an anti-join the
  // planner can drive from account_score's (organization_id, submitted_at) index, instead of an OR over the left
  // join that had to join every account first. account_score has at most one row per account (its primary key).
  if (params.stale) {
    conditions.push(Prisma.sql`NOT EXISTS (
      SELECT 1 FROM account_score fresh
       WHERE fresh.organization_id = a.organization_id AND fresh.account_id = a.id AND fresh.submitted_at >= ${staleCutoff(scope)})`);
  }
  if (params.renewal) {
    conditions.push(
      Prisma.sql`a.renewal_date BETWEEN (${now}::timestamptz AT TIME ZONE 'UTC')::date AND (${now}::timestamptz AT TIME ZONE 'UTC')::date + ${params.renewal}::int`,
    );
  }
  return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}

const FROM = Prisma.sql`
  FROM account a
  LEFT JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id`;

/**
 * "My accounts" with at most this many rows (the count tells) are sorted as a set: the owner's accounts are read
 * through `account (organization_id, owner_user_id)` first and top-N sorted, instead of walking a score / gap /
 * date index of the whole organisation and dropping the other owners' rows (a walk of ~40 entries per row shown
 * for one CSM in 40, and of every entry when the owner has none).
 */
export const OWNER_FIRST_MAX_ROWS = 5_000;

/** FROM for owner-first slices: the `OFFSET 0` keeps the owner's accounts a subquery the planner cannot flatten. */
function ownerFirstFrom(scope: ResolvedScope): Prisma.Sql {
  return Prisma.sql`
  FROM (SELECT * FROM account WHERE organization_id = ${scope.organizationId}::uuid AND owner_user_id = ${scope.userId}::uuid OFFSET 0) a
  LEFT JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id`;
}

/**
 * The rows of one slice of a list state. A sort key's non-NULL rows and its NULL rows are separate slices (each
 * an index-ordered scan that stops at the page: NULLS LAST for free, in either direction, with plain indexes).
 * Lookups (segment, stage, owner) are joined after the page is cut: 50 index probes, not a join per account.
 */
function sliceSql(
  scope: ResolvedScope,
  params: AccountListParams,
  slice: 'all' | 'keyed' | 'unkeyed',
  limit: number | null,
  offset: number,
  ownerFirst = false,
): Prisma.Sql {
  const key = SORT_COLUMN[params.sort];
  const byKey = params.sort !== 'name' && slice === 'keyed';
  const ascending = (params.dir === 'asc') !== REVERSED.has(params.sort);
  const direction = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Names sort in the chosen direction; in every other slice name and id only break ties, always A→Z.
  const nameDirection = params.sort === 'name' ? direction : Prisma.sql`ASC`;
  const extra = slice === 'keyed' ? [Prisma.sql`${key} IS NOT NULL`] : slice === 'unkeyed' ? [Prisma.sql`${key} IS NULL`] : [];
  const order = byKey
    ? Prisma.sql`${key} ${direction}, a.name ASC, a.id ASC`
    : Prisma.sql`a.name ${nameDirection}, a.id ${nameDirection}`;
  const pageOrder = byKey
    ? Prisma.sql`p.sort_key ${direction}, p.name ASC, p.id ASC`
    : Prisma.sql`p.name ${nameDirection}, p.id ${nameDirection}`;
  const limitSql = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`;
  return Prisma.sql`
    WITH p AS (
      SELECT a.organization_id, a.id, a.name, a.external_id, a.segment_id, a.owner_user_id, a.journey_stage_id,
             a.arr, a.renewal_date, a.archived_at, sc.score, sc.gap, sc.band, sc.submitted_at,
             (sc.submitted_at IS NULL OR sc.submitted_at < ${staleCutoff(scope)}) AS stale,
             ${byKey ? key : Prisma.sql`NULL::int`} AS sort_key
        ${ownerFirst && params.owner === 'mine' ? ownerFirstFrom(scope) : FROM}
        ${accountListWhere(scope, params, extra)}
       ORDER BY ${order}
       ${limitSql}
    )
    SELECT p.id, p.name, p.external_id AS "externalId", s.name AS segment, (s.retired_at IS NOT NULL) AS "segmentRetired",
           u.name AS owner, u.email AS "ownerEmail", js.name AS stage, (js.retired_at IS NOT NULL) AS "stageRetired", p.arr::text AS arr, p.renewal_date AS "renewalDate", p.score, p.gap,
           p.band::text AS band, p.submitted_at AS "lastAssessedAt", p.stale, p.archived_at AS "archivedAt"
      FROM p
      LEFT JOIN segment s ON s.organization_id = p.organization_id AND s.id = p.segment_id
      LEFT JOIN journey_stage js ON js.organization_id = p.organization_id AND js.id = p.journey_stage_id
      LEFT JOIN membership m ON m.organization_id = p.organization_id AND m.user_id = p.owner_user_id
      LEFT JOIN "user" u ON u.id = m.user_id
     ORDER BY ${pageOrder}`;
}

/** The page query for the first slice of a list state (for EXPLAIN in the benchmark). */
export { resolveScope };
export function accountListRowsSql(scope: ResolvedScope, params: AccountListParams, limit: number | null, offset = 0): Prisma.Sql {
  return sliceSql(scope, params, params.sort === 'name' ? 'all' : 'keyed', limit, offset);
}

async function countWhere(tx: Tx, scope: ResolvedScope, params: AccountListParams, extra: Prisma.Sql[] = []): Promise<number> {
  const [row] = await tx.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${FROM} ${accountListWhere(scope, params, extra)}`;
  return row?.total ?? 0;
}

/**
 * `limit` rows from `offset` of a list state in its order, NULL sort keys last: the keyed slice first, then the
 * unkeyed one (its offset needs the keyed count, which is only queried when the page reaches past the keyed rows).
 */
export async function selectAccountRows(
  tx: Tx,
  unresolved: AccountListScope,
  params: AccountListParams,
  limit: number | null,
  offset = 0,
): Promise<AccountListRow[]> {
  return selectResolved(tx, await resolveScope(tx, unresolved), params, limit, offset);
}

async function selectResolved(
  tx: Tx,
  scope: ResolvedScope,
  params: AccountListParams,
  limit: number | null,
  offset: number,
  ownerFirst = false,
): Promise<AccountListRow[]> {
  if (params.sort === 'name') return tx.$queryRaw<AccountListRow[]>(sliceSql(scope, params, 'all', limit, offset));
  const keyed = await tx.$queryRaw<AccountListRow[]>(sliceSql(scope, params, 'keyed', limit, offset, ownerFirst));
  if (limit !== null && keyed.length === limit) return keyed;
  const keyedTotal = keyed.length > 0 || offset === 0 ? offset + keyed.length : await countWhere(tx, scope, params, [Prisma.sql`${SORT_COLUMN[params.sort]} IS NOT NULL`]);
  const unkeyed = await tx.$queryRaw<AccountListRow[]>(
    sliceSql(scope, params, 'unkeyed', limit === null ? null : limit - keyed.length, Math.max(0, offset - keyedTotal), ownerFirst),
  );
  return [...keyed, ...unkeyed];
}

export interface AccountListOptions {
  /**
   * Caches the total count (the pager's) per organisation + data version + what changes the count; see
   * `accountCountCacheKey`. Without it the count is queried on every call.
   */
  countCache?: ResultCache;
  /** The organisation's data version when the caller has already read it in this transaction. */
  dataVersion?: string;
}

/** A Date's UTC calendar day, 'YYYY-MM-DD'. */
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The count cache's key: everything the count depends on, and nothing it does not (sort, direction, page, size).
 * The data version changes at the commit of every write of accounts, scores, segments, stages, memberships or the
 * organisation (review interval); the "mine" filter adds the user; renewal windows start on `now`'s UTC day, so
 * that day is part of the key; "stale" compares with now minus the review interval, which moves continuously, so
 * its count may lag by at most the cache's time to live (a pinned `now`, in tests, is part of the key).
 */
export function accountCountCacheKey(scope: ResolvedScope, version: string, params: AccountListParams, pinnedNow?: Date): string {
  return JSON.stringify([
    'account-count',
    scope.organizationId,
    version,
    params.owner === 'mine' ? `mine:${scope.userId}` : 'all',
    params.status,
    params.q ?? null,
    params.segment ?? null,
    params.stage ?? null,
    params.band ?? null,
    params.stale ? ['stale', scope.reviewIntervalDays, pinnedNow?.toISOString() ?? null] : null,
    params.renewal ? ['renewal', params.renewal, utcDay(scope.now)] : null,
  ]);
}

/**
 * One page of the account list with the total count for the pager. A page past the end shows the last page.
 * With `options.countCache`, the count comes from the cache when this organisation's data has not changed since it
 * was computed (one primary-key read of the data version instead of a count over the filtered accounts); a miss
 * counts in this transaction, after reading the version, so the entry is at least as new as its version.
 */
export async function listAccounts(
  tx: Tx,
  unresolved: AccountListScope,
  params: AccountListParams,
  options: AccountListOptions = {},
): Promise<AccountListPage> {
  const scope = await resolveScope(tx, unresolved);
  const { countCache } = options;
  const total = countCache
    ? await countCache.getOrCompute(
        accountCountCacheKey(scope, options.dataVersion ?? (await readDataVersion(tx, scope.organizationId)), params, unresolved.now),
        () => countWhere(tx, scope, params),
      )
    : await countWhere(tx, scope, params);
  const pageSize = params.size;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(params.page, pageCount);
  const ownerFirst = params.owner === 'mine' && total <= OWNER_FIRST_MAX_ROWS;
  // Nothing to show: no page query (for a filter that matches nothing it would scan every candidate to prove it).
  const rows = total === 0 ? [] : await selectResolved(tx, scope, params, pageSize, (page - 1) * pageSize, ownerFirst);
  return { rows, total, page, pageCount, pageSize };
}
