import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { Band } from '@/lib/scoring';

/**
 * Accounts' latest scores (account_score) as parallel arrays: the input of the re-score and of the impact preview.
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

/** Result alias → text expression over `s` (an account_score row with its account's segment_id). */
const FIELDS: [alias: string, expression: string][] = [
  ['account_ids', 's.account_id::text'],
  ['assessment_ids', 's.assessment_id::text'],
  ['segment_ids', 's.segment_id::text'],
  ['scores', 's.score::text'],
  ['bands', 's.band::text'],
  ['confidences', 's.confidence::text'],
  ['unanswered', 's.unanswered::text'],
  ...COMPONENT_SLUGS.map((slug): [string, string] => [`current_${slug}`, `s.current_${slug}::text`]),
];

/**
 * One row of comma-separated columns instead of 50,000 rows or arrays: converting that many values one by one
 * through the driver dominated the read (seconds); splitting text is milliseconds. float8 → text is the shortest
 * exact representation (PostgreSQL 12+, extra_float_digits > 0), so Number() gives back the stored value bit for
 * bit; '' is SQL NULL.
 */
const aggregated = (orderBy: string) =>
  `SELECT count(*)::int AS n, ${FIELDS.map(([alias, expression]) => `string_agg(COALESCE(${expression}, ''), ',' ORDER BY ${orderBy}) AS ${alias}`).join(', ')}`;

const LATEST_WITH_SEGMENT = `
  SELECT s.*, a.segment_id
    FROM account_score s
    JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id
   WHERE s.organization_id = $1::uuid`;

/** Every account of the organisation, in account id order ($2: active accounts only). */
const READ_ALL_SQL = `${aggregated('s.account_id')}
  FROM (${LATEST_WITH_SEGMENT} AND ($2::boolean IS FALSE OR a.archived_at IS NULL)) s`;

/**
 * The next `$3` accounts in latest-result (assessment id) order after assessment `$2` (null: from the start), read
 * along account_score's (organization_id, assessment_id) index.
 */
const READ_CHUNK_SQL = `${aggregated('s.assessment_id')}
  FROM (${LATEST_WITH_SEGMENT} AND ($2::uuid IS NULL OR s.assessment_id > $2::uuid) ORDER BY s.assessment_id LIMIT $3::int) s`;

/**
 * `activeOnly`: leave out archived accounts — the preview shows the impact on the portfolio, which does not count
 * them; the re-score still re-scores them (an archived account keeps a score consistent with the configuration).
 */
export async function readLatestScores(tx: Tx, organizationId: string, options: { activeOnly?: boolean } = {}): Promise<LatestScores> {
  // Shortest exact float8 text whatever the server's setting (any value above 0 does; the default, 1, already).
  await tx.$executeRaw`SELECT set_config('extra_float_digits', '3', true)`;
  const [row] = await tx.$queryRawUnsafe<AggregatedRow[]>(READ_ALL_SQL, organizationId, options.activeOnly ?? false);
  return latestScoresOf(row);
}

/**
 * Up to `limit` accounts (archived ones included) whose latest result's id follows `afterAssessmentId`, in that
 * order: the re-score reads in these chunks on its staging connection, which must have extra_float_digits > 0.
 */
export async function readLatestScoresChunk(
  query: (sql: string, values: unknown[]) => Promise<{ rows: AggregatedRow[] }>,
  organizationId: string,
  afterAssessmentId: string | null,
  limit: number,
): Promise<LatestScores> {
  const { rows } = await query(READ_CHUNK_SQL, [organizationId, afterAssessmentId, limit]);
  return latestScoresOf(rows[0]);
}

type AggregatedRow = Record<string, string | number | null>;

function latestScoresOf(row: AggregatedRow | undefined): LatestScores {
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
