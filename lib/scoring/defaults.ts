import type { Thresholds } from './types';

/** Tenant defaults from the scoring contract. */
export const DEFAULT_TARGET = 100;
export const DEFAULT_WEIGHT = 1;
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({ desired: 85, engaged: 70, atRisk: 50 });
export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;
