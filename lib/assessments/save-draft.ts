import type { Tx } from '@/lib/db/tenant';
import type { AssessmentActor } from './assessment-actor';
import { conflictFor, prepareDraftWrite } from './find-draft-for-write';

export interface SavedDraft {
  version: number;
  savedAt: Date;
}

/**
 * Saves a draft's whole answer set and notes under optimistic concurrency: the UPDATE only applies to the version
 * the client last saw and still a draft (UPDATE … WHERE version = $expected), so of two saves against one
 * version exactly one wins; the other gets a CONFLICT carrying the server's current content. Never a silent
 * overwrite, and a submitted assessment is never changed.
 */
export async function saveDraft(tx: Tx, actor: AssessmentActor, raw: unknown): Promise<SavedDraft> {
  const { input, assessment } = await prepareDraftWrite(tx, actor, raw);
  if (assessment.status !== 'DRAFT') throw await conflictFor(tx, actor, assessment.id);
  const savedAt = new Date();
  const { count } = await tx.assessment.updateMany({
    where: {
      organizationId: actor.organizationId,
      id: assessment.id,
      status: 'DRAFT',
      version: input.expectedVersion,
    },
    data: { answers: input.answers, notes: input.notes, version: { increment: 1 }, updatedAt: savedAt },
  });
  if (count !== 1) throw await conflictFor(tx, actor, assessment.id);
  return { version: input.expectedVersion + 1, savedAt };
}
