import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { DSCE_V1 } from '@/lib/framework';
import { scoreAssessment } from '@/lib/scoring';
import { SEGMENTS, initialWeights, targetsForSegment } from '../catalog';
import { daysBefore, QUARTER_DAYS } from '../periods';
import { createAnswerCodec } from './answer-codes';
import { copyInto } from './copy-into';
import { copyLine } from './copy-text';
import { generateLargeAccount, type LargeAccountContext } from './large-account';
import { csmCountFor, largePeople, ownerPools } from './large-people';
import { progressReporter } from './progress';
import { insertReferenceData } from './reference-data';

/**
 * Loads a synthetic organisation of `accounts` accounts with `assessments` scored assessments each, for load and
 * performance work. Set-based: the three big tables are streamed with COPY FROM STDIN through one pg connection,
 * all inside one transaction (a failed load leaves nothing behind).
 *
 * Three passes: accounts (generating every account's history and keeping its answers in a compact byte array),
 * then assessments, then results scored by lib/scoring — results must follow assessments because of their foreign
 * key, and regenerating or buffering half a million JSON documents would cost more than ~20 MB of codes.
 */

export interface SeedLargeOptions {
  accounts: number;
  assessments: number;
  /** Default `large-<accounts>`. */
  slug?: string;
  /** PRNG seed for the generated data (not the password); default 1. */
  seed?: number;
  now?: Date;
  onProgress?: (message: string) => void;
}

export interface SeedLargeSummary {
  organization: { id: string; name: string; slug: string };
  /** Shared by all of the organisation's users. */
  password: string;
  adminEmail: string;
  leaderEmail: string;
  csmCount: number;
  rowCounts: Record<string, number>;
  /** Milliseconds. `scoring` and `generation` are the Node CPU time inside the COPY phases. */
  timings: Record<'accounts' | 'assessments' | 'results' | 'generation' | 'scoring' | 'commit' | 'analyze' | 'total', number>;
}

