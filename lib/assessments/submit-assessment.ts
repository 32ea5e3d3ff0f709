import { ACCOUNT_SCORE_COLUMNS, RECORD_SCORE_HISTORY_SQL } from '@/lib/db/account-score-sql';
import type { Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { COMPONENT_SLUGS } from '@/lib/framework';
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
  // submission waits for it and scores with the new version rather than committing a result of the old one. The
  // account row too: an edit of the account (owner, segment, stage, ARR, archive) and this score then never compute
  // their portfolio rollup deltas from each other's unfinished state (migration 20261129100000).
  await tx.$executeRaw`
    SELECT 1 FROM organization o JOIN account a ON a.organization_id = o.id
     WHERE o.id = ${actor.organizationId}::uuid AND a.id = ${account.id}::uuid
       FOR SHARE`;
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
  // One statement: the version-checked switch to SUBMITTED, and only if it matched, the result, the latest-score
  // row and the audit event (each CTE reads the switched row, so none of them writes without it).
  const componentValues = (['current', 'gap', 'lever'] as const).flatMap((kind) =>
    COMPONENT_SLUGS.map((slug) => result.components[slug]?.[kind] ?? null),
  );
  const scoreValues = [
    account.id, assessment.id, inputs.weightConfigVersion, result.score, result.gap, result.confidence, result.unanswered,
    result.band, submittedAt.toISOString(), ...componentValues,
  ];
  const audit = {
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
  };
  const [written] = await tx.$queryRawUnsafe<{ submitted: number }[]>(
    SUBMIT_SQL,
    actor.organizationId,
    assessment.id,
    input.expectedVersion,
    JSON.stringify(input.answers),
    JSON.stringify(input.notes),
    submittedAt.toISOString(),
    account.id,
    inputs.weightConfigVersion,
    JSON.stringify(inputs.targets),
    result.score,
    result.gap,
    result.confidence,
    result.band,
    JSON.stringify(result),
    actor.userId,
    JSON.stringify(audit.before),
    JSON.stringify(audit.after),
    ...scoreValues,
  );
  if (written?.submitted !== 1) throw await conflictFor(tx, actor, assessment.id);

  await tx.$executeRawUnsafe(
    RECORD_SCORE_HISTORY_SQL, actor.organizationId, account.id, submittedAt.toISOString(), assessment.id, result.score,
  );
  return { assessmentId: assessment.id, accountId: account.id, submittedAt, result };
}

/** Parameters $1–$17 of SUBMIT_SQL; the account_score row's values follow from $18 (ACCOUNT_SCORE_COLUMNS order, from account_id). */
const FIRST_SCORE_PARAMETER = 18;

const SUBMIT_SQL = (() => {
  const scoreColumns = ACCOUNT_SCORE_COLUMNS.filter((column) => column !== 'organization_id');
  const placeholders = scoreColumns.map((column, i) => {
    const n = `$${FIRST_SCORE_PARAMETER + i}`;
    if (column === 'account_id' || column === 'assessment_id') return `${n}::uuid`;
    if (column === 'band') return `${n}::band`;
    if (column === 'submitted_at') return `${n}::timestamptz`;
    if (column === 'weight_config_version' || column === 'unanswered') return `${n}::int`;
    return `${n}::float8`;
  });
  const updates = scoreColumns.filter((c) => c !== 'account_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  // The latest-score row only ever moves to a later result, in the rebuild's order (submitted_at, then assessment
  // id). Foreign keys are checked at the end of the statement, when the assessment and its result are written.
  return `
WITH submitted AS (
  UPDATE assessment
     SET answers = $4::jsonb, notes = $5::jsonb, status = 'SUBMITTED', submitted_at = $6::timestamptz,
         updated_at = $6::timestamptz, version = version + 1
   WHERE organization_id = $1::uuid AND id = $2::uuid AND status = 'DRAFT' AND version = $3::int
  RETURNING organization_id, id
),
result AS (
  INSERT INTO assessment_result
         (organization_id, assessment_id, account_id, weight_config_version, targets, score, gap, confidence, band, output, submitted_at)
  SELECT organization_id, id, $7::uuid, $8::int, $9::jsonb, $10::float8, $11::float8, $12::float8, $13::band, $14::json, $6::timestamptz
    FROM submitted
),
latest AS (
  INSERT INTO account_score (organization_id, ${scoreColumns.join(', ')})
  SELECT organization_id, ${placeholders.join(', ')} FROM submitted
  ON CONFLICT (organization_id, account_id) DO UPDATE SET ${updates}
  WHERE (account_score.submitted_at, account_score.assessment_id) <= (EXCLUDED.submitted_at, EXCLUDED.assessment_id)
),
audit AS (
  INSERT INTO audit_event (organization_id, actor_user_id, action, entity_type, entity_id, before, after)
  SELECT organization_id, $15::uuid, 'assessment.submitted', 'assessment', id::text, $16::jsonb, $17::jsonb FROM submitted
)
SELECT count(*)::int AS submitted FROM submitted`;
})();
