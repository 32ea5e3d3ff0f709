import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { Band } from '@/lib/scoring';

/**
 * Every account's latest score (account_score) as parallel arrays, in account id order: the input of the
 * re-score and of the impact preview.
 */
export interface LatestScores {
  accountIds: string[];
  assessmentIds: string[];
  segmentIds: (string | null)[];
  scores: number[];
  bands: Band[];
  /** The latest results' answer-derived figures, which a configuration does not change (the re-score keeps them). */
  confidences: number[];
  unanswered: number[];
  /** currents[c][i]: C of component COMPONENT_SLUGS[c] for account i (null = excluded). */
  currents: (number | null)[][];
}

/**
 * One row of comma-separated columns instead of 50,000 rows or arrays: converting that many values one by one
 * through the driver dominated the read (seconds); splitting text is milliseconds. float8 → text is the shortest
 * exact representation (PostgreSQL 12+), so Number() gives back the stored value bit for bit; '' is SQL NULL.
 */
const column = (expression: string) => `string_agg(COALESCE(${expression}, ''), ',' ORDER BY s.account_id)`;
const READ_SQL = `
SELECT count(*)::int AS n,
       ${column('s.account_id::text')} AS account_ids,
       ${column('s.assessment_id::text')} AS assessment_ids,
       ${column('a.segment_id::text')} AS segment_ids,
       ${column('s.score::text')} AS scores,
       ${column('s.band::text')} AS bands,
       ${column('s.confidence::text')} AS confidences,
       ${column('s.unanswered::text')} AS unanswered,
       ${COMPONENT_SLUGS.map((slug) => `${column(`s.current_${slug}::text`)} AS current_${slug}`).join(',\n       ')}
  FROM account_score s
  JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id
 WHERE s.organization_id = $1::uuid
   AND ($2::boolean IS FALSE OR a.archived_at IS NULL)`;

/**
 * `activeOnly`: leave out archived accounts — the preview shows the impact on the portfolio, which does not count
 * them; the re-score still re-scores them (an archived account keeps a score consistent with the configuration).
 */
export async function readLatestScores(tx: Tx, organizationId: string, options: { activeOnly?: boolean } = {}): Promise<LatestScores> {
  // Shortest exact float8 text whatever the server's setting (any value above 0 does; the default, 1, already).
  await tx.$executeRaw`SELECT set_config('extra_float_digits', '3', true)`;
  const [row] = await tx.$queryRawUnsafe<Record<string, string | number | null>[]>(READ_SQL, organizationId, options.activeOnly ?? false);
  const n = Number(row?.n ?? 0);
  const split = (key: string): string[] => (n === 0 ? [] : String(row?.[key] ?? '').split(','));
  const numbers = (key: string): number[] => split(key).map(Number);
  const nullableNumbers = (key: string): (number | null)[] => split(key).map((text) => (text === '' ? null : Number(text)));
  return {
    accountIds: split('account_ids'),
    assessmentIds: split('assessment_ids'),
    segmentIds: split('segment_ids').map((text) => (text === '' ? null : text)),
    scores: numbers('scores'),
    bands: split('bands') as Band[],
    confidences: numbers('confidences'),
    unanswered: numbers('unanswered'),
    currents: COMPONENT_SLUGS.map((slug) => nullableNumbers(`current_${slug}`)),
  };
}
