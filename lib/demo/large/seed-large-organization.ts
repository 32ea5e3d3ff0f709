import { REBUILD_ACCOUNT_PERIOD_SCORES_SQL, REBUILD_ACCOUNT_SCORES_SQL } from '@/lib/db/account-score-sql';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { DSCE_V1 } from '@/lib/framework';
import { daysBefore, QUARTER_DAYS } from '../periods';
import { createAnswerCodec } from './answer-codes';
import { csmCountFor, largePeople, ownerPools } from './large-people';
import { copyAccounts, copyAssessments, copyResults, type LoadContext } from './load-passes';
import { insertReferenceData } from './reference-data';

/**
 * Loads a synthetic organisation of `accounts` accounts with `assessments` scored assessments each, for load and
 * performance work. Set-based: the three big tables are streamed with COPY FROM STDIN through one pg connection
 * (not Prisma), all in one transaction, so a failed load leaves nothing behind. Results follow assessments (their
 * foreign key needs them), so answers are kept as compact codes between the two passes (see load-passes.ts).
 */

export interface SeedLargeOptions {
  accounts: number;
  assessments: number;
  /** Default `large-<accounts>`. */
  slug?: string;
  /** PRNG seed of the generated data (never of the password); default 1. */
  seed?: number;
  now?: Date;
  onProgress?: (message: string) => void;
}

export type SeedLargePhase = 'setup' | 'accounts' | 'assessments' | 'results' | 'latest' | 'periods' | 'rollups' | 'commit' | 'vacuum';

export interface SeedLargeSummary {
  organization: { id: string; name: string; slug: string };
  /** Shared by all of the organisation's users. */
  password: string;
  adminEmail: string;
  leaderEmail: string;
  csmCount: number;
  rowCounts: Record<string, number>;
  /**
   * Wall time of each phase in milliseconds; `generation` and `scoring` are the Node CPU time spent inside the
   * COPY phases (PostgreSQL ingests concurrently).
   */
  timings: Record<SeedLargePhase | 'total' | 'generation' | 'scoring', number>;
}

