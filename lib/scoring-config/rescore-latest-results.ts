import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { scoreFromCurrents, type ScoreResult } from '@/lib/scoring';
import { targetsForSegment, type ScoringConfiguration } from './configuration-snapshot';
import { readLatestScoresChunk, type LatestScores } from './read-latest-scores';

/** Staged rows per applying UPDATE: set-based, yet each statement's work stays bounded. */
export const RESCORE_CHUNK_SIZE = 5_000;
/** The first chunk is smaller: the pipeline waits for it alone (read, scored and staged before any apply). */
const FIRST_CHUNK_SIZE = 1_000;

/**
 * Re-scores the latest submitted result of every account (the one account_score points at) with `configuration`
 * — each account with its current segment's targets — and marks it with `version`, inside the caller's
 * transaction. Earlier results keep the version they were scored with. The arithmetic is lib/scoring's
 * scoreFromCurrents (the function scoreAssessment itself derives from), fed the stored component currents.
 *
 * A second connection (`connectionString`, the same role) reads the latest scores chunk by chunk, in latest-result
 * id order, and stages the re-scored rows into rescore_staging (each chunk committed at once under a fresh batch
 * id); this transaction applies them set-based, chunk by chunk: `assessment_result` (score, gap, band, targets,
 * output), `account_score` (score, gap, band, per-component gap and lever, version), the trend's month row of each
 * latest result; then deletes the chunk. Why: as statement parameters through the Prisma driver adapter the same
 * rows cost ~1.3 s per 5,000 (measured), ten times the UPDATE. If this transaction rolls back, nothing it applied
 * remains; the orphaned batch is invisible to reads and removed by the organisation's next save (its staging
 * connection, once it has staged every chunk). Confidence is unchanged.
 *
 * This is the one place a configuration change touches scores: anything else derived from the latest scores
 * belongs here too, in the same transaction.
 */
