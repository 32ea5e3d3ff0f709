import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '@/lib/assessments/assessment-actor';
import { startAssessment } from '@/lib/assessments/start-assessment';
import { submitAssessment } from '@/lib/assessments/submit-assessment';
import { REBUILD_SCORE_TABLES_SQL } from '@/lib/db/account-score-sql';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';
import { COMPONENT_SLUGS, DSCE_V1, allQuestionIds, type Answer } from '@/lib/framework';
import { deleteOrganization } from '@/lib/organization-data/delete-organization';
import { arrBucketOf } from '@/lib/portfolio/portfolio-rollups';
import { loadScoringConfiguration } from '@/lib/scoring-config/load-scoring-configuration';
import { saveScoringConfiguration } from '@/lib/scoring-config/save-scoring-configuration';
import { saveScoringConfigurationInputSchema } from '@/lib/scoring-config/scoring-config-input';
import { createOrganizationFixture, type OrganizationFixture } from './members-fixture';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The portfolio rollups (portfolio_group_score, portfolio_group_period_score; migration 20261129100000), the ARR
 * rollups (portfolio_arr_score, portfolio_arr_period_score; migration 20261204100000), the renewal rollups
 * (portfolio_renewal_score, portfolio_renewal_period_score; migration 20261204200000) and
 * account_renewal_risk (migration 20261203100000) stay equal to
 * the sums of the rows they summarise after every kind of write: submits (also two at once for one owner, and one
 * racing an edit of the same account), account edits that move an account between groups, archive and unarchive,
 * delete, a new account and its first result, a bulk reassignment, a scoring save (whose re-score defers them to one
 * recomputation), a rebuild of the score tables, and another organisation's deletion. "Equal" is checked against sums computed here in JS from the base rows, group by group (account_renewal_risk: account by account).
 */

let db: TestDatabase;
let organizationId: string;
let admin: { organizationId: string; userId: string };
let csms: string[];
let other: OrganizationFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrganization(db.prisma, { seed: 5 });
  organizationId = (await db.prisma.organization.findFirstOrThrow({ select: { id: true } })).id;
  const adminUserId = (await db.prisma.membership.findFirstOrThrow({ where: { organizationId, role: 'ADMIN' } })).userId;
  admin = { organizationId, userId: adminUserId };
  csms = (await db.prisma.membership.findMany({ where: { organizationId, role: 'CSM' }, orderBy: { userId: 'asc' } })).map((m) => m.userId);
  other = await createOrganizationFixture(db.prisma, 'Other', { admin: 'ADMIN' });
});
afterAll(async () => {
  await db?.drop();
});

const asAdmin = <T>(work: (tx: Tx) => Promise<T>) => withTenant(db.appPrisma, admin, work);

type Row = Record<string, unknown>;
const keyOf = (row: Row, parts: string[]) => parts.map((part) => String(row[part] ?? '-')).join('|');
const GROUP = ['owner_user_id', 'segment_id', 'journey_stage_id'];

type Rollups = {
  scores: Map<string, Row>;
  periods: Map<string, Row>;
  arrScores: Map<string, Row>;
  arrPeriods: Map<string, Row>;
  renewalScores: Map<string, Row>;
  renewalPeriods: Map<string, Row>;
  risks: Map<string, Row>;
};

