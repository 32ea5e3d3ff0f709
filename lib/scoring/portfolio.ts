import { COMPONENT_SLUGS, type ComponentSlug } from '../framework';
import { BANDS, bandFor, validateThresholds } from './bands';
import { DEFAULT_REVIEW_INTERVAL_DAYS, DEFAULT_THRESHOLDS } from './defaults';
import { ScoringError } from './errors';
import { assertValidDate, assertValidReviewInterval, isStale } from './stale';
import type { Band, ComponentScore, Thresholds } from './types';

/**
 * Portfolio figures — the reference implementation that SQL aggregates are tested against, so every definition is
 * the simplest exact one: plain means and sums over entries in input order, no rounding.
 */

/** The part of a stored result the portfolio needs (a full ScoreResult fits). */
export interface PortfolioResult {
  score: number;
  components: Readonly<Record<ComponentSlug, Readonly<Pick<ComponentScore, 'current' | 'gap' | 'lever'>> | null>>;
}

export interface PortfolioEntry {
  accountId: string;
  /** Annual recurring revenue; null = unknown. */
  arr: number | null;
  ownerId?: string | null;
  segmentId?: string | null;
  stage?: string | null;
  /** Latest submitted result; null = never assessed. */
  latest: PortfolioResult | null;
  /** When `latest` was submitted; needed for staleness. */
  submittedAt?: Date | null;
}

export interface PortfolioOptions {
  thresholds?: Readonly<Thresholds>;
  reviewIntervalDays?: number;
  /** Reference time for staleness; defaults to the current time (the only non-pure default in the library). */
  now?: Date;
}

export interface PortfolioComponentSummary {
  /** Mean C_c over assessed accounts where the component is included; null if none. */
  meanCurrent: number | null;
  /** Mean G_c over the same accounts; null if none. */
  meanGap: number | null;
  /** Σ L_c over the same accounts (0 if none): the portfolio's "fix this first" ranking. */
  leverSum: number;
  /** Number of accounts where the component is included. */
  included: number;
}

export interface PortfolioSummary {
  accounts: number;
  assessed: number;
  neverAssessed: number;
  /** Assessed accounts whose submittedAt is older than the review interval (no submittedAt → not counted). */
  stale: number;
  /** Mean S over assessed accounts; null if none. */
  meanScore: number | null;
  /** Σ ARR·S / Σ ARR over assessed accounts with ARR > 0; null if there are none. */
  arrWeightedScore: number | null;
  /** Assessed accounts per band. */
  bandCounts: Record<Band, number>;
  /** Σ ARR of assessed accounts per band (unknown ARR adds 0). */
  arrByBand: Record<Band, number>;
  components: Record<ComponentSlug, PortfolioComponentSummary>;
}

function bandRecord(): Record<Band, number> {
  return Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
}

function validateEntry(entry: PortfolioEntry, i: number): void {
  const { arr, latest, submittedAt } = entry;
  if (arr !== null && (typeof arr !== 'number' || !Number.isFinite(arr) || arr < 0)) {
    throw new ScoringError('INVALID_ARR', `entries[${i}].arr`, 'must be null or a finite number >= 0');
  }
  if (latest !== null && (typeof latest.score !== 'number' || !(latest.score >= 0 && latest.score <= 100))) {
    throw new ScoringError('INVALID_SCORE', `entries[${i}].latest.score`, 'must be a number in [0, 100]');
  }
  if (submittedAt != null) assertValidDate(submittedAt, `entries[${i}].submittedAt`);
}

function componentSummaries(entries: readonly PortfolioEntry[]): Record<ComponentSlug, PortfolioComponentSummary> {
  const out = {} as Record<ComponentSlug, PortfolioComponentSummary>;
  for (const slug of COMPONENT_SLUGS) {
    let included = 0;
    let currentSum = 0;
    let gapSum = 0;
    let leverSum = 0;
    for (const entry of entries) {
      const c = entry.latest?.components[slug];
      if (c == null) continue;
      included += 1;
      currentSum += c.current;
      gapSum += c.gap;
      leverSum += c.lever;
    }
    out[slug] = {
      meanCurrent: included === 0 ? null : currentSum / included,
      meanGap: included === 0 ? null : gapSum / included,
      leverSum,
      included,
    };
  }
  return out;
}