export async function rescoreLatestResults(
  tx: Tx,
  organizationId: string,
  configuration: ScoringConfiguration,
  version: number,
  options: RescoreOptions = {},
): Promise<{ rescored: number }> {
  const timings = { read: 0, score: 0, results: 0, accountScores: 0, rollups: 0 };
  let started = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - started;
    started = now;
  };
  const batchId = randomUUID();
  // Every chunk changes accounts of every owner: the portfolio rollups are recomputed once, after the last chunk,
  // instead of by each chunk's triggers (see migration 20261129100000).
  await tx.$executeRaw`SELECT set_config('app.portfolio_rollup_deferred', 'on', true)`;
  const stager = await openStager(options.connectionString, organizationId, batchId);
  const rescore = rescoredChunk(configuration);
  const chunkSize = options.chunkSize ?? RESCORE_CHUNK_SIZE;
  let rescored = 0;
  // A pipeline: while this transaction applies chunk k, the second connection reads chunk k + 1, Node scores it
  // and the connection stages it, so PostgreSQL works on two cores and nothing waits for a read of every account.
  let staging = stager.stageNext(rescore, Math.min(chunkSize, FIRST_CHUNK_SIZE));
  lap('read');
  try {
    for (;;) {
      const chunk = await staging;
      if (chunk === null) break;
      lap('score');
      const range = [organizationId, batchId, version, chunk.firstAssessmentId, chunk.lastAssessmentId] as const;
      const applyingResults = tx.$executeRawUnsafe(APPLY_RESULTS_SQL, ...range);
      applyingResults.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      // Node scores the next chunk (~0.1 s of one thread) while PostgreSQL applies this one: let the UPDATE reach
      // the server first, or the apply waits for that computation on every chunk.
      await new Promise<void>((resolve) => setImmediate(resolve));
      staging = stager.stageNext(rescore, chunkSize);
      staging.catch(() => undefined); // awaited by the next turn or the finally below
      const results = await applyingResults;
      lap('results');
      const scores = await tx.$executeRawUnsafe(APPLY_ACCOUNT_SCORES_SQL, ...range);
      // The trend's month row of each latest result carries its score too; earlier months (and account_score's
      // previous_score) belong to earlier results, which keep their version and score.
      await tx.$executeRawUnsafe(APPLY_PERIOD_SCORES_SQL, ...range);
      await tx.$executeRawUnsafe(DELETE_CHUNK_SQL, ...range);
      lap('accountScores');
      // Both counts must match: anything else means account_score moved under us, and the whole save must roll back.
      if (results !== chunk.rows || scores !== chunk.rows) {
        throw new Error(`Re-score wrote ${results} results and ${scores} latest scores for ${chunk.rows} accounts`);
      }
      rescored += chunk.rows;
    }
  } finally {
    // Whatever happened here, the chunk in flight on the second connection finishes (or fails) before it closes.
    await staging.catch(() => null);
    await stager.close();
  }
  // The chunks were read on the other connection: make sure they covered every latest score this transaction
  // sees (a connection that lost its organisation setting, say behind a transaction-mode pooler, reads nothing).
  const [latest] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM account_score WHERE organization_id = ${organizationId}::uuid`;
  if (latest?.n !== rescored) throw new Error(`Re-score covered ${rescored} of ${latest?.n} latest scores`);
  await tx.$executeRaw`SELECT set_config('app.portfolio_rollup_deferred', '', true), refresh_portfolio_rollups(${organizationId}::uuid)`;
  lap('rollups');
  options.onTimings?.(timings);
  return { rescored };
}

export interface RescoreOptions {
  /** Where the second (staging) connection goes: the same role as the transaction's (connectionStringOf). */
  connectionString?: string;
  /** Rows per UPDATE (tests use tiny chunks to fail "midway"). */
  chunkSize?: number;
  /**
   * Milliseconds spent per phase (the bench prints them): read = until the first chunk is requested, score = waiting
   * for staged chunks.
   */
  onTimings?: (timings: { read: number; score: number; results: number; accountScores: number; rollups: number }) => void;
}

/** The staging columns in the order of each line's fields, with their SQL types (the JSON ones last, see below). */
const STAGED_COLUMNS = [
  'assessment_id uuid', 'account_id uuid', 'score float8', 'gap float8', 'band band',
  ...COMPONENT_SLUGS.map((slug) => `gap_${slug} float8`), ...COMPONENT_SLUGS.map((slug) => `lever_${slug} float8`),
  'targets json', 'output json',
].map((column) => column.split(' ') as [name: string, type: string]);

/**
 * One text parameter per chunk, a line per row and a tab between fields (JSON never contains a raw tab or
 * newline), split in SQL once per line; '' is NULL. (split_part per field rescans the line from its start: with
 * the 1.2 kB output in the middle that cost more than the INSERT.)
 */
const STAGE_SQL = `
INSERT INTO rescore_staging (organization_id, batch_id, ${STAGED_COLUMNS.map(([name]) => name).join(', ')})
SELECT $1::uuid, $2::uuid, ${STAGED_COLUMNS.map(([, type], i) => `NULLIF(f[${i + 1}], '')::${type}`).join(', ')}
  FROM string_to_table($3::text, E'\\n') AS line, string_to_array(line, E'\\t') AS f`;

interface RescoredChunk {
  text: string;
  rows: number;
  firstAssessmentId: string;
  lastAssessmentId: string;
}

/**
 * Turns chunks of latest scores into re-scored STAGE_SQL text, each account with its segment's targets (one
 * JSON text per segment, made once).
 */
function rescoredChunk(configuration: ScoringConfiguration): (latest: LatestScores) => RescoredChunk {
  const targetsBySegment = new Map<string | null, { targets: ReturnType<typeof targetsForSegment>; json: string }>();
  return (latest) => {
    const lines = latest.assessmentIds.map((assessmentId, i) => {
      const segmentId = latest.segmentIds[i] ?? null;
      let segment = targetsBySegment.get(segmentId);
      if (segment === undefined) {
        const targets = targetsForSegment(configuration.targets, segmentId);
        segment = { targets, json: JSON.stringify(targets) };
        targetsBySegment.set(segmentId, segment);
      }
      const currents = {} as Record<ComponentSlug, number | null>;
      COMPONENT_SLUGS.forEach((slug, c) => (currents[slug] = latest.currents[c]![i] ?? null));
      const scored = scoreFromCurrents({ currents, targets: segment.targets, weights: configuration.weights, thresholds: configuration.thresholds });
      // confidence and unanswered come from the answers, which a configuration does not change: account_score
      // keeps the latest result's, so the output is complete here and the apply only copies it.
      const output: ScoreResult = {
        score: scored.score,
        gap: scored.gap,
        band: scored.band,
        components: scored.components,
        confidence: latest.confidences[i]!,
        unanswered: latest.unanswered[i]!,
      };
      const figure = (value: number | undefined) => (value === undefined ? '' : String(value));
      return [
        assessmentId, latest.accountIds[i]!, String(scored.score), String(scored.gap), scored.band,
        ...COMPONENT_SLUGS.map((slug) => figure(scored.components[slug]?.gap)),
        ...COMPONENT_SLUGS.map((slug) => figure(scored.components[slug]?.lever)),
        segment.json, JSON.stringify(output),
      ].join('\t');
    });
    return {
      text: lines.join('\n'),
      rows: lines.length,
      firstAssessmentId: latest.assessmentIds[0]!,
      lastAssessmentId: latest.assessmentIds.at(-1)!,
    };
  };
}

interface Stager {
  /**
   * Reads the next `limit` latest scores (assessment id order), re-scores them with `rescore`, inserts and commits
   * them; resolves to the chunk once visible to other transactions (null: no accounts left).
   */
  stageNext(rescore: (latest: LatestScores) => RescoredChunk, limit: number): Promise<RescoredChunk | null>;
  close(): Promise<void>;
}

/**
 * The second connection: same role, under the organisation's row-level security like withTenant (set for the
 * session, on a connection that is never pooled), each statement committed on its own. String(number) and JSON
 * numbers are the shortest text that reads back as the same double, and float8 input rounds correctly: every
 * figure arrives bit for bit. (COPY is refused on tables with row-level security.)
 *
 * Its reads see what is committed. The latest scores are what the save's transaction saw: that transaction holds
 * the organisation row, so no submission changes a latest result meanwhile (submissions take it FOR SHARE), and
 * its own uncommitted updates only touch chunks already read; if anything else moved a latest score, the apply's
 * row counts differ, and if a chunk was missed, the final count does: either way the save rolls back. An account
 * whose segment is edited during the save (that takes no organisation lock) is re-scored with the targets of the
 * segment it had when its chunk was read, as with the single read before the apply that this replaced.
 */
async function openStager(connectionString: string | undefined, organizationId: string, batchId: string): Promise<Stager> {
  if (!connectionString) throw new Error('The re-score needs the connection string of its Prisma client (connectionStringOf).');
  const client = new pg.Client({ connectionString });
  // A connection lost mid-save is reported by the query in flight (which fails the save); without a listener the
  // client's 'error' event would also crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    // work_mem: string_to_table materialises a chunk's text (~7 MB at 5,000 rows); with the default 4 MB it
    // spilled to a temporary file and was read back on the save's critical path. extra_float_digits: see
    // readLatestScoresChunk.
    await client.query(
      `SELECT set_config('app.org_id', $1, false), set_config('work_mem', '32MB', false), set_config('extra_float_digits', '3', false)`,
      [organizationId],
    );
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  let after: string | null = null;
  let readEverything = false;
  return {
    async stageNext(rescore, limit) {
      const latest = readEverything
        ? null
        : await readLatestScoresChunk((sql, values) => client.query(sql, values), organizationId, after, limit);
      // A short chunk is the last one.
      readEverything ||= latest === null || latest.assessmentIds.length < limit;
      if (latest === null || latest.assessmentIds.length === 0) {
        // Every chunk is staged, so this connection is idle while the transaction applies the last one: the time
        // to remove what saves that rolled back left behind. Not before the first chunk: until autovacuum has
        // run, the rows each chunk deleted are still on their pages, and this DELETE scans them (0.25 s over the
        // 20,000 pages one save and restore of 50,000 accounts leave).
        await client.query(CLEAN_UP_OTHER_BATCHES_SQL, [organizationId, batchId]);
        return null;
      }
      const chunk = rescore(latest);
      after = chunk.lastAssessmentId;
      await client.query(STAGE_SQL, [organizationId, batchId, chunk.text]);
      return chunk;
    },
    close: () => client.end().catch(() => undefined),
  };
}

const CLEAN_UP_OTHER_BATCHES_SQL = `DELETE FROM rescore_staging WHERE organization_id = $1::uuid AND batch_id <> $2::uuid`;

/** $1 organisation, $2 batch, $3 version, $4..$5 the chunk's first and last assessment id (uuid order). */
const STAGED_CHUNK = `st.organization_id = $1::uuid AND st.batch_id = $2::uuid AND st.assessment_id BETWEEN $4::uuid AND $5::uuid`;

const APPLY_RESULTS_SQL = `
UPDATE assessment_result r
   SET weight_config_version = $3::int, score = st.score, gap = st.gap, band = st.band, targets = st.targets::jsonb,
       output = st.output
  FROM rescore_staging st
 WHERE ${STAGED_CHUNK} AND r.organization_id = $1::uuid AND r.assessment_id = st.assessment_id`;

const APPLY_ACCOUNT_SCORES_SQL = (() => {
  const columns = [...COMPONENT_SLUGS.map((slug) => `gap_${slug}`), ...COMPONENT_SLUGS.map((slug) => `lever_${slug}`)];
  return `
UPDATE account_score s
   SET weight_config_version = $3::int, score = st.score, gap = st.gap, band = st.band,
       ${columns.map((column) => `${column} = st.${column}`).join(', ')}
  FROM rescore_staging st
 WHERE ${STAGED_CHUNK} AND s.organization_id = $1::uuid AND s.account_id = st.account_id AND s.assessment_id = st.assessment_id`;
})();

/** $3 is unused here; every statement of a chunk takes the same parameters. */
const APPLY_PERIOD_SCORES_SQL = `
UPDATE account_period_score p
   SET score = st.score
  FROM rescore_staging st
 WHERE ${STAGED_CHUNK} AND $3::int IS NOT NULL
   AND p.organization_id = $1::uuid AND p.assessment_id = st.assessment_id AND p.score IS DISTINCT FROM st.score`;

const DELETE_CHUNK_SQL = `DELETE FROM rescore_staging st WHERE ${STAGED_CHUNK} AND $3::int IS NOT NULL`;