/** Sums in JS over the base rows, keyed like the rollups (a measure no row contributes to is absent: 0). */
async function expectedRollups(): Promise<Rollups> {
  const accounts = await db.prisma.$queryRawUnsafe<Row[]>(
    `SELECT a.id::text, a.owner_user_id::text, a.segment_id::text, a.journey_stage_id::text, a.arr::float8 AS arr,
            a.renewal_date::text, to_jsonb(sc) AS sc
       FROM account a LEFT JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
      WHERE a.organization_id = $1::uuid AND a.archived_at IS NULL`,
    organizationId,
  );
  const scores = new Map<string, Row>();
  const arrScores = new Map<string, Row>();
  const renewalScores = new Map<string, Row>();
  // The at-risk and critical accounts with a renewal date, as account_renewal_risk holds them.
  const risks = new Map<string, Row>();
  for (const account of accounts) {
    const sc = account.sc as Record<string, number | string | null> | null;
    if (sc && (sc.band === 'at_risk' || sc.band === 'critical') && account.renewal_date !== null) {
      risks.set(account.id as string, {
        owner_user_id: account.owner_user_id, segment_id: account.segment_id, journey_stage_id: account.journey_stage_id,
        band: sc.band, renewal_date: account.renewal_date, arr: account.arr,
      });
    }
    addAccount(scores, keyOf({ ...account, band: sc?.band }, [...GROUP, 'band']), account.arr as number | null, sc);
    // Accounts without an ARR are in no ARR range, so in no ARR rollup.
    if (account.arr !== null) addAccount(arrScores, keyOf({ arr_bucket: arrBucketOf(account.arr as number), band: sc?.band }, ['arr_bucket', 'band']), account.arr as number, sc);
    // Accounts without a renewal date are in no renewal window.
    if (account.renewal_date !== null) addAccount(renewalScores, keyOf({ ...account, band: sc?.band }, ['renewal_date', 'band']), account.arr as number | null, sc);
  }
  const months = await db.prisma.$queryRawUnsafe<Row[]>(
    `SELECT a.owner_user_id::text, a.segment_id::text, a.journey_stage_id::text, a.arr::float8 AS arr, a.renewal_date::text, sc.band, p.period_start::text, p.score, p.latest_in_quarter
       FROM account a JOIN account_period_score p ON p.organization_id = a.organization_id AND p.account_id = a.id
       JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
      WHERE a.organization_id = $1::uuid AND a.archived_at IS NULL`,
    organizationId,
  );
  const periods = new Map<string, Row>();
  const arrPeriods = new Map<string, Row>();
  const renewalPeriods = new Map<string, Row>();
  for (const month of months) {
    addMonth(periods, keyOf(month, [...GROUP, 'band', 'period_start']), month);
    if (month.arr !== null) addMonth(arrPeriods, keyOf({ ...month, arr_bucket: arrBucketOf(month.arr as number) }, ['arr_bucket', 'band', 'period_start']), month);
    if (month.renewal_date !== null) addMonth(renewalPeriods, keyOf(month, ['renewal_date', 'band', 'period_start']), month);
  }
  return { scores, periods, arrScores, arrPeriods, renewalScores, renewalPeriods, risks };
}

/** One account's contribution to its rollup row `key` (a measure no account contributes to is absent: 0). */
function addAccount(rows: Map<string, Row>, key: string, accountArr: number | null, sc: Record<string, number | string | null> | null): void {
  const sums = rows.get(key) ?? { accounts: 0, arr: 0, assessed: 0, score_sum: 0, weighted_arr: 0, weighted_arr_score: 0 };
  const arr = accountArr ?? 0;
  sums.accounts = (sums.accounts as number) + 1;
  sums.arr = (sums.arr as number) + arr;
  if (sc) {
    const score = sc.score as number;
    sums.assessed = (sums.assessed as number) + 1;
    sums.score_sum = (sums.score_sum as number) + score;
    if (arr > 0) {
      sums.weighted_arr = (sums.weighted_arr as number) + arr;
      sums.weighted_arr_score = (sums.weighted_arr_score as number) + arr * score;
    }
    for (const slug of COMPONENT_SLUGS) {
      for (const kind of ['current', 'gap', 'lever'] as const) {
        const value = sc[`${kind}_${slug}`] as number | null;
        if (value === null) continue;
        sums[`${kind}_sum_${slug}`] = ((sums[`${kind}_sum_${slug}`] as number | undefined) ?? 0) + value;
        if (kind !== 'lever') sums[`${kind}_count_${slug}`] = ((sums[`${kind}_count_${slug}`] as number | undefined) ?? 0) + 1;
      }
    }
  }
  rows.set(key, sums);
}

/** One month row's contribution to its period rollup row `key`. */
function addMonth(rows: Map<string, Row>, key: string, month: Row): void {
  const sums = rows.get(key) ?? { accounts: 0, score_sum: 0, quarter_accounts: 0, quarter_score_sum: 0 };
  sums.accounts = (sums.accounts as number) + 1;
  sums.score_sum = (sums.score_sum as number) + (month.score as number);
  if (month.latest_in_quarter) {
    sums.quarter_accounts = (sums.quarter_accounts as number) + 1;
    sums.quarter_score_sum = (sums.quarter_score_sum as number) + (month.score as number);
  }
  rows.set(key, sums);
}