/**
 * Portfolio summary. Bands are recomputed from each stored S with the given thresholds (not read from the stored
 * band), so a tenant's threshold change is reflected immediately across the portfolio.
 */
export function portfolioSummary(entries: readonly PortfolioEntry[], options: PortfolioOptions = {}): PortfolioSummary {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  validateThresholds(thresholds);
  const interval = options.reviewIntervalDays ?? DEFAULT_REVIEW_INTERVAL_DAYS;
  assertValidReviewInterval(interval);
  const now = options.now ?? new Date();
  assertValidDate(now, 'now');
  entries.forEach(validateEntry);

  const bandCounts = bandRecord();
  const arrByBand = bandRecord();
  let assessed = 0;
  let stale = 0;
  let scoreSum = 0;
  let arrSum = 0;
  let arrScoreSum = 0;
  for (const entry of entries) {
    if (entry.latest === null) continue;
    const { score } = entry.latest;
    assessed += 1;
    scoreSum += score;
    const band = bandFor(score, thresholds);
    bandCounts[band] += 1;
    arrByBand[band] += entry.arr ?? 0;
    if (entry.arr !== null && entry.arr > 0) {
      arrSum += entry.arr;
      arrScoreSum += entry.arr * score;
    }
    if (entry.submittedAt != null && isStale(entry.submittedAt, now, interval)) stale += 1;
  }
  return {
    accounts: entries.length,
    assessed,
    neverAssessed: entries.length - assessed,
    stale,
    meanScore: assessed === 0 ? null : scoreSum / assessed,
    arrWeightedScore: arrSum === 0 ? null : arrScoreSum / arrSum,
    bandCounts,
    arrByBand,
    components: componentSummaries(entries),
  };
}

/** Ready-made keys for groupPortfolio; null collects accounts without an owner / segment / stage. */
export const PORTFOLIO_GROUPINGS = Object.freeze({
  owner: (e: PortfolioEntry) => e.ownerId ?? null,
  segment: (e: PortfolioEntry) => e.segmentId ?? null,
  stage: (e: PortfolioEntry) => e.stage ?? null,
});

/** The same summary per group (CSM, segment/tier, journey stage…); keys in order of first appearance. */
export function groupPortfolio(
  entries: readonly PortfolioEntry[],
  keyFn: (entry: PortfolioEntry) => string | null,
  options: PortfolioOptions = {},
): Map<string | null, PortfolioSummary> {
  const groups = new Map<string | null, PortfolioEntry[]>();
  for (const entry of entries) {
    const key = keyFn(entry);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  // Resolve `now` once so every group is judged against the same instant.
  const resolved = { ...options, now: options.now ?? new Date() };
  return new Map([...groups].map(([key, group]) => [key, portfolioSummary(group, resolved)]));
}

export interface PortfolioLever {
  slug: ComponentSlug;
  leverSum: number;
  included: number;
}

/**
 * All eight components ranked by summed lever, largest first; ties keep framework order (stable sort).
 * Accepts the entries themselves or an already computed summary (e.g. one group of groupPortfolio).
 */
export function portfolioLevers(
  source: readonly PortfolioEntry[] | Pick<PortfolioSummary, 'components'>,
): PortfolioLever[] {
  const components = Array.isArray(source) ? componentSummaries(source) : (source as PortfolioSummary).components;
  return COMPONENT_SLUGS.map((slug) => ({
    slug,
    leverSum: components[slug].leverSum,
    included: components[slug].included,
  })).sort((a, b) => b.leverSum - a.leverSum);
}
