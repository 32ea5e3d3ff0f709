import { scopeOf } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/tenant';
import { CURRENT_FRAMEWORK } from '@/lib/framework';
import { Prisma } from '@/lib/generated/prisma/client';
import { UUID, type AssessmentActor } from './assessment-actor';
import { assertKnownQuestions, assessmentContentSchema } from './assessment-input';
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
 *
 * The common case is one statement (saveDirect); anything it does not apply to — another organisation's or a
 * missing id, an account the actor may not write, invalid input, another framework version, a stale version —
 * goes the long way, which finds out which of those it is and answers exactly as before.
 */
export async function saveDraft(tx: Tx, actor: AssessmentActor, raw: unknown): Promise<SavedDraft> {
  const direct = await saveDirect(tx, actor, raw);
  if (direct) return direct;
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

/**
 * The save as one guarded UPDATE: the assessment of this account in this organisation, still a draft of the
 * current framework at the expected version, on an account the actor may write (own accounts for an 'own'
 * grant). Null when the input is not valid as it stands or no row matched; nothing was written then.
 */
async function saveDirect(tx: Tx, actor: AssessmentActor, raw: unknown): Promise<SavedDraft | null> {
  const accountId = (raw as { accountId?: unknown } | null)?.accountId;
  if (typeof accountId !== 'string' || !UUID.test(accountId)) return null;
  const scope = scopeOf(actor.role, 'assessments.write');
  if (scope === null) return null;
  const parsed = assessmentContentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const input = parsed.data;
  try {
    assertKnownQuestions(CURRENT_FRAMEWORK, input.answers);
  } catch {
    return null;
  }
  const savedAt = new Date();
  const owner = scope === 'own' ? Prisma.sql`AND a.owner_user_id = ${actor.userId}::uuid` : Prisma.empty;
  const count = await tx.$executeRaw`
    UPDATE assessment s
       SET answers = ${JSON.stringify(input.answers)}::jsonb, notes = ${JSON.stringify(input.notes)}::jsonb,
           version = s.version + 1, updated_at = ${savedAt}::timestamptz
      FROM account a
     WHERE s.organization_id = ${actor.organizationId}::uuid AND s.id = ${input.assessmentId}::uuid
       AND s.account_id = ${accountId}::uuid AND s.status = 'DRAFT' AND s.version = ${input.expectedVersion}::int
       AND s.framework_version = ${CURRENT_FRAMEWORK.version}
       AND a.organization_id = s.organization_id AND a.id = s.account_id ${owner}`;
  return count === 1 ? { version: input.expectedVersion + 1, savedAt } : null;
}
