import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DSCE_V1 } from '@/lib/framework';
import { scoreAssessment, type Thresholds } from '@/lib/scoring';
import { SEGMENTS, initialWeights, targetsForSegment } from '../catalog';
import type { AnswerCodec } from './answer-codes';
import { copyInto } from './copy-into';
import { copyLine } from './copy-text';
import { generateLargeAccount, generateLargeHistory, type LargeAccountContext } from './large-account';
import { progressReporter } from './progress';

/**
 * The three COPY passes of a large load. Between passes, only flat arrays survive (ids, segment per account, answer
 * codes and submission times per assessment): ~100 bytes per assessment instead of row objects.
 *
 * Ids are crypto.randomUUID()s, sorted before they are handed out in row order: every index of the three tables
 * ((org, id), (org, account_id, submitted_at), …) then grows at its right edge instead of at random pages, which
 * keeps the B-trees in cache and halves the write-ahead log.
 */

export interface LoadContext {
  client: pg.Client;
  organizationId: string;
  segmentIds: readonly string[];
  stageIds: readonly string[];
  csmUserIds: readonly string[];
  thresholds: Thresholds;
  seed: number;
  accounts: number;
  generation: LargeAccountContext;
  codec: AnswerCodec;
  report: (message: string) => void;
  /** Node CPU time spent generating data and scoring, accumulated in milliseconds. */
  cpu: { generation: number; scoring: number };
}

export interface LoadedAccounts {
  ids: string[];
  authorIds: string[];
  segment: Uint8Array;
  /** Days before now the account was archived; -1 when it is not. */
  archivedDaysBack: Int16Array;
}

export interface LoadedAssessments {
  ids: string[];
  answerCodes: Uint8Array;
  submittedAt: Float64Array;
}

export function sortedUuids(count: number): string[] {
  // Lower-case hex compares as strings in the same order as PostgreSQL compares the uuid bytes.
  return Array.from({ length: count }, () => randomUUID()).sort();
}

const ACCOUNT_COLUMNS = [
  'organization_id', 'id', 'name', 'external_id', 'segment_id', 'owner_user_id', 'journey_stage_id', 'arr',
  'renewal_date', 'archived_at', 'created_at', 'updated_at',
];
const ASSESSMENT_COLUMNS = [
  'organization_id', 'id', 'account_id', 'author_user_id', 'status', 'framework_version', 'answers', 'notes',
  'submitted_at', 'created_at', 'updated_at',
];
const RESULT_COLUMNS = [
  'organization_id', 'assessment_id', 'account_id', 'weight_config_version', 'targets', 'score', 'gap', 'confidence',
  'band', 'output', 'submitted_at', 'created_at',
];

export async function copyAccounts(load: LoadContext): Promise<{ rows: number; accounts: LoadedAccounts }> {
  const { accounts: count } = load;
  const accounts: LoadedAccounts = {
    ids: sortedUuids(count),
    authorIds: new Array<string>(count),
    segment: new Uint8Array(count),
    archivedDaysBack: new Int16Array(count),
  };
  const tick = progressReporter('accounts', count, load.report);
  const rows = await copyInto(load.client, 'account', ACCOUNT_COLUMNS, (function* () {
    for (let a = 0; a < count; a += 1) {
      const started = performance.now();
      const account = generateLargeAccount(load.seed, a, count, load.generation);
      const owner = load.csmUserIds[account.ownerCsm] as string;
      accounts.authorIds[a] = owner;
      accounts.segment[a] = account.segmentIndex;
      accounts.archivedDaysBack[a] = account.archivedDaysBack ?? -1;
      const line = copyLine([
        load.organizationId, accounts.ids[a] as string, account.name, account.externalId,
        load.segmentIds[account.segmentIndex] as string, owner, load.stageIds[account.stageIndex] as string,
        account.arr.toFixed(2), account.renewalDate.toISOString().slice(0, 10), account.archivedAt?.toISOString() ?? null,
        account.createdAt.toISOString(), (account.archivedAt ?? account.createdAt).toISOString(),
      ]);
      load.cpu.generation += performance.now() - started;
      yield line;
      tick(a + 1);
    }
  })());
  return { rows, accounts };
}

