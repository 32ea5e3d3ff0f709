import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { parseSeedLargeArgs, SeedLargeArgsError } from '@/lib/demo/large/seed-large-args';
import { seedLargeOrganization, SeedLargeError, type SeedLargeSummary } from '@/lib/demo/large/seed-large-organization';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, getFramework, type Answer, type ComponentSlug } from '@/lib/framework';
import { scoreAssessment } from '@/lib/scoring';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The COPY-based synthetic loader at a small size: exact row counts and results equal to lib/scoring's. */

const NOW = new Date('2026-11-25T12:00:00.000Z');
const DAY = 86_400_000;
const ACCOUNTS = 200;
const ASSESSMENTS = 3;

let db: TestDatabase;
let summary: SeedLargeSummary;

beforeAll(async () => {
  db = await createTestDatabase();
  summary = await seedLargeOrganization(db.url, { accounts: ACCOUNTS, assessments: ASSESSMENTS, slug: 'large-test', seed: 7, now: NOW });
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('seedLargeOrganization', () => {
  it('creates exactly the requested rows, and reports the same counts', async () => {
    const organizationId = summary.organization.id;
    const count = async (table: string) =>
      Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE organization_id = $1`, [organizationId]))[0]?.n);
    expect(summary.csmCount).toBe(1); // 200 / 1,250 rounds to 0: at least one
    const expected = {
      account: ACCOUNTS,
      assessment: ACCOUNTS * ASSESSMENTS,
      assessment_result: ACCOUNTS * ASSESSMENTS,
      membership: 2 + summary.csmCount,
      segment: 3,
      journey_stage: 5,
      weight_config: 1,
      target: summary.rowCounts.target ?? -1,
      audit_event: 2,
    };
    for (const [table, rows] of Object.entries(expected)) {
      expect.soft(await count(table), table).toBe(rows);
      expect.soft(summary.rowCounts[table], table).toBe(rows);
    }
    expect(summary.rowCounts.target).toBeGreaterThan(8);
    const perAccount = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM assessment WHERE organization_id = $1 GROUP BY account_id`,
      [organizationId],
    );
    expect(perAccount.every((row) => row.n === ASSESSMENTS)).toBe(true);
  });

  it('spreads each account’s assessments over the past quarters, the latest within 90 days', async () => {
    const rows = await query<{ account_id: string; submitted_at: Date; status: string; answers: Record<string, Answer>; author_user_id: string; owner_user_id: string }>(
      `SELECT s.account_id, s.submitted_at, s.status, s.answers, s.author_user_id, a.owner_user_id
       FROM assessment s JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id
       WHERE s.organization_id = $1`,
      [summary.organization.id],
    );
    const quartersByAccount = new Map<string, number[]>();
    for (const row of rows) {
      expect(row.status).toBe('SUBMITTED');
      expect(row.author_user_id).toBe(row.owner_user_id);
      expect(Object.keys(row.answers).sort()).toEqual(allQuestionIds(DSCE_V1).sort());
      const quarter = Math.floor((NOW.getTime() - row.submitted_at.getTime()) / (91 * DAY));
      quartersByAccount.set(row.account_id, [...(quartersByAccount.get(row.account_id) ?? []), quarter]);
    }
    for (const quarters of quartersByAccount.values()) expect(quarters.sort()).toEqual([0, 1, 2]);
    const values = rows.flatMap((row) => Object.values(row.answers));
    expect(values).toContain('unknown');
    expect(values).toContain('na');
    expect(new Set(values.filter((v) => typeof v === 'number')).size).toBe(5);
  });

  it('stores results equal to scoreAssessment recomputed from the stored answers, targets and weights', async () => {
    const [organization] = await query<{ band_desired: number; band_engaged: number; band_at_risk: number }>(
      'SELECT band_desired, band_engaged, band_at_risk FROM organization WHERE id = $1',
      [summary.organization.id],
    );
    const thresholds = { desired: organization!.band_desired, engaged: organization!.band_engaged, atRisk: organization!.band_at_risk };
    const targets = await query<{ segment_id: string | null; component: ComponentSlug; value: number }>(
      'SELECT segment_id, component::text AS component, value FROM target WHERE organization_id = $1',
      [summary.organization.id],
    );
    const rows = await query<{
      answers: Record<string, Answer>; framework_version: string; segment_id: string; weights: Record<ComponentSlug, number>;
      targets: Record<ComponentSlug, number>; output: unknown; score: number; gap: number; confidence: number; band: string;
      result_submitted_at: Date; submitted_at: Date;
    }>(
      `SELECT s.answers, s.framework_version, a.segment_id, w.weights, r.targets, r.output, r.score, r.gap, r.confidence,
              r.band::text AS band, r.submitted_at AS result_submitted_at, s.submitted_at
       FROM assessment_result r
       JOIN assessment s ON s.organization_id = r.organization_id AND s.id = r.assessment_id AND s.account_id = r.account_id
       JOIN account a ON a.organization_id = r.organization_id AND a.id = r.account_id
       JOIN weight_config w ON w.organization_id = r.organization_id AND w.version = r.weight_config_version
       WHERE r.organization_id = $1`,
      [summary.organization.id],
    );
    expect(rows).toHaveLength(ACCOUNTS * ASSESSMENTS);
    const bands = new Set<string>();
    for (const row of rows) {
      const expectedTargets = Object.fromEntries(
        COMPONENT_SLUGS.map((slug) => {
          const override = targets.find((t) => t.segment_id === row.segment_id && t.component === slug);
          return [slug, (override ?? targets.find((t) => t.segment_id === null && t.component === slug))!.value];
        }),
      );
      expect(row.targets).toEqual(expectedTargets);
      const recomputed = scoreAssessment({
        framework: getFramework(row.framework_version),
        answers: row.answers,
        targets: expectedTargets,
        weights: row.weights,
        thresholds,
      });
      expect(row.output).toEqual(recomputed);
      expect([row.score, row.gap, row.confidence, row.band]).toEqual([recomputed.score, recomputed.gap, recomputed.confidence, recomputed.band]);
      expect(row.result_submitted_at).toEqual(row.submitted_at);
      bands.add(row.band);
    }
    expect(bands.size).toBeGreaterThanOrEqual(3);
  });

  it('gives every user the one printed password', async () => {
    const users = await query<{ email: string; password_hash: string }>(
      `SELECT u.email, u.password_hash FROM "user" u JOIN membership m ON m.user_id = u.id WHERE m.organization_id = $1`,
      [summary.organization.id],
    );
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining([summary.adminEmail, summary.leaderEmail]));
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    await expect(verifyPassword(users[0]!.password_hash, summary.password)).resolves.toBe(true);
  });

  it('refuses an existing slug and leaves the database unchanged', async () => {
    const before = await query<{ n: string }>('SELECT count(*) AS n FROM assessment');
    await expect(seedLargeOrganization(db.url, { accounts: 5, assessments: 1, slug: 'large-test' })).rejects.toThrow(SeedLargeError);
    await expect(seedLargeOrganization(db.url, { accounts: 5, assessments: 1, slug: 'large-test' })).rejects.toThrow(/already exists/);
    await expect(seedLargeOrganization(db.url, { accounts: 5, assessments: 1, slug: 'Not A Slug' })).rejects.toThrow(/slug/);
    expect(await query<{ n: string }>('SELECT count(*) AS n FROM assessment')).toEqual(before);
  });

  it('loads a second organisation beside the first, reproducibly for the same seed', async () => {
    const second = await seedLargeOrganization(db.url, { accounts: 20, assessments: 2, slug: 'large-twin', seed: 7, now: NOW });
    expect(second.rowCounts.assessment_result).toBe(40);
    const contentOf = async (organizationId: string) =>
      query(
        `SELECT a.name, a.external_id, a.arr::text, a.renewal_date::text, s.submitted_at, s.answers, r.output
         FROM account a JOIN assessment s ON s.organization_id = a.organization_id AND s.account_id = a.id
         JOIN assessment_result r ON r.organization_id = s.organization_id AND r.assessment_id = s.id
         WHERE a.organization_id = $1 AND a.external_id <= 'CRM-00020' ORDER BY a.external_id, s.submitted_at`,
        [organizationId],
      );
    const again = await seedLargeOrganization(db.url, { accounts: 20, assessments: 2, slug: 'large-twin-2', seed: 7, now: NOW });
    expect(await contentOf(again.organization.id)).toEqual(await contentOf(second.organization.id));
  });
});

