import { z } from 'zod';

/**
 * The portfolio's filters, shared by every view (overview, heatmap, team, drill-down) and the CSV export, as they
 * live in the URL. Each param is parsed on its own and falls back to "no filter" when missing or malformed, so a
 * hand-edited or stale link shows a portfolio, never an error. Pure (no I/O): server pages, the export route and
 * the client filter bar share it.
 *
 * `owner`, `segment` and `stage` take an id or `none` (accounts without one: heatmap rows "Unassigned" etc.).
 * `band` is the band of the latest score under the organisation's *current* thresholds (as lib/scoring's
 * portfolioSummary computes it; account_score keeps it current, see portfolio-scope.ts), so it never disagrees with
 * the band counts. `renewal` keeps accounts
 * renewing between today and today + N days (UTC dates). `arrMin` / `arrMax` are inclusive; an account with
 * unknown ARR is left out when either is set.
 */

export const PORTFOLIO_BANDS = ['desired', 'engaged', 'at_risk', 'critical'] as const;
export type PortfolioBand = (typeof PORTFOLIO_BANDS)[number];
export const PORTFOLIO_RENEWAL_WINDOWS = [30, 60, 90] as const;
export type RenewalWindow = (typeof PORTFOLIO_RENEWAL_WINDOWS)[number];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const idOrNone = z.preprocess(first, z.union([z.uuid(), z.literal('none')]).optional()).catch(undefined);
const amount = z
  .preprocess(
    (value) => {
      const text = first(value);
      return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
    },
    z.coerce.number().finite().min(0).max(1e12).optional(),
  )
  .catch(undefined);

export const portfolioFiltersSchema = z.object({
  segment: idOrNone,
  owner: idOrNone,
  stage: idOrNone,
  band: z.preprocess(first, z.enum(PORTFOLIO_BANDS).optional()).catch(undefined),
  renewal: z
    .preprocess(first, z.enum(['30', '60', '90']).optional())
    .transform((value) => (value ? (Number(value) as RenewalWindow) : undefined))
    .catch(undefined),
  arrMin: amount,
  arrMax: amount,
});

/** Every key optional: `{}` is the whole book. */
export type PortfolioFilters = Partial<z.output<typeof portfolioFiltersSchema>>;
export const PORTFOLIO_FILTER_KEYS = ['segment', 'owner', 'stage', 'band', 'renewal', 'arrMin', 'arrMax'] as const;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;
const toRecord = (raw: RawParams) => (raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw);

/** Next's `searchParams` (or a URLSearchParams) → validated filters; never throws. */
export function parsePortfolioFilters(raw: RawParams): PortfolioFilters {
  return portfolioFiltersSchema.parse(toRecord(raw));
}

/** The filters as URL search params (without `?`), leaving out unset ones so links stay short. */
export function portfolioFilterParams(filters: PortfolioFilters, overrides: Partial<PortfolioFilters> = {}): URLSearchParams {
  const merged = { ...filters, ...overrides };
  const search = new URLSearchParams();
  for (const key of PORTFOLIO_FILTER_KEYS) {
    const value = merged[key];
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  return search;
}

/** `?a=b…` or '' for a path plus filters (and any extra params, e.g. the heatmap's grouping). */
export function portfolioHref(path: string, filters: PortfolioFilters, extra: Record<string, string | undefined> = {}): string {
  const search = portfolioFilterParams(filters);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function hasPortfolioFilters(filters: PortfolioFilters): boolean {
  return PORTFOLIO_FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** Heatmap rows: one per account, CSM, segment or journey stage. */
export const HEATMAP_DIMENSIONS = ['segment', 'owner', 'stage', 'account'] as const;
export type HeatmapDimension = (typeof HEATMAP_DIMENSIONS)[number];
export const HEATMAP_SORTS = ['label', 'score', 'accounts', 'intent', 'anticipation', 'adoption', 'outcomes', 'relationships', 'engagement', 'education', 'journey'] as const;
export type HeatmapSort = (typeof HEATMAP_SORTS)[number];

export const heatmapParamsSchema = z.object({
  by: z.preprocess(first, z.enum(HEATMAP_DIMENSIONS).default('segment')).catch('segment'),
  sort: z.preprocess(first, z.enum(HEATMAP_SORTS).default('score')).catch('score'),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).default('asc')).catch('asc'),
});
export type HeatmapParams = z.output<typeof heatmapParamsSchema>;

export function parseHeatmapParams(raw: RawParams): HeatmapParams {
  return heatmapParamsSchema.parse(toRecord(raw));
}

/**
 * The page of a paged view (`?page=`, 1-based: the heatmap by account, the drill-down); anything else is page 1.
 * Grouped heatmap rows have no pages.
 */
const pageParamSchema = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).default(1)).catch(1);

export function parsePageParam(raw: RawParams): number {
  return pageParamSchema.parse(toRecord(raw).page);
}

/**
 * The overview's renewal windows as the page shows them, each count with the drill-down that lists exactly its
 * accounts (renewal window + band): windows no longer than a renewal filter (a longer one counts the same accounts,
 * and its drill-down would list more), and only the filtered band's link when a band is filtered.
 */
export function renewalWindowLinks<W extends { days: RenewalWindow; atRisk: number; critical: number }>(
  windows: W[],
  filters: PortfolioFilters,
): (W & { links: { band: 'at_risk' | 'critical'; accounts: number }[] })[] {
  return windows
    .filter((w) => filters.renewal === undefined || w.days <= filters.renewal)
    .map((w) => ({
      ...w,
      links: (['at_risk', 'critical'] as const)
        .filter((band) => filters.band === undefined || filters.band === band)
        .map((band) => ({ band, accounts: band === 'at_risk' ? w.atRisk : w.critical })),
    }));
}
