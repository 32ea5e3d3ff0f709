import { AppError } from '@/lib/errors';
import type { Answers, Notes } from './assessment-input';

/** The server's copy of a draft, as a conflicting client needs it to show what changed. */
export interface ServerDraft {
  answers: Answers;
  notes: Notes;
  version: number;
}

/**
 * A save or submit that cannot apply: the draft moved on since the client loaded it ('stale'), or it has been
 * submitted and is immutable ('submitted'). Carries the server's current content so the UI can show the diff.
 */
export class AssessmentConflictError extends AppError {
  constructor(
    readonly reason: 'stale' | 'submitted',
    readonly current: ServerDraft,
  ) {
    super(
      'CONFLICT',
      reason === 'submitted'
        ? 'This assessment has been submitted and can no longer be changed. Start a new assessment to record a correction.'
        : 'This draft was changed elsewhere (another tab or person) since you loaded it. Review the differences and choose which answers to keep.',
    );
  }
}

export function isAssessmentConflict(error: unknown): error is AssessmentConflictError {
  return error instanceof AssessmentConflictError;
}
