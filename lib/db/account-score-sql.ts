import { COMPONENT_SLUGS } from '@/lib/framework';

/**
 * account_score holds each account's latest submitted result as one narrow row. Submitting an assessment upserts
 * its row in the same transaction; bulk loads and re-scores rebuild an organisation's rows with this statement
 * ($1 = organisation id), which picks the latest result per account from the history.
 */
const componentColumns = (['current', 'gap', 'lever'] as const).flatMap((kind) =>
  COMPONENT_SLUGS.map((slug) => ({ column: `${kind}_${slug}`, expression: `(r.output->'components'->'${slug}'->>'${kind}')::float8` })),
);

export const ACCOUNT_SCORE_COLUMNS = [
  'organization_id', 'account_id', 'assessment_id', 'weight_config_version', 'score', 'gap', 'confidence', 'band',
  'submitted_at', ...componentColumns.map((c) => c.column),
] as const;

export const REBUILD_ACCOUNT_SCORES_SQL = `
WITH removed AS (DELETE FROM account_score WHERE organization_id = $1::uuid)
INSERT INTO account_score (${ACCOUNT_SCORE_COLUMNS.join(', ')})
SELECT DISTINCT ON (r.account_id)
       r.organization_id, r.account_id, r.assessment_id, r.weight_config_version, r.score, r.gap, r.confidence,
       r.band, r.submitted_at, ${componentColumns.map((c) => c.expression).join(', ')}
  FROM assessment_result r
 WHERE r.organization_id = $1::uuid
 ORDER BY r.account_id, r.submitted_at DESC, r.assessment_id DESC`;
