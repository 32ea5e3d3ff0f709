import { describe, expect, it } from 'vitest';
import { COMPONENT_SLUGS } from '@/lib/framework';
import { scoreFromCurrents } from '@/lib/scoring';
import { sameConfiguration, targetRows, targetsForSegment, targetsFromRows, type ScoringConfiguration } from './configuration-snapshot';
import type { LatestScores } from './read-latest-scores';
import { computeScoringImpact } from './scoring-impact';

const base: ScoringConfiguration = {
  weights: {},
  targets: { defaults: {}, segments: { seg: { intent: 50 } } },
  thresholds: { desired: 85, engaged: 70, atRisk: 50 },
};

/** Three accounts: every component at `c` (the third in segment "seg"), scored with `config` as "before". */
function latest(config: ScoringConfiguration, currents: number[], segments: (string | null)[]): LatestScores {
  const before = currents.map((c, i) =>
    scoreFromCurrents({
      currents: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, c])),
      targets: targetsForSegment(config.targets, segments[i]!),
      weights: config.weights,
      thresholds: config.thresholds,
    }),
  );
  return {
    accountIds: currents.map((_, i) => `a${i}`),
    assessmentIds: currents.map((_, i) => `r${i}`),
    segmentIds: segments,
    scores: before.map((b) => b.score),
    bands: before.map((b) => b.band),
    confidences: currents.map(() => 100),
    unanswered: currents.map(() => 0),
    currents: COMPONENT_SLUGS.map(() => [...currents]),
  };
}

describe('computeScoringImpact', () => {
  it('reports nothing moving for the configuration in force', () => {
    const impact = computeScoringImpact(latest(base, [40, 75, 90], [null, null, 'seg']), base);
    expect(impact.accounts).toBe(3);
    expect(impact.bandChanges).toBe(0);
    expect(impact.moversUp).toEqual([]);
    expect(impact.moversDown).toEqual([]);
    expect(impact.buckets.map((b) => b.before)).toEqual(impact.buckets.map((b) => b.after));
  });

  it('counts band changes, buckets and movers with the segment targets', () => {
    const proposal = { ...base, targets: { defaults: { intent: 80 }, segments: {} }, thresholds: { desired: 95, engaged: 60, atRisk: 30 } };
    const impact = computeScoringImpact(latest(base, [40, 75, 90], [null, null, 'seg']), proposal);
    expect(impact.bands.reduce((n, b) => n + b.after, 0)).toBe(3);
    expect(impact.buckets.reduce((n, b) => n + b.after, 0)).toBe(3);
    expect(impact.bandChanges).toBeGreaterThan(0);
    expect(impact.bandChangers.every((a) => a.before.band !== a.after.band)).toBe(true);
    expect(impact.moversUp.every((a) => a.after.score > a.before.score)).toBe(true);
    expect(impact.moversDown.every((a) => a.after.score < a.before.score)).toBe(true);
    // Every account is above an intent target of 50 or 80: S = (min(C, T) + 7·C) / (T + 700) rises with T.
    expect(impact.moversUp.map((a) => a.accountId)).toEqual(expect.arrayContaining(['a0', 'a1', 'a2']));
  });

  it('handles an empty portfolio', () => {
    const impact = computeScoringImpact(latest(base, [], []), base);
    expect(impact).toMatchObject({ accounts: 0, meanBefore: null, meanAfter: null, bandChanges: 0 });
  });
});

describe('configuration snapshots', () => {
  it('round-trips target rows and compares configurations by value', () => {
    const rows = [
      { segmentId: null, component: 'intent' as const, value: 90 },
      { segmentId: 's1', component: 'adoption' as const, value: 70 },
    ];
    const snapshot = targetsFromRows(rows);
    expect(snapshot).toEqual({ defaults: { intent: 90 }, segments: { s1: { adoption: 70 } } });
    expect(targetRows(snapshot)).toEqual(rows);
    expect(targetsForSegment(snapshot, 's1')).toEqual({ intent: 90, adoption: 70 });
    expect(targetsForSegment(snapshot, null)).toEqual({ intent: 90 });
    const config = { ...base, targets: snapshot };
    expect(sameConfiguration(config, structuredClone(config))).toBe(true);
    expect(sameConfiguration(config, { ...config, weights: { intent: 2 } })).toBe(false);
  });
});
