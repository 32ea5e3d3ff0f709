import { z } from 'zod';
import type { Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { getFramework, type Framework } from '@/lib/framework';
import type { ScoreResult, Thresholds } from '@/lib/scoring';
import { findAccountOrThrow, mayWriteAssessments, UUID, type AssessmentActor } from './assessment-actor';
import { readStoredAnswers, readStoredNotes, type Answers, type Notes } from './assessment-input';
import { loadScoringInputs, readComponentNumbers, type ComponentNumbers } from './load-scoring-inputs';

export const assessmentRefSchema = z.object({ accountId: z.string(), assessmentId: z.string() });

export interface AssessmentForm {
  account: { id: string; name: string };
  assessment: {
    id: string;
    status: 'DRAFT' | 'SUBMITTED';
    version: number;
    authorName: string;
    createdAt: Date;
    updatedAt: Date;
    submittedAt: Date | null;
  };
  framework: Framework;
  answers: Answers;
  notes: Notes;
  /** Targets for the account's segment now (drafts) or as stored with the result (submitted). */
  targets: ComponentNumbers;
  weights: ComponentNumbers;
  thresholds: Thresholds;
  /** Whether the actor may edit: a draft of an account they may write assessments for. */
  editable: boolean;
  /** The stored result of a submitted assessment (never recomputed). */
  result: ScoreResult | null;
}

/** Everything the assessment form (or the read-only view) needs. Missing or another organisation's → NOT_FOUND. */
export async function getAssessmentForm(
  tx: Tx,
  actor: AssessmentActor,
  ref: { accountId: string; assessmentId: string },
): Promise<AssessmentForm> {
  const account = await findAccountOrThrow(tx, actor, ref.accountId);
  const assessment = UUID.test(ref.assessmentId)
    ? await tx.assessment.findUnique({
        where: { organizationId_id: { organizationId: actor.organizationId, id: ref.assessmentId } },
        select: {
          id: true, accountId: true, status: true, version: true, frameworkVersion: true, answers: true, notes: true,
          createdAt: true, updatedAt: true, submittedAt: true,
          author: { select: { name: true } },
          result: { select: { output: true, targets: true, weightConfigVersion: true } },
        },
      })
    : null;
  if (!assessment || assessment.accountId !== account.id) throw notFoundError();

  const inputs = await loadScoringInputs(tx, actor.organizationId, account.segmentId);
  let weights = inputs.weights;
  if (assessment.result && assessment.result.weightConfigVersion !== inputs.weightConfigVersion) {
    const stored = await tx.weightConfig.findUnique({
      where: { organizationId_version: { organizationId: actor.organizationId, version: assessment.result.weightConfigVersion } },
      select: { weights: true },
    });
    weights = readComponentNumbers(stored?.weights);
  }
  return {
    account: { id: account.id, name: account.name },
    assessment: {
      id: assessment.id,
      status: assessment.status,
      version: assessment.version,
      authorName: assessment.author.name,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
      submittedAt: assessment.submittedAt,
    },
    framework: getFramework(assessment.frameworkVersion),
    answers: readStoredAnswers(assessment.answers),
    notes: readStoredNotes(assessment.notes),
    targets: assessment.result ? readComponentNumbers(assessment.result.targets) : inputs.targets,
    weights,
    thresholds: inputs.thresholds,
    editable: assessment.status === 'DRAFT' && !account.archivedAt && mayWriteAssessments(actor, account.ownerUserId),
    result: assessment.result ? (assessment.result.output as unknown as ScoreResult) : null,
  };
}
