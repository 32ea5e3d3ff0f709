import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { BANDS, scoreFromCurrents, type Band } from '@/lib/scoring';
import { targetsForSegment, type ScoringConfiguration } from './configuration-snapshot';
import type { LatestScores } from './read-latest-scores';

/** What a proposed configuration would do to the portfolio's latest scores (nothing is written). */
export interface ScoringImpact {
  accounts: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** Accounts per 10-point score bucket (the last one includes 100). */
  buckets: { label: string; before: number; after: number }[];
  bands: { band: Band; before: number; after: number }[];
  bandChanges: number;
  /** The accounts that change band, largest move first (at most MAX_LISTED). */
  bandChangers: ImpactAccount[];
  /** Largest rises and falls in score (at most MAX_MOVERS each, only accounts that move). */
  moversUp: ImpactAccount[];
  moversDown: ImpactAccount[];
}

export interface ImpactAccount {
  accountId: string;
  before: { score: number; band: Band };
  after: { score: number; band: Band };
}

export const MAX_LISTED = 25;
export const MAX_MOVERS = 10;
/** Smaller moves are floating-point noise, not movers. */
const MOVE_EPSILON = 1e-9;

/**
 * Re-scores every latest score with `configuration` using lib/scoring's scoreFromCurrents, exactly as a save
 * would (same function, same per-segment targets), and summarises the difference.
 */
export function computeScoringImpact(latest: LatestScores, configuration: ScoringConfiguration): ScoringImpact {
  const n = latest.accountIds.length;
  const bucketsBefore = new Array<number>(10).fill(0);
  const bucketsAfter = new Array<number>(10).fill(0);
  const bandsBefore = new Map<Band, number>(BANDS.map((band) => [band, 0]));
  const bandsAfter = new Map<Band, number>(BANDS.map((band) => [band, 0]));
  const moved: ImpactAccount[] = [];
  let bandChanges = 0;
  let sumBefore = 0;
  let sumAfter = 0;
  const targetsBySegment = new Map<string | null, ReturnType<typeof targetsForSegment>>();
  const currents = {} as Record<ComponentSlug, number | null>;

  for (let i = 0; i < n; i += 1) {
    const segmentId = latest.segmentIds[i] ?? null;
    let targets = targetsBySegment.get(segmentId);
    if (targets === undefined) {
      targets = targetsForSegment(configuration.targets, segmentId);
      targetsBySegment.set(segmentId, targets);
    }
    COMPONENT_SLUGS.forEach((slug, c) => (currents[slug] = latest.currents[c]![i] ?? null));
    const after = scoreFromCurrents({ currents, targets, weights: configuration.weights, thresholds: configuration.thresholds });
    const before = { score: latest.scores[i]!, band: latest.bands[i]! };
    sumBefore += before.score;
    sumAfter += after.score;
    bucketsBefore[bucketOf(before.score)]! += 1;
    bucketsAfter[bucketOf(after.score)]! += 1;
    bandsBefore.set(before.band, bandsBefore.get(before.band)! + 1);
    bandsAfter.set(after.band, bandsAfter.get(after.band)! + 1);
    if (after.band !== before.band) bandChanges += 1;
    if (after.band !== before.band || Math.abs(after.score - before.score) > MOVE_EPSILON) {
      moved.push({ accountId: latest.accountIds[i]!, before, after: { score: after.score, band: after.band } });
    }
  }

  const delta = (a: ImpactAccount) => a.after.score - a.before.score;
  const byMagnitude = [...moved].sort((a, b) => Math.abs(delta(b)) - Math.abs(delta(a)) || a.accountId.localeCompare(b.accountId));
  return {
    accounts: n,
    meanBefore: n === 0 ? null : sumBefore / n,
    meanAfter: n === 0 ? null : sumAfter / n,
    buckets: bucketsBefore.map((before, b) => ({
      label: b === 9 ? '90–100' : `${b * 10}–${b * 10 + 10}`,
      before,
      after: bucketsAfter[b]!,
    })),
    bands: BANDS.map((band) => ({ band, before: bandsBefore.get(band)!, after: bandsAfter.get(band)! })),
    bandChanges,
    bandChangers: byMagnitude.filter((a) => a.after.band !== a.before.band).slice(0, MAX_LISTED),
    moversUp: byMagnitude.filter((a) => delta(a) > MOVE_EPSILON).slice(0, MAX_MOVERS),
    moversDown: byMagnitude.filter((a) => delta(a) < -MOVE_EPSILON).slice(0, MAX_MOVERS),
  };
}

const bucketOf = (score: number) => Math.min(9, Math.max(0, Math.floor(score / 10)));
