import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { Band } from '@/lib/scoring';

/**
 * Every account's latest score (account_score) as parallel arrays, in account id order: the input of the
 * re-score and of the impact preview. One row of arrays instead of 50,000 rows keeps the read fast.
 */
export interface LatestScores {
  accountIds: string[];
  assessmentIds: string[];
  segmentIds: (string | null)[];
  scores: number[];
  bands: Band[];
  confidences: number[];
  /** Empty unless read `withUnanswered`. */
  unanswered: number[];
  /** currents[c][i]: C of component COMPONENT_SLUGS[c] for account i (null = excluded). */
  currents: (number | null)[][];
}

const readSql = (withUnanswered: boolean) => `
SELECT COALESCE(array_agg(s.account_id::text ORDER BY s.account_id), '{}') AS account_ids,
       COALESCE(array_agg(s.assessment_id::text ORDER BY s.account_id), '{}') AS assessment_ids,
       COALESCE(array_agg(a.segment_id::text ORDER BY s.account_id), '{}') AS segment_ids,
       COALESCE(array_agg(s.score ORDER BY s.account_id), '{}') AS scores,
       COALESCE(array_agg(s.band::text ORDER BY s.account_id), '{}') AS bands,
       COALESCE(array_agg(s.confidence ORDER BY s.account_id), '{}') AS confidences,
       ${withUnanswered ? `COALESCE(array_agg(COALESCE((r.output->>'unanswered')::int, 0) ORDER BY s.account_id), '{}')` : `'{}'::int[]`} AS unanswered,
       ${COMPONENT_SLUGS.map((slug) => `COALESCE(array_agg(s.current_${slug} ORDER BY s.account_id), '{}') AS current_${slug}`).join(',\n       ')}
  FROM account_score s
  JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id
  ${withUnanswered ? 'JOIN assessment_result r ON r.organization_id = s.organization_id AND r.assessment_id = s.assessment_id' : ''}
 WHERE s.organization_id = $1::uuid`;

/** `withUnanswered` also reads each result's unanswered count (the re-score keeps it; the preview needs none). */
export async function readLatestScores(tx: Tx, organizationId: string, options: { withUnanswered: boolean }): Promise<LatestScores> {
  const [row] = await tx.$queryRawUnsafe<Record<string, unknown[]>[]>(readSql(options.withUnanswered), organizationId);
  if (!row) throw new Error('array_agg returned no row');
  return {
    accountIds: row.account_ids as string[],
    assessmentIds: row.assessment_ids as string[],
    segmentIds: row.segment_ids as (string | null)[],
    scores: row.scores as number[],
    bands: row.bands as Band[],
    confidences: row.confidences as number[],
    unanswered: row.unanswered as number[],
    currents: COMPONENT_SLUGS.map((slug) => row[`current_${slug}`] as (number | null)[]),
  };
}
