import { DEFAULT_THRESHOLDS } from './defaults';
import { ScoringError } from './errors';
import type { Band, Thresholds } from './types';

/** Bands from best to worst. */
export const BANDS: readonly Band[] = Object.freeze(['desired', 'engaged', 'at_risk', 'critical']);

/** Thresholds must be finite, within [0, 100] and strictly ordered desired > engaged > atRisk. */
export function validateThresholds(thresholds: Readonly<Thresholds>): void {
  for (const key of ['desired', 'engaged', 'atRisk'] as const) {
    const value: unknown = thresholds[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new ScoringError('INVALID_THRESHOLDS', `thresholds.${key}`, 'must be a finite number in [0, 100]');
    }
  }
  if (!(thresholds.desired > thresholds.engaged && thresholds.engaged > thresholds.atRisk)) {
    throw new ScoringError('INVALID_THRESHOLDS', 'thresholds', 'must be ordered desired > engaged > atRisk');
  }
}

/** Band of a score; each threshold is an inclusive lower bound (S >= 85 is `desired` by default). */
export function bandFor(score: number, thresholds: Readonly<Thresholds> = DEFAULT_THRESHOLDS): Band {
  if (!Number.isFinite(score)) throw new ScoringError('INVALID_SCORE', 'score', 'must be a finite number');
  validateThresholds(thresholds);
  if (score >= thresholds.desired) return 'desired';
  if (score >= thresholds.engaged) return 'engaged';
  if (score >= thresholds.atRisk) return 'at_risk';
  return 'critical';
}