export class SeedLargeError extends Error {
  override readonly name = 'SeedLargeError';
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

export async function seedLargeOrganization(
  connectionString: string,
  options: SeedLargeOptions,
): Promise<SeedLargeSummary> {
  const { accounts, assessments, slug, seed, now } = validate(options);
  const report = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const timings: SeedLargeSummary['timings'] = {
    setup: 0, accounts: 0, assessments: 0, results: 0, latest: 0, periods: 0, rollups: 0, commit: 0, vacuum: 0, total: 0, generation: 0, scoring: 0,
  };
  const timed = async <T>(phase: SeedLargePhase, work: () => Promise<T>): Promise<T> => {
    const from = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] = performance.now() - from;
    }
  };

  const people = largePeople(slug, accounts, seed);
  const password = generatePassword();
  const passwordHash = await hashPassword(password); // once: every user of the organisation shares it
  const organization = { id: '', name: `Load test ${accounts.toLocaleString('en')} × ${assessments}`, slug };
  const rowCounts: Record<string, number> = {};

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('BEGIN');
    // One commit at the very end: not waiting for its WAL flush is safe (a crash simply loses the whole load).
    await client.query('SET LOCAL synchronous_commit = off');
    // The portfolio rollups are computed once after the load, not by each COPY's triggers.
    await client.query(`SELECT set_config('app.portfolio_rollup_deferred', 'on', true)`);
    const ref = await timed('setup', async () => {
      await assertCanCopy(client);
      await assertSlugFree(client, slug);
      organization.id = randomUUID();
      await client.query(`SELECT set_config('app.org_id', $1, true)`, [organization.id]);
      const createdAt = daysBefore(now, (assessments + 2) * QUARTER_DAYS); // before every account
      return insertReferenceData(client, organization, people, passwordHash, createdAt);
    });
    Object.assign(rowCounts, ref.rowCounts);

    const cpu = { generation: 0, scoring: 0 };
    const load: LoadContext = {
      client,
      organizationId: ref.organizationId,
      segmentIds: ref.segmentIds,
      stageIds: ref.stageIds,
      csmUserIds: ref.userIds.filter((_, i) => people[i]?.role === 'CSM'),
      thresholds: ref.thresholds,
      seed,
      accounts,
      generation: { framework: DSCE_V1, now, assessments, ownerPools: ownerPools(csmCountFor(accounts)) },
      codec: createAnswerCodec(DSCE_V1),
      report,
      cpu,
    };
    const loadedAccounts = await timed('accounts', () => copyAccounts(load));
    rowCounts.account = loadedAccounts.rows;
    const loadedAssessments = await timed('assessments', () => copyAssessments(load, loadedAccounts.accounts));
    rowCounts.assessment = loadedAssessments.rows;
    rowCounts.assessment_result = await timed('results', () =>
      copyResults(load, loadedAccounts.accounts, loadedAssessments.assessments),
    );
    // A brand-new organisation: nothing to clear first.
    const latest = await timed('latest', () => client.query(REBUILD_ACCOUNT_SCORES_SQL, [organization.id]));
    rowCounts.account_score = latest.rowCount ?? 0;
    const periods = await timed('periods', () => client.query(REBUILD_ACCOUNT_PERIOD_SCORES_SQL, [organization.id]));
    rowCounts.account_period_score = periods.rowCount ?? 0;
    await timed('rollups', () => client.query('SELECT refresh_portfolio_rollups($1::uuid)', [organization.id]));
    await timed('commit', () => client.query('COMMIT'));
    timings.generation = cpu.generation;
    timings.scoring = cpu.scoring;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
    if (isUniqueViolation(error, 'organization_slug_key')) throw slugTaken(slug);
    throw error;
  }

  try {
    report('vacuuming and analyzing the loaded tables…');
    // Fresh planner statistics, so the first portfolio queries after the load get sensible plans; and the
    // visibility map and hint bits set now, not by autovacuum working through ~2 GB of new pages while the first
    // benchmarks run (it took a first re-score from ~8 s to 10–12.6 s; docs/benchmarks.md).
    await timed('vacuum', () => client.query('VACUUM (ANALYZE) "account", "assessment", "assessment_result", "account_score", "account_period_score", "portfolio_group_score", "portfolio_group_period_score", "portfolio_arr_score", "portfolio_arr_period_score", "portfolio_renewal_score", "portfolio_renewal_period_score", "account_renewal_risk"'));
  } finally {
    await client.end();
  }
  timings.total = performance.now() - started;
  return {
    organization,
    password,
    adminEmail: people[0]?.email ?? '',
    leaderEmail: people[1]?.email ?? '',
    csmCount: people.filter((p) => p.role === 'CSM').length,
    rowCounts,
    timings,
  };
}

/** PostgreSQL refuses COPY FROM into tables with row-level security for roles it applies to. */
async function assertCanCopy(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ bypasses: boolean }>(
    'SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user',
  );
  if (rows[0]?.bypasses !== true) {
    throw new SeedLargeError(
      'seed:large loads with COPY, which PostgreSQL refuses on row-level-secured tables for roles subject to the ' +
        'policies. Connect as a superuser or a BYPASSRLS role (MIGRATION_DATABASE_URL), or use the embedded database.',
    );
  }
}

function slugTaken(slug: string): SeedLargeError {
  return new SeedLargeError(`An organisation with slug '${slug}' already exists; choose another with --org-slug.`);
}

async function assertSlugFree(client: pg.Client, slug: string): Promise<void> {
  const taken = await client.query('SELECT 1 FROM "organization" WHERE slug = $1', [slug]);
  if (taken.rowCount) throw slugTaken(slug);
  const users = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "user" WHERE email LIKE $1', [
    `%@${slug}.example`,
  ]);
  if (users.rows[0]?.n) {
    throw new SeedLargeError(
      `Users with @${slug}.example emails already exist (left from an earlier load?); choose another slug.`,
    );
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === constraint;
}