export class SeedLargeError extends Error {
  override readonly name = 'SeedLargeError';
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ACCOUNT_COLUMNS = ['organization_id', 'id', 'name', 'external_id', 'segment_id', 'owner_user_id', 'journey_stage_id', 'arr', 'renewal_date', 'archived_at', 'created_at', 'updated_at'];
const ASSESSMENT_COLUMNS = ['organization_id', 'id', 'account_id', 'author_user_id', 'status', 'framework_version', 'answers', 'notes', 'submitted_at', 'created_at', 'updated_at'];
const RESULT_COLUMNS = ['organization_id', 'assessment_id', 'account_id', 'weight_config_version', 'targets', 'score', 'gap', 'confidence', 'band', 'output', 'submitted_at', 'created_at'];

function validate(options: SeedLargeOptions): Required<Omit<SeedLargeOptions, 'onProgress'>> {
  const { accounts, assessments } = options;
  if (!Number.isInteger(accounts) || accounts < 1) throw new SeedLargeError('accounts must be a positive integer');
  if (!Number.isInteger(assessments) || assessments < 1) throw new SeedLargeError('assessments must be a positive integer');
  const slug = options.slug ?? `large-${accounts}`;
  if (!SLUG_PATTERN.test(slug) || slug.length > 63) {
    throw new SeedLargeError(`slug '${slug}' must be lower-case letters, digits and single hyphens (at most 63 characters)`);
  }
  return { accounts, assessments, slug, seed: options.seed ?? 1, now: options.now ?? new Date() };
}

export async function seedLargeOrganization(connectionString: string, options: SeedLargeOptions): Promise<SeedLargeSummary> {
  const { accounts, assessments, slug, seed, now } = validate(options);
  const report = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const timings: SeedLargeSummary['timings'] = { accounts: 0, assessments: 0, results: 0, generation: 0, scoring: 0, commit: 0, analyze: 0, total: 0 };
  const since = (from: number) => performance.now() - from;

  const people = largePeople(slug, accounts, seed);
  const password = generatePassword();
  const passwordHash = await hashPassword(password); // once: every user of the organisation shares it
  const organizationName = `Load test ${accounts.toLocaleString('en')} × ${assessments}`;

  let organizationId = '';
  let rowCounts: Record<string, number> = {};
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('BEGIN');
    // One commit at the very end: not waiting for its WAL flush is safe (a crash just loses the whole load).
    await client.query('SET LOCAL synchronous_commit = off');
    await assertSlugFree(client, slug);
    const ref = await insertReferenceData(client, { name: organizationName, slug }, people, passwordHash, daysBefore(now, assessments * QUARTER_DAYS + 120));
    organizationId = ref.organizationId;
    const csmUserIds = ref.userIds.slice(2);
    const ctx: LargeAccountContext = { framework: DSCE_V1, now, assessments, ownerPools: ownerPools(csmCountFor(accounts)) };

    // Pass 1: accounts, keeping what the later passes need in flat arrays.
    const codec = createAnswerCodec(DSCE_V1);
    const total = accounts * assessments;
    const accountIds: string[] = new Array<string>(accounts);
    const authorIds: string[] = new Array<string>(accounts);
    const accountSegment = new Uint8Array(accounts);
    const assessmentIds: string[] = new Array<string>(total);
    const answerCodes = new Uint8Array(total * codec.questionCount);
    const submittedAt = new Float64Array(total);
    const createdAt = new Float64Array(total);

    let phase = performance.now();
    const accountTick = progressReporter('accounts', accounts, report);
    const accountRows = copyInto(client, 'account', ACCOUNT_COLUMNS, (function* () {
      for (let a = 0; a < accounts; a += 1) {
        const t0 = performance.now();
        const account = generateLargeAccount(seed, a, accounts, ctx);
        const id = randomUUID();
        accountIds[a] = id;
        authorIds[a] = csmUserIds[account.ownerCsm] as string;
        accountSegment[a] = account.segmentIndex;
        account.assessments.forEach((assessment, j) => {
          const k = a * assessments + j;
          assessmentIds[k] = randomUUID();
          codec.encode(assessment.answers, answerCodes, k * codec.questionCount);
          submittedAt[k] = assessment.submittedAt.getTime();
          createdAt[k] = assessment.createdAt.getTime();
        });
        const line = copyLine([
          organizationId, id, account.name, account.externalId, ref.segmentIds[account.segmentIndex] as string,
          authorIds[a] as string, ref.stageIds[account.stageIndex] as string, account.arr.toFixed(2),
          account.renewalDate.toISOString().slice(0, 10), account.archivedAt?.toISOString() ?? null,
          account.createdAt.toISOString(), (account.archivedAt ?? account.createdAt).toISOString(),
        ]);
        timings.generation += performance.now() - t0;
        yield line;
        accountTick(a + 1);
      }
    })());
    rowCounts = { ...ref.rowCounts, account: await accountRows };
    timings.accounts = since(phase);

    // Pass 2: assessments.
    phase = performance.now();
    const assessmentTick = progressReporter('assessments', total, report);
    rowCounts.assessment = await copyInto(client, 'assessment', ASSESSMENT_COLUMNS, (function* () {
      for (let k = 0; k < total; k += 1) {
        const a = Math.floor(k / assessments);
        const submitted = new Date(submittedAt[k] as number).toISOString();
        yield copyLine([
          organizationId, assessmentIds[k] as string, accountIds[a] as string, authorIds[a] as string, 'SUBMITTED',
          DSCE_V1.version, codec.toJson(answerCodes, k * codec.questionCount), '{}', submitted,
          new Date(createdAt[k] as number).toISOString(), submitted,
        ]);
        assessmentTick(k + 1);
      }
    })());
    timings.assessments = since(phase);

    // Pass 3: results, scored exactly as the app scores a submission (segment targets, weights v1, org thresholds).
    phase = performance.now();
    const weights = initialWeights();
    const segmentTargets = SEGMENTS.map((segment) => targetsForSegment(segment));
    const segmentTargetsJson = segmentTargets.map((targets) => JSON.stringify(targets));
    const resultTick = progressReporter('results', total, report);
    rowCounts.assessment_result = await copyInto(client, 'assessment_result', RESULT_COLUMNS, (function* () {
      for (let k = 0; k < total; k += 1) {
        const a = Math.floor(k / assessments);
        const segment = accountSegment[a] as number;
        const t0 = performance.now();
        const output = scoreAssessment({
          framework: DSCE_V1,
          answers: codec.decode(answerCodes, k * codec.questionCount),
          targets: segmentTargets[segment],
          weights,
          thresholds: ref.thresholds,
        });
        const outputJson = JSON.stringify(output);
        timings.scoring += performance.now() - t0;
        const submitted = new Date(submittedAt[k] as number).toISOString();
        yield copyLine([
          organizationId, assessmentIds[k] as string, accountIds[a] as string, 1, segmentTargetsJson[segment] as string,
          output.score, output.gap, output.confidence, output.band, outputJson, submitted, submitted,
        ]);
        resultTick(k + 1);
      }
    })());
    timings.results = since(phase);

    phase = performance.now();
    await client.query('COMMIT');
    timings.commit = since(phase);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
    if (isUniqueViolation(error, 'organization_slug_key')) throw slugTaken(slug);
    throw error;
  }

  try {
    // Fresh statistics, so the first portfolio queries after the load get sensible plans.
    const phase = performance.now();
    await client.query('ANALYZE "account", "assessment", "assessment_result"');
    timings.analyze = since(phase);
  } finally {
    await client.end();
  }
  timings.total = since(started);
  return {
    organization: { id: organizationId, name: organizationName, slug },
    password,
    adminEmail: people[0]?.email ?? '',
    leaderEmail: people[1]?.email ?? '',
    csmCount: people.length - 2,
    rowCounts,
    timings,
  };
}

function slugTaken(slug: string): SeedLargeError {
  return new SeedLargeError(`An organisation with slug '${slug}' already exists; choose another with --org-slug.`);
}

async function assertSlugFree(client: pg.Client, slug: string): Promise<void> {
  const taken = await client.query('SELECT 1 FROM "organization" WHERE slug = $1', [slug]);
  if (taken.rowCount) throw slugTaken(slug);
  const users = await client.query('SELECT count(*)::int AS n FROM "user" WHERE email LIKE $1', [`%@${slug}.example`]);
  if ((users.rows[0] as { n: number } | undefined)?.n) {
    throw new SeedLargeError(`Users with @${slug}.example emails already exist (left from an earlier load?); choose another slug.`);
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === constraint;
}
