import type { Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { getFramework, type Framework } from '@/lib/framework';
import { findWritableAccount, type AssessmentActor } from './assessment-actor';
import { AssessmentConflictError } from './assessment-errors';
import {
  assertKnownQuestions,
  assessmentContentSchema,
  parseOrThrow,
  readStoredAnswers,
  readStoredNotes,
  type AssessmentContentInput,
} from './assessment-input';

/**
 * The shared first half of save and submit: the account (404 / 403), the input (422), the assessment of that
 * account in this organisation (404), its framework, and the answers checked against that framework.
 */
export async function prepareDraftWrite(tx: Tx, actor: AssessmentActor, raw: unknown) {
  const account = await findWritableAccount(tx, actor, (raw as { accountId?: unknown } | null)?.accountId);
  const input: AssessmentContentInput = parseOrThrow(assessmentContentSchema, raw);
  const assessment = await tx.assessment.findUnique({
    where: { organizationId_id: { organizationId: actor.organizationId, id: input.assessmentId } },
    select: { id: true, accountId: true, status: true, frameworkVersion: true },
  });
  if (!assessment || assessment.accountId !== account.id) throw notFoundError();
  const framework: Framework = getFramework(assessment.frameworkVersion);
  assertKnownQuestions(framework, input.answers);
  return { account, input, assessment, framework };
}

/** After a guarded UPDATE changed no row: why (submitted, or another version), with the server's content. */
export async function conflictFor(tx: Tx, actor: AssessmentActor, assessmentId: string): Promise<AssessmentConflictError> {
  const current = await tx.assessment.findUnique({
    where: { organizationId_id: { organizationId: actor.organizationId, id: assessmentId } },
    select: { status: true, answers: true, notes: true, version: true },
  });
  if (!current) throw notFoundError();
  return new AssessmentConflictError(current.status === 'SUBMITTED' ? 'submitted' : 'stale', {
    answers: readStoredAnswers(current.answers),
    notes: readStoredNotes(current.notes),
    version: current.version,
  });
}
