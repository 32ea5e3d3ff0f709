import type { Tx } from '@/lib/db/tenant';
import { forbiddenError, notFoundError } from '@/lib/errors';
import type { AssessmentStatus } from '@/lib/generated/prisma/enums';
import { getFramework, type Framework } from '@/lib/framework';
import { mayWriteAssessments, UUID, type AssessmentActor } from './assessment-actor';
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
 * account in this organisation (404), its framework, and the answers checked against that framework. The account
 * and the assessment are read in one statement; the checks still run in that order, so an unauthorised caller
 * learns nothing from validation messages.
 */
export async function prepareDraftWrite(tx: Tx, actor: AssessmentActor, raw: unknown) {
  const rawAccountId = (raw as { accountId?: unknown } | null)?.accountId;
  const rawAssessmentId = (raw as { assessmentId?: unknown } | null)?.assessmentId;
  const assessmentKey = typeof rawAssessmentId === 'string' && UUID.test(rawAssessmentId) ? rawAssessmentId : null;
  const [row] =
    typeof rawAccountId === 'string' && UUID.test(rawAccountId)
      ? await tx.$queryRaw<
          {
            id: string;
            name: string;
            segmentId: string | null;
            ownerUserId: string | null;
            archivedAt: Date | null;
            assessmentId: string | null;
            assessmentAccountId: string | null;
            status: AssessmentStatus | null;
            frameworkVersion: string | null;
          }[]
        >`
          SELECT a.id, a.name, a.segment_id AS "segmentId", a.owner_user_id AS "ownerUserId", a.archived_at AS "archivedAt",
                 s.id AS "assessmentId", s.account_id AS "assessmentAccountId", s.status::text AS status,
                 s.framework_version AS "frameworkVersion"
            FROM account a
            LEFT JOIN assessment s ON s.organization_id = a.organization_id AND s.id = ${assessmentKey}::uuid
           WHERE a.organization_id = ${actor.organizationId}::uuid AND a.id = ${rawAccountId}::uuid`
      : [];
  if (!row) throw notFoundError();
  const account = { id: row.id, name: row.name, segmentId: row.segmentId, ownerUserId: row.ownerUserId, archivedAt: row.archivedAt };
  if (!mayWriteAssessments(actor, account.ownerUserId)) throw forbiddenError();
  const input: AssessmentContentInput = parseOrThrow(assessmentContentSchema, raw);
  // The join used the raw id, which the schema has now accepted as that same id.
  if (row.assessmentId === null || row.assessmentAccountId !== account.id) {
    throw notFoundError();
  }
  const assessment = { id: row.assessmentId, accountId: row.assessmentAccountId, status: row.status!, frameworkVersion: row.frameworkVersion! };
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