/** Generates each account's history while its assessments stream, keeping the answers as codes for scoring. */
export async function copyAssessments(
  load: LoadContext,
  accounts: LoadedAccounts,
): Promise<{ rows: number; assessments: LoadedAssessments }> {
  const perAccount = load.generation.assessments;
  const total = load.accounts * perAccount;
  const { codec } = load;
  const assessments: LoadedAssessments = {
    ids: sortedUuids(total),
    answerCodes: new Uint8Array(total * codec.questionCount),
    submittedAt: new Float64Array(total),
  };
  const tick = progressReporter('assessments', total, load.report);
  const rows = await copyInto(load.client, 'assessment', ASSESSMENT_COLUMNS, (function* () {
    for (let a = 0; a < load.accounts; a += 1) {
      const started = performance.now();
      const archived = accounts.archivedDaysBack[a] as number;
      const history = generateLargeHistory(
        load.seed,
        a,
        { segmentIndex: accounts.segment[a] as number, archivedDaysBack: archived < 0 ? null : archived },
        load.generation,
      );
      let lines = '';
      history.forEach((assessment, j) => {
        const k = a * perAccount + j;
        const offset = k * codec.questionCount;
        codec.encode(assessment.answers, assessments.answerCodes, offset);
        assessments.submittedAt[k] = assessment.submittedAt.getTime();
        const submitted = assessment.submittedAt.toISOString();
        lines += copyLine([
          load.organizationId, assessments.ids[k] as string, accounts.ids[a] as string, accounts.authorIds[a] as string,
          'SUBMITTED', DSCE_V1.version, codec.toJson(assessments.answerCodes, offset), '{}', submitted,
          assessment.createdAt.toISOString(), submitted,
        ]);
      });
      load.cpu.generation += performance.now() - started;
      yield lines;
      tick((a + 1) * perAccount);
    }
  })());
  return { rows, assessments };
}

/**
 * Scores every assessment exactly as the app scores a submission: segment targets, weights v1, org thresholds.
 * Rows go in in submission order, as a live database receives them, so that each account's latest result sits
 * among the other recent ones instead of beside its own history: which pages a re-score rewrites (and, after
 * each checkpoint, copies whole into the write-ahead log) depends on that layout (docs/benchmarks.md).
 */
export async function copyResults(
  load: LoadContext,
  accounts: LoadedAccounts,
  assessments: LoadedAssessments,
): Promise<number> {
  const perAccount = load.generation.assessments;
  const total = load.accounts * perAccount;
  const { codec } = load;
  const weights = initialWeights();
  const segmentTargets = SEGMENTS.map((segment) => targetsForSegment(segment));
  const segmentTargetsJson = segmentTargets.map((targets) => JSON.stringify(targets));
  const tick = progressReporter('results', total, load.report);
  const submissionOrder = Uint32Array.from({ length: total }, (_, k) => k).sort(
    (x, y) => (assessments.submittedAt[x] as number) - (assessments.submittedAt[y] as number) || x - y,
  );
  return copyInto(load.client, 'assessment_result', RESULT_COLUMNS, (function* () {
    for (let n = 0; n < total; n += 1) {
      const k = submissionOrder[n] as number;
      const a = Math.floor(k / perAccount);
      const segment = accounts.segment[a] as number;
      const started = performance.now();
      const output = scoreAssessment({
        framework: DSCE_V1,
        answers: codec.decode(assessments.answerCodes, k * codec.questionCount),
        targets: segmentTargets[segment],
        weights,
        thresholds: load.thresholds,
      });
      const outputJson = JSON.stringify(output);
      load.cpu.scoring += performance.now() - started;
      const submitted = new Date(assessments.submittedAt[k] as number).toISOString();
      yield copyLine([
        load.organizationId, assessments.ids[k] as string, accounts.ids[a] as string, 1,
        segmentTargetsJson[segment] as string, output.score, output.gap, output.confidence, output.band, outputJson,
        submitted, submitted,
      ]);
      tick(n + 1);
    }
  })());
}