describe('parseSeedLargeArgs', () => {
  it('reads the documented arguments with defaults', () => {
    expect(parseSeedLargeArgs(['--accounts', '50000', '--assessments', '10'])).toEqual({ accounts: 50_000, assessments: 10, slug: 'large-50000', seed: 1 });
    expect(parseSeedLargeArgs(['--accounts=5', '--assessments=2', '--org-slug', 'perf-a', '--seed', '9'])).toEqual({ accounts: 5, assessments: 2, slug: 'perf-a', seed: 9 });
  });

  it('explains bad arguments', () => {
    expect(() => parseSeedLargeArgs([])).toThrow(/--accounts is required/);
    expect(() => parseSeedLargeArgs(['--accounts', 'ten', '--assessments', '1'])).toThrow(/--accounts must be a whole number/);
    expect(() => parseSeedLargeArgs(['--accounts', '10', '--assessments', '0'])).toThrow(/--assessments must be at least 1/);
    expect(() => parseSeedLargeArgs(['--accounts', '10', '--assessments', '1', '--org-slug', 'Bad Slug'])).toThrow(/--org-slug/);
    expect(() => parseSeedLargeArgs(['--accounts', '10', '--assessments', '1', '--bogus'])).toThrow(SeedLargeArgsError);
    expect(() => parseSeedLargeArgs(['--accounts', '2000000', '--assessments', '40'])).toThrow(/at most 5,000,000/);
  });
});
