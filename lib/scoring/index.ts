/**
 * DSCE scoring — pure, deterministic functions implementing shared/framework/scoring.md.
 * Runs unchanged on the server and in the browser: no I/O, no Node or framework imports.
 */
export { scoreAssessment } from './score-assessment';
export { scoreFromCurrents } from './score-from-currents';
export { ScoringError, type ScoringErrorCode } from './errors';
export { BANDS, bandFor, validateThresholds } from './bands';
export {
  DEFAULT_REVIEW_INTERVAL_DAYS,
  DEFAULT_TARGET,
  DEFAULT_THRESHOLDS,
  DEFAULT_WEIGHT,
} from './defaults';
export { isStale } from './stale';
export { deliveryGap, trendBetween } from './trend';
export { formatScore } from './format';
export {
  PORTFOLIO_GROUPINGS,
  groupPortfolio,
  portfolioLevers,
  portfolioSummary,
  type PortfolioComponentSummary,
  type PortfolioEntry,
  type PortfolioLever,
  type PortfolioOptions,
  type PortfolioResult,
  type PortfolioSummary,
} from './portfolio';
export { historyByPeriod, type HistoryBucket, type HistoryPeriod, type HistoryPoint } from './history';
export type {
  Band,
  ComponentScore,
  CurrentsInput,
  CurrentsScore,
  ResultDelta,
  ResultLike,
  ScoreInput,
  ScoreResult,
  Thresholds,
} from './types';
