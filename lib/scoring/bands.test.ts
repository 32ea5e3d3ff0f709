import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, bandFor, DEFAULT_THRESHOLDS } from './index';
import { thresholdsArb } from './test-arbitraries';

describe('bandFor', () => {
  it('uses the contract defaults 85 / 70 / 50 as inclusive lower bounds', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ desired: 85, engaged: 70, atRisk: 50 });
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
    const cases: [number, string][] = [
      [100, 'desired'],
      [85, 'desired'],
      [84.99999999999999, 'engaged'],
      [70, 'engaged'],
      [69.9, 'at_risk'],
      [50, 'at_risk'],
      [49.99, 'critical'],
      [0, 'critical'],
    ];
    for (const [score, band] of cases) expect(bandFor(score)).toBe(band);
  });

  it('honours tenant thresholds, including atRisk = 0 (nothing is critical)', () => {
    const t = { desired: 90, engaged: 40, atRisk: 0 };
    expect([95, 90, 60, 40, 10, 0].map((s) => bandFor(s, t))).toEqual([
      'desired',
      'desired',
      'engaged',
      'engaged',
      'at_risk',
      'at_risk',
    ]);
  });

  it('is monotone in the score for any valid thresholds', () => {
    fc.assert(
      fc.property(thresholdsArb, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(BANDS.indexOf(bandFor(hi, t))).toBeLessThanOrEqual(BANDS.indexOf(bandFor(lo, t)));
      }),
    );
  });
});