/** The rollup rows as stored (read as the app role, under row-level security). */
async function storedRollups(): Promise<Rollups> {
  const read = (table: string, parts: string[]) =>
    asAdmin((tx) =>
      tx.$queryRawUnsafe<Row[]>(
        `SELECT to_jsonb(r) - 'id' - 'organization_id' AS row FROM ${table} r WHERE organization_id = $1::uuid`,
        organizationId,
      ),
    ).then((rows) => {
      const byKey = new Map<string, Row>();
      for (const { row } of rows as { row: Row }[]) {
        const measures = Object.fromEntries(Object.entries(row).filter(([name]) => !parts.includes(name)));
        expect(byKey.has(keyOf(row, parts)), `one row per group in ${table}`).toBe(false);
        byKey.set(keyOf(row, parts), measures);
      }
      return byKey;
    });
  const risks = await asAdmin((tx) =>
    tx.$queryRaw<{ account_id: string; row: Row }[]>`
      SELECT account_id::text, jsonb_build_object('owner_user_id', owner_user_id, 'segment_id', segment_id,
               'journey_stage_id', journey_stage_id, 'band', band, 'renewal_date', renewal_date::text, 'arr', arr) AS row
        FROM account_renewal_risk WHERE organization_id = ${organizationId}::uuid`,
  );
  return {
    scores: await read('portfolio_group_score', [...GROUP, 'band']),
    periods: await read('portfolio_group_period_score', [...GROUP, 'band', 'period_start']),
    arrScores: await read('portfolio_arr_score', ['arr_bucket', 'band']),
    arrPeriods: await read('portfolio_arr_period_score', ['arr_bucket', 'band', 'period_start']),
    renewalScores: await read('portfolio_renewal_score', ['renewal_date', 'band']),
    renewalPeriods: await read('portfolio_renewal_period_score', ['renewal_date', 'band', 'period_start']),
    risks: new Map(risks.map(({ account_id, row }) => [account_id, row])),
  };
}

