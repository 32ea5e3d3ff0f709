'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actorOf } from '@/lib/assessments/assessment-actor';
import { isAssessmentConflict, type ServerDraft } from '@/lib/assessments/assessment-errors';
import { saveDraft } from '@/lib/assessments/save-draft';
import { startAssessment } from '@/lib/assessments/start-assessment';
import { submitAssessment } from '@/lib/assessments/submit-assessment';
import { organizationAction } from '@/lib/http/organization-action';
import { inOrganization } from '@/lib/tenancy/organization-access';

/**
 * Assessment server actions. organizationAction checks the session, the membership and `assessments.write`;
 * the use cases then check ownership of the account (a CSM writes only their own accounts' assessments) before
 * validating the rest of the input, so an unauthorised caller learns nothing from validation messages.
 */

/** Only the account id is read up front; everything else is validated by the use case, after authorisation. */
const accountScoped = z.looseObject({ accountId: z.string() });

export type DraftWriteOutcome<T> =
  | ({ status: 'saved' } & T)
  | { status: 'conflict'; reason: 'stale' | 'submitted'; message: string; current: ServerDraft };

/** A CONFLICT is an expected outcome the form resolves (it shows the server's copy), so it comes back as data. */
async function orConflict<T>(work: () => Promise<T>): Promise<DraftWriteOutcome<T>> {
  try {
    return { status: 'saved', ...(await work()) };
  } catch (error) {
    if (isAssessmentConflict(error)) {
      return { status: 'conflict', reason: error.reason, message: error.message, current: error.current };
    }
    throw error;
  }
}

export const startAssessmentAction = organizationAction({
  permission: 'assessments.write',
  input: accountScoped,
  handler: async (access, input) => {
    const started = await inOrganization(access, (tx) => startAssessment(tx, actorOf(access), input));
    revalidatePath(`/o/${access.organization.slug}/accounts/${input.accountId}`);
    return started;
  },
});

export const saveAssessmentDraftAction = organizationAction({
  permission: 'assessments.write',
  input: accountScoped,
  handler: (access, input) =>
    orConflict(async () => {
      const saved = await inOrganization(access, (tx) => saveDraft(tx, actorOf(access), input));
      return { version: saved.version, savedAt: saved.savedAt.toISOString() };
    }),
});

export const submitAssessmentAction = organizationAction({
  permission: 'assessments.write',
  input: accountScoped,
  handler: (access, input) =>
    orConflict(async () => {
      const submitted = await inOrganization(access, (tx) => submitAssessment(tx, actorOf(access), input));
      // No revalidatePath: every page renders per request (nothing to invalidate on the server), and the form
      // navigates to the account page and calls router.refresh() itself. revalidatePath would make this action
      // re-render the whole page it was posted from into its response, only for the client to discard it.
      return { assessmentId: submitted.assessmentId };
    }),
});
