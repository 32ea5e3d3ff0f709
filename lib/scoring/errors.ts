/** Machine-readable reason for rejecting an input; the UI maps `field` back to the offending form control. */
export type ScoringErrorCode =
  | 'INVALID_FRAMEWORK'
  | 'INVALID_ANSWERS'
  | 'UNKNOWN_QUESTION'
  | 'INVALID_LEVEL'
  | 'INVALID_CURRENT'
  | 'UNKNOWN_COMPONENT'
  | 'INVALID_WEIGHT'
  | 'NEGATIVE_WEIGHT'
  | 'ALL_WEIGHTS_ZERO'
  | 'INVALID_TARGET'
  | 'INVALID_THRESHOLDS'
  | 'NO_INCLUDED_COMPONENT'
  | 'INVALID_SCORE'
  | 'INVALID_DATE'
  | 'INVALID_REVIEW_INTERVAL'
  | 'INVALID_ARR'
  | 'INVALID_PERIOD';

/**
 * The single error type the scoring library throws for invalid input.
 * `field` is a dotted path into the input, e.g. `answers.intent.q9`, `weights.intent`, `targets.adoption`,
 * `thresholds.engaged`, `entries[3].arr`.
 */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';

  constructor(
    readonly code: ScoringErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
