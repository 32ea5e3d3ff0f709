import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { scoreFromCurrents, type ScoreResult } from '@/lib/scoring';
import { targetsForSegment, type ScoringConfiguration } from './configuration-snapshot';
import { readLatestScores, type LatestScores } from './read-latest-scores';

/** Rows per UPDATE: large enough to be set-based, small enough that each statement's arrays stay modest. */
export const RESCORE_CHUNK_SIZE = 5_000;

/**
 * Re-scores the latest submitted result of every account (the one account_score points at) with `configuration`
 * — each account with its current segment's targets — and marks it with `version`, inside the caller's
 * transaction. Earlier results keep the version they were scored with. The arithmetic is lib/scoring's
 * scoreFromCurrents (the function scoreAssessment itself derives from), fed the stored component currents; the
 * writes are set-based, chunk by chunk: `assessment_result` (score, gap, band, targets, output) and then
 * `account_score` (score, gap, band, per-component gap and lever, version). Confidence is unchanged.
 *
 * This is the one place a configuration change touches scores: anything else derived from the latest scores
 * belongs here too, in the same transaction (today: the month rows of account_period_score).
 */
export async function rescoreLatestResults(
  tx: Tx,
  organizationId: string,
  configuration: ScoringConfiguration,
  version: number,
  options: RescoreOptions = {},
): Promise<{ rescored: number }> {
  const timings = { read: 0, score: 0, results: 0, accountScores: 0 };
  let started = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - started;
    started = now;
  };
  const latest = await readLatestScores(tx, organizationId);
  lap('read');
  const chunkSize = options.chunkSize ?? RESCORE_CHUNK_SIZE;
  for (let start = 0; start < latest.accountIds.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, latest.accountIds.length);
    const chunk = rescoreRange(latest, configuration, start, end);
    lap('score');
    await writeChunk(tx, organizationId, version, chunk, lap);
  }
  // The trend's month row of each latest result carries its score too; earlier months (and account_score's
  // previous_score) belong to earlier results, which keep their version and score.
  await tx.$executeRawUnsafe(UPDATE_PERIOD_SCORES_SQL, organizationId);
  lap('accountScores');
  options.onTimings?.(timings);
  return { rescored: latest.accountIds.length };
}

export interface RescoreOptions {
  /** Rows per UPDATE (tests use tiny chunks to fail "midway"). */
  chunkSize?: number;
  /** Milliseconds spent per phase (the bench prints them). */
  onTimings?: (timings: { read: number; score: number; results: number; accountScores: number }) => void;
}

interface RescoredChunk {
  accountIds: string[];
  assessmentIds: string[];
  scores: number[];
  gaps: number[];
  bands: string[];
  targets: string[];
  outputs: string[];
  componentGaps: (number | null)[][];
  componentLevers: (number | null)[][];
}

function rescoreRange(latest: LatestScores, configuration: ScoringConfiguration, start: number, end: number): RescoredChunk {
  const chunk: RescoredChunk = {
    accountIds: [], assessmentIds: [], scores: [], gaps: [], bands: [], targets: [], outputs: [],
    componentGaps: COMPONENT_SLUGS.map(() => []),
    componentLevers: COMPONENT_SLUGS.map(() => []),
  };
  const targetsBySegment = new Map<string | null, ReturnType<typeof targetsForSegment>>();
  for (let i = start; i < end; i += 1) {
    const segmentId = latest.segmentIds[i] ?? null;
    let targets = targetsBySegment.get(segmentId);
    if (targets === undefined) {
      targets = targetsForSegment(configuration.targets, segmentId);
      targetsBySegment.set(segmentId, targets);
    }
    const currents = {} as Record<ComponentSlug, number | null>;
    COMPONENT_SLUGS.forEach((slug, c) => (currents[slug] = latest.currents[c]![i] ?? null));
    const scored = scoreFromCurrents({ currents, targets, weights: configuration.weights, thresholds: configuration.thresholds });
    // confidence and unanswered come from the answers, which a configuration does not change: the UPDATE keeps
    // the stored ones (reading them here would mean visiting 50,000 result rows twice).
    const output: Omit<ScoreResult, 'confidence' | 'unanswered'> = {
      score: scored.score,
      gap: scored.gap,
      band: scored.band,
      components: scored.components,
    };
    chunk.accountIds.push(latest.accountIds[i]!);
    chunk.assessmentIds.push(latest.assessmentIds[i]!);
    chunk.scores.push(scored.score);
    chunk.gaps.push(scored.gap);
    chunk.bands.push(scored.band);
    chunk.targets.push(JSON.stringify(targets));
    chunk.outputs.push(JSON.stringify(output));
    COMPONENT_SLUGS.forEach((slug, c) => {
      chunk.componentGaps[c]!.push(scored.components[slug]?.gap ?? null);
      chunk.componentLevers[c]!.push(scored.components[slug]?.lever ?? null);
    });
  }
  return chunk;
}

