import { z } from 'zod';

/**
 * The account list's state, as it lives in the URL's search params. Every param is parsed on its own and falls
 * back to its default when missing or malformed, so a hand-edited or stale URL shows a list, never an error.
 * Pure (no I/O): the page, the CSV export route and the client-side links share it.
 */

export const ACCOUNT_SORTS = ['name', 'score', 'gap', 'arr', 'renewal', 'assessed'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];
export const ACCOUNT_BANDS = ['desired', 'engaged', 'at_risk', 'critical'] as const;
export type AccountBand = (typeof ACCOUNT_BANDS)[number];
export const RENEWAL_WINDOWS = [30, 60, 90] as const;
/** Rows per page the pager offers; 25 by default (a screen or two: a 50-row page cost twice the rendering). */
export const ACCOUNT_PAGE_SIZES = [25, 50, 100] as const;
export type AccountPageSize = (typeof ACCOUNT_PAGE_SIZES)[number];
export const ACCOUNTS_PAGE_SIZE: AccountPageSize = 25;
/** Longest search string we accept (longer input is cut, not refused). */
const MAX_QUERY_LENGTH = 100;

/** The direction a column sorts in when first clicked: names A→Z, worst scores and nearest dates first. */
export const DEFAULT_DIRECTION: Record<AccountSort, 'asc' | 'desc'> = {
  name: 'asc',
  score: 'asc',
  gap: 'desc',
  arr: 'desc',
  renewal: 'asc',
  assessed: 'desc',
};

const uuid = z.uuid();
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalUuid = z.preprocess(first, uuid.optional()).catch(undefined);

export const accountListParamsSchema = z.object({
  q: z
    .preprocess(first, z.string().optional())
    .transform((value) => value?.trim().slice(0, MAX_QUERY_LENGTH) || undefined)
    .catch(undefined),
  owner: z.preprocess(first, z.enum(['all', 'mine']).default('all')).catch('all'),
  segment: optionalUuid,
  stage: optionalUuid,
  band: z.preprocess(first, z.enum(ACCOUNT_BANDS).optional()).catch(undefined),
  stale: z
    .preprocess(first, z.enum(['1']).optional())
    .transform((value) => value === '1')
    .catch(false),
  renewal: z
    .preprocess(first, z.enum(['30', '60', '90']).optional())
    .transform((value) => (value ? (Number(value) as (typeof RENEWAL_WINDOWS)[number]) : undefined))
    .catch(undefined),
  status: z.preprocess(first, z.enum(['active', 'archived']).default('active')).catch('active'),
  sort: z.preprocess(first, z.enum(ACCOUNT_SORTS).default('name')).catch('name'),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
  size: z
    .preprocess(first, z.enum(['25', '50', '100']).optional())
    .transform((value): AccountPageSize => (value ? (Number(value) as AccountPageSize) : ACCOUNTS_PAGE_SIZE))
    .catch(ACCOUNTS_PAGE_SIZE),
});

export type AccountListParams = Omit<z.output<typeof accountListParamsSchema>, 'dir'> & { dir: 'asc' | 'desc' };

/** Next's `searchParams` (or a URLSearchParams) → validated list state; never throws. */
export function parseAccountListParams(
  raw: Record<string, string | string[] | undefined> | URLSearchParams,
): AccountListParams {
  const record = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw;
  const parsed = accountListParamsSchema.parse(record);
  return { ...parsed, dir: parsed.dir ?? DEFAULT_DIRECTION[parsed.sort] };
}

export const DEFAULT_ACCOUNT_LIST_PARAMS: AccountListParams = parseAccountListParams({});

/** The list state as search params, leaving out defaults so URLs stay short. */
export function accountListSearch(params: AccountListParams, overrides: Partial<AccountListParams> = {}): string {
  const merged = { ...params, ...overrides };
  const search = new URLSearchParams();
  if (merged.q) search.set('q', merged.q);
  if (merged.owner !== 'all') search.set('owner', merged.owner);
  if (merged.segment) search.set('segment', merged.segment);
  if (merged.stage) search.set('stage', merged.stage);
  if (merged.band) search.set('band', merged.band);
  if (merged.stale) search.set('stale', '1');
  if (merged.renewal) search.set('renewal', String(merged.renewal));
  if (merged.status !== 'active') search.set('status', merged.status);
  if (merged.sort !== 'name') search.set('sort', merged.sort);
  if (merged.dir !== DEFAULT_DIRECTION[merged.sort]) search.set('dir', merged.dir);
  if (merged.page > 1) search.set('page', String(merged.page));
  if (merged.size !== ACCOUNTS_PAGE_SIZE) search.set('size', String(merged.size));
  const text = search.toString();
  return text ? `?${text}` : '';
}
