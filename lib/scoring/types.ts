import type { Answer, ComponentSlug, Framework } from '../framework';

export type Band = 'desired' | 'engaged' | 'at_risk' | 'critical';

/** Lower bounds of the bands (inclusive); must satisfy 100 >= desired > engaged > atRisk >= 0. */
export interface Thresholds {
  desired: number;
  engaged: number;
  atRisk: number;
}

export interface ScoreInput {
  framework: Framework;
  /** Keyed by question id; a missing (or undefined) answer counts as `unknown` and as unanswered. */
  answers: Readonly<Record<string, Answer | undefined>>;
  /** Desired state T_c in (0, 100]; missing → 100. */
  targets?: Readonly<Partial<Record<ComponentSlug, number>>>;
  /** w_c >= 0; missing → 1. */
  weights?: Readonly<Partial<Record<ComponentSlug, number>>>;
  /** Missing → DEFAULT_THRESHOLDS (85 / 70 / 50). */
  thresholds?: Readonly<Thresholds>;
}

/** Input of scoreFromCurrents: each component's current score C_c instead of the answers it came from. */
export interface CurrentsInput {
  /** C_c in [0, 100]; missing, undefined or null = the component is excluded. */
  currents: Readonly<Partial<Record<ComponentSlug, number | null>>>;
  targets?: ScoreInput['targets'];
  weights?: ScoreInput['weights'];
  thresholds?: ScoreInput['thresholds'];
}

/** scoreFromCurrents' result: a ScoreResult without the answer-derived confidence and unanswered count. */
export type CurrentsScore = Pick<ScoreResult, 'score' | 'gap' | 'band' | 'components'>;

export interface ComponentScore {
  /** C_c = 100 · mean(level / 4) over non-`na` questions. */
  current: number;
  /** T_c as used. */
  target: number;
  /** G_c = max(T_c − C_c, 0). */
  gap: number;
  /** max(C_c − T_c, 0): shown, never raises S. */
  surplus: number;
  /** A_c = min(C_c / T_c, 1). */
  attainment: number;
  /** L_c = 100 · w_c·G_c / Σ w·T: points S gains if this component reached its target (0 when w_c = 0). */
  lever: number;
  /** w_c as given by the caller (before any internal scaling). */
  weight: number;
}

export interface ScoreResult {
  /** S in [0, 100], unrounded. */
  score: number;
  /** 100 − S. */
  gap: number;
  /**
   * Share (0–100) of non-`na` questions answered with a level rather than unknown/unanswered, over every component
   * of the framework (a component weighted 0 was still assessed, so it counts).
   */
  confidence: number;
  /** Framework questions with no answer at all (they counted as unknown). */
  unanswered: number;
  band: Band;
  /** Every slug is present; null = excluded (all its questions are `na`, or the framework lacks it). */
  components: Record<ComponentSlug, ComponentScore | null>;
}

/** The part of a (possibly stored) result that trend and delivery-gap figures need. */
export interface ResultLike {
  score: number;
  components: Readonly<Record<ComponentSlug, Readonly<Pick<ComponentScore, 'current'>> | null>>;
}

export interface ResultDelta {
  /** S(current) − S(previous). */
  score: number;
  /** C_c(current) − C_c(previous); null where either side is null. */
  components: Record<ComponentSlug, number | null>;
}