const UPDATE_RESULTS_SQL = `
UPDATE assessment_result r
   SET weight_config_version = $2, score = u.score, gap = u.gap, band = u.band::band, targets = u.targets,
       output = u.output || jsonb_build_object('confidence', r.output->'confidence',
                                               'unanswered', COALESCE(r.output->'unanswered', '0'::jsonb))
  FROM unnest($3::uuid[], $4::float8[], $5::float8[], $6::text[], $7::jsonb[], $8::jsonb[])
       AS u(assessment_id, score, gap, band, targets, output)
 WHERE r.organization_id = $1::uuid AND r.assessment_id = u.assessment_id`;

const UPDATE_PERIOD_SCORES_SQL = `
UPDATE account_period_score p
   SET score = s.score
  FROM account_score s
 WHERE s.organization_id = $1::uuid AND p.organization_id = $1::uuid
   AND p.account_id = s.account_id AND p.assessment_id = s.assessment_id AND p.score IS DISTINCT FROM s.score`;

const componentColumns = (kind: 'gap' | 'lever') => COMPONENT_SLUGS.map((slug) => `${kind}_${slug}`);
const COMPONENT_ARRAY_OFFSET = 7;
const UPDATE_ACCOUNT_SCORES_SQL = (() => {
  const columns = [...componentColumns('gap'), ...componentColumns('lever')];
  const arrays = columns.map((_, i) => `$${COMPONENT_ARRAY_OFFSET + i}::float8[]`);
  return `
UPDATE account_score s
   SET weight_config_version = $2, score = u.score, gap = u.gap, band = u.band::band,
       ${columns.map((column) => `${column} = u.${column}`).join(', ')}
  FROM unnest($3::uuid[], $4::uuid[], $5::float8[], $6::float8[], $${COMPONENT_ARRAY_OFFSET + columns.length}::text[], ${arrays.join(', ')})
       AS u(account_id, assessment_id, score, gap, band, ${columns.join(', ')})
 WHERE s.organization_id = $1::uuid AND s.account_id = u.account_id AND s.assessment_id = u.assessment_id`;
})();

async function writeChunk(
  tx: Tx,
  organizationId: string,
  version: number,
  chunk: RescoredChunk,
  lap: (phase: 'results' | 'accountScores') => void,
): Promise<void> {
  const results = await tx.$executeRawUnsafe(
    UPDATE_RESULTS_SQL, organizationId, version, chunk.assessmentIds, chunk.scores, chunk.gaps, chunk.bands, chunk.targets,
    chunk.outputs,
  );
  lap('results');
  const scores = await tx.$executeRawUnsafe(
    UPDATE_ACCOUNT_SCORES_SQL, organizationId, version, chunk.accountIds, chunk.assessmentIds, chunk.scores, chunk.gaps,
    ...chunk.componentGaps, ...chunk.componentLevers, chunk.bands,
  );
  lap('accountScores');
  // Both counts must match: anything else means account_score moved under us, and the whole save must roll back.
  if (results !== chunk.assessmentIds.length || scores !== chunk.assessmentIds.length) {
    throw new Error(`Re-score wrote ${results} results and ${scores} latest scores for ${chunk.assessmentIds.length} accounts`);
  }
}
