import { COMPONENT_SLUGS } from '@/lib/framework';

/**
 * Two narrow tables are derived from the results history and written in the same transaction as each submit:
 * - account_score: each account's latest submitted result as one row, with its previous result's score;
 * - account_period_score: each account's latest result per UTC month, flagged when latest of its quarter.
 * Bulk loads and tests rebuild an organisation's rows with REBUILD_SCORE_TABLES_SQL ($1 = organisation id; run
 * the statements in order, in one transaction).
 */
const componentColumns = (['current', 'gap', 'lever'] as const).flatMap((kind) =>
  COMPONENT_SLUGS.map((slug) => ({ column: `${kind}_${slug}`, expression: `(r.output->'components'->'${slug}'->>'${kind}')::float8` })),
);

/** A result's count of unanswered questions (alias r), for account_score.unanswered; a count written as 3.0 is 3. */
export const RESULT_UNANSWERED_SQL = `round((r.output->>'unanswered')::numeric)::int`;

export const ACCOUNT_SCORE_COLUMNS = [
  'organization_id', 'account_id', 'assessment_id', 'weight_config_version', 'score', 'gap', 'confidence', 'unanswered',
  'band', 'submitted_at', ...componentColumns.map((c) => c.column),
] as const;

/** The latest result per account (the last in (submitted_at, assessment_id) order) and the one before it. */
export const REBUILD_ACCOUNT_SCORES_SQL = `
INSERT INTO account_score (${ACCOUNT_SCORE_COLUMNS.join(', ')}, previous_score, previous_submitted_at)
SELECT r.organization_id, r.account_id, r.assessment_id, r.weight_config_version, r.score, r.gap, r.confidence,
       COALESCE(${RESULT_UNANSWERED_SQL}, 0), r.band, r.submitted_at, ${componentColumns.map((c) => c.expression).join(', ')},
       r.previous_score, r.previous_submitted_at
  FROM (
    SELECT r.*,
           lag(r.score) OVER history AS previous_score,
           lag(r.submitted_at) OVER history AS previous_submitted_at,
           lead(r.assessment_id) OVER history IS NULL AS is_latest
      FROM assessment_result r
     WHERE r.organization_id = $1::uuid
    WINDOW history AS (PARTITION BY r.account_id ORDER BY r.submitted_at, r.assessment_id)
  ) r
 WHERE r.is_latest`;

const MONTH_OF = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'UTC')::date`;

/** The latest result per account and UTC month; latest_in_quarter marks the last such month of each quarter. */
export const REBUILD_ACCOUNT_PERIOD_SCORES_SQL = `
INSERT INTO account_period_score
       (organization_id, account_id, period_start, assessment_id, submitted_at, score, latest_in_quarter)
SELECT m.organization_id, m.account_id, m.period_start, m.assessment_id, m.submitted_at, m.score,
       m.period_start = max(m.period_start) OVER (PARTITION BY m.account_id, date_trunc('quarter', m.period_start))
  FROM (
    SELECT DISTINCT ON (r.account_id, ${MONTH_OF('r.submitted_at')})
           r.organization_id, r.account_id, ${MONTH_OF('r.submitted_at')} AS period_start, r.assessment_id,
           r.submitted_at, r.score
      FROM assessment_result r
     WHERE r.organization_id = $1::uuid
     ORDER BY r.account_id, ${MONTH_OF('r.submitted_at')}, r.submitted_at DESC, r.assessment_id DESC
  ) m`;

/**
 * Separate statements on purpose: a `WITH … DELETE` CTE and the INSERT beside it see the same snapshot, so the
 * INSERT would collide with the rows being deleted.
 */
export const CLEAR_SCORE_TABLES_SQL = [
  'DELETE FROM account_period_score WHERE organization_id = $1::uuid',
  'DELETE FROM account_score WHERE organization_id = $1::uuid',
] as const;

export const REBUILD_SCORE_TABLES_SQL = [...CLEAR_SCORE_TABLES_SQL, REBUILD_ACCOUNT_SCORES_SQL, REBUILD_ACCOUNT_PERIOD_SCORES_SQL] as const;

/**
 * After a result of account $2 was submitted at $3 (assessment $4, score $5): recompute the latest-score row's
 * previous result, and upsert the result's month row — replacing it only with a later result — keeping exactly
 * one latest_in_quarter per account and quarter even when results arrive out of order. One statement, one
 * round trip; the CTEs touch different rows (account_score; earlier months; this month).
 */
export const RECORD_SCORE_HISTORY_SQL = `
WITH previous AS (
  UPDATE account_score s
     SET (previous_score, previous_submitted_at) = (
           SELECT r.score, r.submitted_at FROM assessment_result r
            WHERE r.organization_id = s.organization_id AND r.account_id = s.account_id
              AND (r.submitted_at, r.assessment_id) < (s.submitted_at, s.assessment_id)
            ORDER BY r.submitted_at DESC, r.assessment_id DESC
            LIMIT 1)
   WHERE s.organization_id = $1::uuid AND s.account_id = $2::uuid
),
earlier_months AS (
  UPDATE account_period_score p SET latest_in_quarter = false
   WHERE p.organization_id = $1::uuid AND p.account_id = $2::uuid AND p.latest_in_quarter
     AND p.period_start >= date_trunc('quarter', $3::timestamptz AT TIME ZONE 'UTC')::date
     AND p.period_start < ${MONTH_OF('$3::timestamptz')}
)
INSERT INTO account_period_score AS p
       (organization_id, account_id, period_start, assessment_id, submitted_at, score, latest_in_quarter)
SELECT $1::uuid, $2::uuid, ${MONTH_OF('$3::timestamptz')}, $4::uuid, $3::timestamptz, $5::float8,
       NOT EXISTS (
         SELECT 1 FROM account_period_score later
          WHERE later.organization_id = $1::uuid AND later.account_id = $2::uuid
            AND later.period_start > ${MONTH_OF('$3::timestamptz')}
            AND later.period_start < (date_trunc('quarter', $3::timestamptz AT TIME ZONE 'UTC') + interval '3 months')::date)
ON CONFLICT (organization_id, account_id, period_start) DO UPDATE
   SET assessment_id = EXCLUDED.assessment_id, submitted_at = EXCLUDED.submitted_at, score = EXCLUDED.score,
       latest_in_quarter = EXCLUDED.latest_in_quarter
 WHERE (p.submitted_at, p.assessment_id) <= (EXCLUDED.submitted_at, EXCLUDED.assessment_id)`;
