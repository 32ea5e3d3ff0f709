import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { CURRENT_FRAMEWORK } from '@/lib/framework';
import { findWritableAccount, type AssessmentActor } from './assessment-actor';
import { parseOrThrow, readStoredAnswers, readStoredNotes } from './assessment-input';

export const startAssessmentInputSchema = z.object({
  accountId: z.uuid(),
  /** 'blank', or 'previous' to start from the account's latest submitted assessment. */
  source: z.enum(['blank', 'previous']),
});

export interface StartedAssessment {
  assessmentId: string;
  /** false when the actor already had a draft for this account, which is returned instead of a second one. */
  created: boolean;
}

/**
 * Starts a draft assessment of an account for the actor, blank or copied from the latest submitted one. An
 * actor never has two drafts of one account: an existing draft is returned (a per account-and-author advisory
 * lock makes two simultaneous starts agree).
 */
export async function startAssessment(tx: Tx, actor: AssessmentActor, raw: unknown): Promise<StartedAssessment> {
  const account = await findWritableAccount(tx, actor, (raw as { accountId?: unknown } | null)?.accountId);
  const input = parseOrThrow(startAssessmentInputSchema, raw);
  if (account.archivedAt) throw new AppError('CONFLICT', 'This account is archived; restore it before assessing it.');

  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assessment-draft:${account.id}:${actor.userId}`}, 0))`;
  const existing = await tx.assessment.findFirst({
    where: { organizationId: actor.organizationId, accountId: account.id, authorUserId: actor.userId, status: 'DRAFT' },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  if (existing) return { assessmentId: existing.id, created: false };

  let answers = {};
  let notes = {};
  if (input.source === 'previous') {
    const previous = await tx.assessment.findFirst({
      where: { organizationId: actor.organizationId, accountId: account.id, status: 'SUBMITTED' },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      select: { answers: true, notes: true, frameworkVersion: true },
    });
    // Answers only carry over within one framework version: question ids of another version mean other things.
    if (previous && previous.frameworkVersion === CURRENT_FRAMEWORK.version) {
      answers = readStoredAnswers(previous.answers);
      notes = readStoredNotes(previous.notes);
    }
  }
  const created = await tx.assessment.create({
    data: {
      organizationId: actor.organizationId,
      accountId: account.id,
      authorUserId: actor.userId,
      frameworkVersion: CURRENT_FRAMEWORK.version,
      answers,
      notes,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: 'assessment.started',
    entityType: 'assessment',
    entityId: created.id,
    after: { accountId: account.id, accountName: account.name, status: 'DRAFT', source: input.source, frameworkVersion: CURRENT_FRAMEWORK.version },
  });
  return { assessmentId: created.id, created: true };
}
