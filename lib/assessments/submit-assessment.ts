import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { ACCOUNT_SCORE_COLUMNS, RECORD_SCORE_HISTORY_SQL } from '@/lib/db/account-score-sql';
import type { Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { Prisma } from '@/lib/generated/prisma/client';
import { scoreAssessment, ScoringError, type ScoreResult } from '@/lib/scoring';
import type { AssessmentActor } from './assessment-actor';
import { unansweredQuestions } from './assessment-input';
import { conflictFor, prepareDraftWrite } from './find-draft-for-write';
import { loadScoringInputs } from './load-scoring-inputs';

export interface SubmittedAssessment {
  assessmentId: string;
  accountId: string;
  submittedAt: Date;
  result: ScoreResult;
}

/**
 * Submits a draft with its final answers and notes, in the caller's one transaction: the version-checked switch
 * to SUBMITTED, the result scored by lib/scoring with the account's segment targets (override, else the
 * organisation default), the latest weight version and the organisation's thresholds, and the account's latest
 * score row — which only moves forward (an older submission never replaces a newer one) — with its previous score
 * and the month's row of the portfolio trend. Any failure rolls back all of it. `now` exists for tests.
 */
export async function submitAssessment(
  tx: Tx,
  actor: AssessmentActor,
  raw: unknown,
  options: { now?: Date } = {},
): Promise<SubmittedAssessment> {
  const { account, input, assessment, framework } = await prepareDraftWrite(tx, actor, raw);
  if (assessment.status !== 'DRAFT') throw await conflictFor(tx, actor, assessment.id);

  const missing = unansweredQuestions(framework, input.answers);
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Answer every question before submitting: ${missing.length} ${missing.length === 1 ? 'question has' : 'questions have'} no answer (choose a level, Unknown or N/A).`,
      Object.fromEntries(missing.map((id) => [`answers.${id}`, ['needs an answer']])),
    );
  }

  // FOR SHARE: a scoring-configuration save holds the organisation row FOR NO KEY UPDATE while it re-scores, so this
  // submission waits for it and scores with the new version rather than committing a result of the old one.
  await tx.$executeRaw`SELECT 1 FROM organization WHERE id = ${actor.organizationId}::uuid FOR SHARE`;
  const inputs = await loadScoringInputs(tx, actor.organizationId, account.segmentId);
  let result: ScoreResult;
  try {
    result = scoreAssessment({
      framework,
      answers: input.answers,
      targets: inputs.targets,
      weights: inputs.weights,
      thresholds: inputs.thresholds,
    });
  } catch (error) {
    if (error instanceof ScoringError && error.code === 'NO_INCLUDED_COMPONENT') {
      throw new AppError('VALIDATION', 'At least one weighted component needs a question that is not N/A.');
    }
    throw error;
  }

  const submittedAt = options.now ?? new Date();
  const { count } = await tx.assessment.updateMany({
    where: { organizationId: actor.organizationId, id: assessment.id, status: 'DRAFT', version: input.expectedVersion },
    data: {
      answers: input.answers,
      notes: input.notes,
      status: 'SUBMITTED',
      submittedAt,
      updatedAt: submittedAt,
      version: { increment: 1 },
    },
  });
  if (count !== 1) throw await conflictFor(tx, actor, assessment.id);

  await tx.assessmentResult.create({
    data: {
      organizationId: actor.organizationId,
      assessmentId: assessment.id,
      accountId: account.id,
      weightConfigVersion: inputs.weightConfigVersion,
      targets: inputs.targets,
      score: result.score,
      gap: result.gap,
      confidence: result.confidence,
      band: result.band,
      output: result as unknown as Prisma.InputJsonValue,
      submittedAt,
    },
  });
  await upsertAccountScore(tx, {
    organizationId: actor.organizationId,
    accountId: account.id,
    assessmentId: assessment.id,
    weightConfigVersion: inputs.weightConfigVersion,
    submittedAt,
    result,
  });
  await tx.$executeRawUnsafe(
    RECORD_SCORE_HISTORY_SQL, actor.organizationId, account.id, submittedAt.toISOString(), assessment.id, result.score,
  );
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: 'assessment.submitted',
    entityType: 'assessment',
    entityId: assessment.id,
    before: { accountId: account.id, accountName: account.name, status: 'DRAFT', version: input.expectedVersion },
    after: {
      accountId: account.id,
      accountName: account.name,
      status: 'SUBMITTED',
      version: input.expectedVersion + 1,
      submittedAt: submittedAt.toISOString(),
      score: result.score,
      band: result.band,
      confidence: result.confidence,
      weightConfigVersion: inputs.weightConfigVersion,
    },
  });
  return { assessmentId: assessment.id, accountId: account.id, submittedAt, result };
}

const UPSERT_ACCOUNT_SCORE_SQL = (() => {
  const placeholders = ACCOUNT_SCORE_COLUMNS.map((column, i) => {
    const n = `$${i + 1}`;
    if (column === 'organization_id' || column === 'account_id' || column === 'assessment_id') return `${n}::uuid`;
    if (column === 'band') return `${n}::band`;
    if (column === 'submitted_at') return `${n}::timestamptz`;
    if (column === 'weight_config_version') return `${n}::int`;
    return `${n}::float8`;
  });
  const updates = ACCOUNT_SCORE_COLUMNS.filter((c) => c !== 'organization_id' && c !== 'account_id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  // Same order as the rebuild (submitted_at, then assessment id): the row only ever moves to a later result.
  return `INSERT INTO account_score (${ACCOUNT_SCORE_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})
ON CONFLICT (organization_id, account_id) DO UPDATE SET ${updates}
WHERE (account_score.submitted_at, account_score.assessment_id) <= (EXCLUDED.submitted_at, EXCLUDED.assessment_id)`;
})();

/** Upserts the account's latest-score row unless it already holds a later submission. */
async function upsertAccountScore(
  tx: Tx,
  row: { organizationId: string; accountId: string; assessmentId: string; weightConfigVersion: number; submittedAt: Date; result: ScoreResult },
): Promise<void> {
  const { result } = row;
  const componentValues = (['current', 'gap', 'lever'] as const).flatMap((kind) =>
    COMPONENT_SLUGS.map((slug) => result.components[slug]?.[kind] ?? null),
  );
  const values = [
    row.organizationId, row.accountId, row.assessmentId, row.weightConfigVersion, result.score, result.gap,
    result.confidence, result.band, row.submittedAt.toISOString(), ...componentValues,
  ];
  if (values.length !== ACCOUNT_SCORE_COLUMNS.length) throw new Error('account_score column mapping is out of date');
  await tx.$executeRawUnsafe(UPSERT_ACCOUNT_SCORE_SQL, ...values);
}