function expectSameSums(actual: Map<string, Row>, expected: Map<string, Row>, label: string): void {
  expect([...actual.keys()].sort(), `${label}: groups`).toEqual([...expected.keys()].sort());
  for (const [key, sums] of expected) {
    const stored = actual.get(key)!;
    for (const name of new Set([...Object.keys(stored), ...Object.keys(sums)])) {
      const [got, want] = [(stored[name] as number | undefined) ?? 0, (sums[name] as number | undefined) ?? 0];
      // Sums kept by deltas, in another order: equal to within 1e-9 relative (counts exactly).
      expect(Math.abs(got - want), `${label} ${key} ${name}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      if (name.includes('count') || name.endsWith('accounts') || name === 'assessed') expect(got, `${label} ${key} ${name}`).toBe(want);
    }
  }
}

async function expectRollupsConsistent(): Promise<void> {
  const [actual, expected] = [await storedRollups(), await expectedRollups()];
  expect(expected.scores.size).toBeGreaterThan(0);
  expectSameSums(actual.scores, expected.scores, 'portfolio_group_score');
  expectSameSums(actual.periods, expected.periods, 'portfolio_group_period_score');
  expect(expected.arrScores.size).toBeGreaterThan(1);
  expectSameSums(actual.arrScores, expected.arrScores, 'portfolio_arr_score');
  expectSameSums(actual.arrPeriods, expected.arrPeriods, 'portfolio_arr_period_score');
  expect(expected.renewalScores.size).toBeGreaterThan(1);
  expectSameSums(actual.renewalScores, expected.renewalScores, 'portfolio_renewal_score');
  expectSameSums(actual.renewalPeriods, expected.renewalPeriods, 'portfolio_renewal_period_score');
  expect(expected.risks.size).toBeGreaterThan(0);
  expect(actual.risks, 'account_renewal_risk').toEqual(expected.risks);
}

const fullAnswers = (level: Answer): Record<string, Answer> => Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, level]));

/** A CSM starts and submits an assessment of one of their accounts. */
async function submitAs(ownerUserId: string, accountId: string, level: Answer): Promise<void> {
  const actor = actorOf({ organization: { id: organizationId }, user: { id: ownerUserId }, role: 'CSM' });
  await withTenant(db.appPrisma, { organizationId, userId: ownerUserId }, async (tx) => {
    const { assessmentId } = await startAssessment(tx, actor, { accountId, source: 'blank' });
    await submitAssessment(tx, actor, { accountId, assessmentId, expectedVersion: 1, answers: fullAnswers(level), notes: {} });
  });
}

async function accountsOf(ownerUserId: string) {
  return db.prisma.account.findMany({ where: { organizationId, ownerUserId, archivedAt: null }, orderBy: { id: 'asc' }, select: { id: true } });
}

describe('portfolio rollups', () => {
  it('hold the sums of the seeded portfolio', async () => {
    await expectRollupsConsistent();
  });

  it('follow submits, also two at once for accounts of the same owner', async () => {
    const [first, second] = await accountsOf(csms[0]!);
    await submitAs(csms[0]!, first!.id, 1);
    await expectRollupsConsistent();
    await Promise.all([submitAs(csms[0]!, first!.id, 3), submitAs(csms[0]!, second!.id, 0)]);
    await expectRollupsConsistent();
  });

  it('follow accounts moving between owners, segments and stages, ARR changes, archive, delete and new accounts', async () => {
    const [moved, archived, deleted] = await accountsOf(csms[1]!);
    const fresh = randomUUID();
    const segment = await db.prisma.segment.findFirstOrThrow({ where: { organizationId }, orderBy: { name: 'desc' } });
    const stage = await db.prisma.journeyStage.findFirstOrThrow({ where: { organizationId }, orderBy: { position: 'desc' } });
    const steps: ((tx: Tx) => Promise<unknown>)[] = [
      (tx) => tx.$executeRaw`UPDATE account SET owner_user_id = ${csms[0]}::uuid WHERE id = ${moved!.id}::uuid`,
      (tx) => tx.$executeRaw`UPDATE account SET owner_user_id = NULL, segment_id = ${segment.id}::uuid WHERE id = ${moved!.id}::uuid`,
      (tx) => tx.$executeRaw`UPDATE account SET journey_stage_id = ${stage.id}::uuid, arr = 123456.78 WHERE id = ${moved!.id}::uuid`,
      // Renewal dates: set, moved, cleared (account_renewal_risk).
      (tx) => tx.$executeRaw`UPDATE account SET renewal_date = current_date + 10 WHERE id IN (${moved!.id}::uuid, ${archived!.id}::uuid)`,
      (tx) => tx.$executeRaw`UPDATE account SET renewal_date = current_date - 3 WHERE id = ${moved!.id}::uuid`,
      (tx) => tx.$executeRaw`UPDATE account SET renewal_date = NULL WHERE id = ${moved!.id}::uuid`,
      (tx) => tx.$executeRaw`UPDATE account SET archived_at = now() WHERE id = ${archived!.id}::uuid`,
      (tx) => tx.$executeRaw`UPDATE account SET archived_at = NULL, arr = NULL WHERE id = ${archived!.id}::uuid`,
      // ARR back from none onto a bucket edge, then many accounts across ARR buckets in one statement.
      (tx) => tx.$executeRaw`UPDATE account SET arr = 20000 WHERE id = ${archived!.id}::uuid`,
      (tx) => tx.$executeRaw`UPDATE account SET arr = arr * 3 + 1 WHERE organization_id = ${organizationId}::uuid AND owner_user_id = ${csms[0]}::uuid`,
      (tx) => tx.$executeRaw`DELETE FROM account WHERE id = ${deleted!.id}::uuid`,
      (tx) => tx.$executeRaw`INSERT INTO account (organization_id, id, name, owner_user_id, arr) VALUES (${organizationId}::uuid, ${fresh}::uuid, 'Brand new', ${csms[1]}::uuid, 5000)`,
      // Its first result (account_score and month rows appear).
      () => submitAs(csms[1]!, fresh, 2),
      // A rename changes no group.
      (tx) => tx.$executeRaw`UPDATE account SET name = name || ' (renamed)' WHERE id = ${moved!.id}::uuid`,
      // A bulk reassignment: every account of one CSM to another, in one statement.
      (tx) => tx.$executeRaw`UPDATE account SET owner_user_id = ${csms[0]}::uuid WHERE organization_id = ${organizationId}::uuid AND owner_user_id = ${csms[1]}::uuid`,
    ];
    for (const step of steps) {
      await asAdmin(step);
      await expectRollupsConsistent();
    }
  });

  it('stay consistent when an account moves while its CSM submits', async () => {
    const [account] = await accountsOf(csms[0]!);
    const segments = await db.prisma.segment.findMany({ where: { organizationId }, select: { id: true } });
    for (const [round, segment] of segments.entries()) {
      await Promise.all([
        submitAs(csms[0]!, account!.id, round % 2 === 0 ? 0 : 3),
        asAdmin((tx) =>
          tx.$executeRaw`UPDATE account SET segment_id = ${segment.id}::uuid, arr = arr + 1,
                                            renewal_date = current_date + ${round}::int WHERE id = ${account!.id}::uuid`),
      ]);
      await expectRollupsConsistent();
    }
  });

  it('follow a scoring save (one recomputation after the re-score) and a rebuild of the score tables', async () => {
    const now = await asAdmin((tx) => loadScoringConfiguration(tx, organizationId));
    const { weights, targets } = now.configuration;
    const input = saveScoringConfigurationInputSchema.parse({
      basedOnVersion: now.version,
      reason: 'Adoption first',
      weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, (weights[s] ?? 1) + (s === 'adoption' ? 2 : 0)])),
      defaultTargets: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, targets.defaults[s] ?? 100])),
      segmentTargets: Object.fromEntries(now.segments.filter((s) => !s.retired).map((s) => [s.id, targets.segments[s.id] ?? {}])),
      thresholds: { desired: 75, engaged: 55, atRisk: 35 },
    });
    await saveScoringConfiguration(db.appPrisma, admin, input, { chunkSize: 5 });
    await expectRollupsConsistent();
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.org_id', ${organizationId}, true)`;
      for (const statement of REBUILD_SCORE_TABLES_SQL) await tx.$executeRawUnsafe(statement, organizationId);
    });
    await expectRollupsConsistent();
  });

  it('are the organisation’s own: another tenant reads none of them and can neither recompute nor delete them', async () => {
    const otherAdmin = { organizationId: other.organizationId, userId: other.users.admin!.id };
    const seen = await withTenant(db.appPrisma, otherAdmin, (tx) =>
      tx.$queryRaw<{ rows: number }[]>`SELECT (SELECT count(*) FROM portfolio_group_score)::int + (SELECT count(*) FROM portfolio_group_period_score)::int
                                              + (SELECT count(*) FROM account_renewal_risk)::int AS rows`,
    );
    expect(seen[0]!.rows).toBe(0);
    await expect(
      withTenant(db.appPrisma, otherAdmin, (tx) => tx.$queryRaw`SELECT refresh_portfolio_rollups(${organizationId}::uuid)`),
    ).rejects.toThrow();
    await expect(
      withTenant(db.appPrisma, otherAdmin, (tx) => tx.$queryRaw`SELECT delete_portfolio_rollups(${organizationId}::uuid)`),
    ).rejects.toThrow();
    await expect(withTenant(db.appPrisma, otherAdmin, (tx) => tx.$executeRaw`DELETE FROM portfolio_group_score`)).rejects.toThrow();
    await expect(withTenant(db.appPrisma, otherAdmin, (tx) => tx.$executeRaw`DELETE FROM account_renewal_risk`)).rejects.toThrow();
    await expectRollupsConsistent();
  });

  it('go with their organisation, and deleting another organisation leaves them untouched', async () => {
    const before = await storedRollups();
    const doomed = await createOrganizationFixture(db.prisma, 'Doomed', { admin: 'ADMIN' });
    await db.prisma.account.create({ data: { organizationId: doomed.organizationId, name: 'Doomed account', arr: 10 } });
    expect(await db.prisma.portfolioGroupScore.count({ where: { organizationId: doomed.organizationId } })).toBe(1);
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { id: doomed.organizationId } });
    await deleteOrganization(db.appPrisma, { organizationId: doomed.organizationId, userId: doomed.users.admin!.id }, { confirmationName: org.name });
    expect(await db.prisma.portfolioGroupScore.count({ where: { organizationId: doomed.organizationId } })).toBe(0);
    expect(await storedRollups()).toEqual(before);
  });
});
