/**
 * Types of a versioned DSCE framework definition (see shared/framework/DSCE.md and scoring.md).
 * Pure data types plus the tiny runtime guards that belong with them; no I/O, no app imports.
 */

/** Stable component identifiers, in the order the framework lists them (and the order all sums use). */
export const COMPONENT_SLUGS = [
  'intent',
  'anticipation',
  'adoption',
  'outcomes',
  'relationships',
  'engagement',
  'education',
  'journey',
] as const;

export type ComponentSlug = (typeof COMPONENT_SLUGS)[number];

/** Maturity levels: 0 absent, 1 ad hoc, 2 defined, 3 managed, 4 optimised. */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** `unknown` scores like 0 but lowers confidence; `na` removes the question. */
export type Answer = Level | 'unknown' | 'na';

/** Question ids are stable strings of the form `<slug>.q<n>` (e.g. `intent.q1`). */
export type QuestionId = string;

export interface Question {
  id: QuestionId;
  text: string;
}

export interface FrameworkComponent {
  slug: ComponentSlug;
  name: string;
  /** One-line summary shown next to the component name. */
  description: string;
  questions: Question[];
}

export interface LevelDefinition {
  value: Level;
  label: string;
  /** One sentence a CSM can recognise the account in. */
  description: string;
}

export interface Framework {
  version: string;
  components: FrameworkComponent[];
  levels: LevelDefinition[];
}

export function isComponentSlug(value: unknown): value is ComponentSlug {
  return typeof value === 'string' && (COMPONENT_SLUGS as readonly string[]).includes(value);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4;
}

export function isAnswer(value: unknown): value is Answer {
  return value === 'unknown' || value === 'na' || isLevel(value);
}

/** Builds the stable id of the n-th (1-based) question of a component. */
export function questionId(slug: ComponentSlug, n: number): QuestionId {
  return `${slug}.q${n}`;
}
