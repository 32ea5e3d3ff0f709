import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { allQuestionIds, COMPONENT_SLUGS, type Answer, type ComponentSlug, type Framework } from '@/lib/framework';

/** Longest note / evidence text per component. */
export const MAX_NOTE_LENGTH = 5_000;

export type Answers = Partial<Record<string, Answer>>;
export type Notes = Partial<Record<ComponentSlug, string>>;

const answerSchema = z.union([z.literal([0, 1, 2, 3, 4]), z.literal(['unknown', 'na'])], {
  error: 'must be a level 0–4, "unknown" or "na"',
});

export const answersSchema = z.record(z.string(), answerSchema);

export const notesSchema = z.partialRecord(
  z.enum(COMPONENT_SLUGS),
  z.string().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters`),
);

/** What a save or a submit sends: the whole answer set and notes, and the version the client last saw. */
export const assessmentContentSchema = z.object({
  assessmentId: z.uuid(),
  expectedVersion: z.number().int().positive(),
  answers: answersSchema,
  notes: notesSchema,
});
export type AssessmentContentInput = z.infer<typeof assessmentContentSchema>;

/**
 * Parses untrusted input with a schema and turns failures into one VALIDATION error whose field errors name the
 * offending path (`answers.intent.q1`, `notes.adoption`).
 */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || 'input';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError('VALIDATION', validationMessage(fieldErrors), fieldErrors);
}

function validationMessage(fieldErrors: Record<string, string[]>): string {
  const [first] = Object.entries(fieldErrors);
  if (!first) return 'Please correct the highlighted fields.';
  const more = Object.keys(fieldErrors).length - 1;
  return `${first[0]}: ${first[1][0]}${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** Every answer must name a question of the assessment's framework version. */
export function assertKnownQuestions(framework: Framework, answers: Answers): void {
  const known = new Set(allQuestionIds(framework));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Unknown question ${unknown.map((id) => JSON.stringify(id)).join(', ')} for framework ${framework.version}.`,
      Object.fromEntries(unknown.map((id) => [`answers.${id}`, ['is not a question of this framework version']])),
    );
  }
}

/** Questions of the framework with no answer (a level, unknown or n/a), in framework order. */
export function unansweredQuestions(framework: Framework, answers: Answers): string[] {
  return allQuestionIds(framework).filter((id) => answers[id] === undefined);
}

/** Stored JSONB → typed answers; anything that is not a valid answer is dropped (never trusted). */
export function readStoredAnswers(value: unknown): Answers {
  const parsed = answersSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

export function readStoredNotes(value: unknown): Notes {
  if (typeof value !== 'object' || value === null) return {};
  const notes: Notes = {};
  for (const slug of COMPONENT_SLUGS) {
    const note = (value as Record<string, unknown>)[slug];
    if (typeof note === 'string') notes[slug] = note;
  }
  return notes;
}
