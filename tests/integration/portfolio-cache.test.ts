import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentActor } from '@/lib/assessments/assessment-actor';
import { startAssessment } from '@/lib/assessments/start-assessment';
import { submitAssessment } from '@/lib/assessments/submit-assessment';
import { setAccountArchived } from '@/lib/accounts/set-account-archived';
import { updateAccount } from '@/lib/accounts/update-account';
import { connectionStringOf, createPrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type Answer } from '@/lib/framework';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPortfolioHeatmap, type PortfolioHeatmap } from '@/lib/portfolio/get-portfolio-heatmap';
import { getPortfolioOverview, type PortfolioOverview } from '@/lib/portfolio/get-portfolio-overview';
import { PortfolioCache, readPortfolioDataVersion, readPortfolioViews, type PortfolioView } from '@/lib/portfolio/portfolio-cache';
import type { PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import type { PortfolioScope } from '@/lib/portfolio/portfolio-scope';
import { loadScoringConfiguration } from '@/lib/scoring-config/load-scoring-configuration';
import { saveScoringConfiguration } from '@/lib/scoring-config/save-scoring-configuration';
import { saveScoringConfigurationInputSchema } from '@/lib/scoring-config/scoring-config-input';
import { updateTaxonomyEntry } from '@/lib/taxonomy/update-taxonomy-entry';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The portfolio data version (portfolio_data_version, bumped by triggers in the writing transaction) and the
 * result cache keyed by it, against a real PostgreSQL through the app role: every portfolio-changing write bumps
 * the version, a read after a write never sees the cached figures of before, and a cached entry is never served
 * to another organisation or to another CSM.
 */

let db: TestDatabase;
const orgA = randomUUID();
const orgB = randomUUID();
const people = {
  admin: randomUUID(), leader: randomUUID(), csm1: randomUUID(), csm2: randomUUID(), leaderB: randomUUID(), csmB: randomUUID(),
};
type Person = keyof typeof people;
const roles: Record<Person, [string, Role]> = {
  admin: [orgA, 'ADMIN'], leader: [orgA, 'LEADER'], csm1: [orgA, 'CSM'], csm2: [orgA, 'CSM'], leaderB: [orgB, 'LEADER'], csmB: [orgB, 'CSM'],
};
const segment = randomUUID();
const stage = randomUUID();
// Org A: two accounts per CSM; org B: three accounts of its CSM.
const accounts = {
  a1: [orgA, 'csm1'], a2: [orgA, 'csm1'], a3: [orgA, 'csm2'], a4: [orgA, 'csm2'], b1: [orgB, 'csmB'], b2: [orgB, 'csmB'], b3: [orgB, 'csmB'],
} as const satisfies Record<string, [string, Person]>;
const ids = Object.fromEntries(Object.keys(accounts).map((key) => [key, randomUUID()])) as Record<keyof typeof accounts, string>;

const scopeOf = (who: Person): PortfolioScope => ({
  organizationId: roles[who][0], userId: people[who], ownOnly: roles[who][1] === 'CSM',
});
const as = <T>(who: Person, work: (tx: Tx) => Promise<T>) =>
  withTenant(db.appPrisma, { organizationId: roles[who][0], userId: people[who] }, work, { timeout: 30_000 });
const actor = (who: Person): AssessmentActor => ({ organizationId: roles[who][0], userId: people[who], role: roles[who][1] });

const overviewView: PortfolioView<PortfolioOverview> = { name: 'overview', compute: getPortfolioOverview };
const accountRows: PortfolioView<PortfolioHeatmap> = {
  name: 'heatmap',
  params: { by: 'account', sort: 'label', dir: 'asc' },
  compute: (tx, scope, filters) => getPortfolioHeatmap(tx, scope, filters, { by: 'account', sort: 'label', dir: 'asc' }),
};

async function read<T>(cache: PortfolioCache, who: Person, view: PortfolioView<T>, filters: PortfolioFilters = {}): Promise<T> {
  const [data] = await readPortfolioViews<[T]>(db.appPrisma, cache, scopeOf(who), filters, [view]);
  return data;
}

/** The organisation's version as the app role reads it (row-level security applies). */
const versionOf = (organizationId: string) =>
  withTenant(db.appPrisma, { organizationId }, (tx) => readPortfolioDataVersion(tx, organizationId));

/** How far A's version moved while `write` ran (every bump moves it by the same step: one sequence). */
async function versionDelta(write: () => Promise<unknown>): Promise<bigint> {
  const before = BigInt(await versionOf(orgA));
  await write();
  return BigInt(await versionOf(orgA)) - before;
}

/** Runs `write` and returns whether A's version (and B's) changed. */
async function bumps(write: () => Promise<unknown>): Promise<{ a: boolean; b: boolean }> {
  const [a, b] = [await versionOf(orgA), await versionOf(orgB)];
  await write();
  return { a: (await versionOf(orgA)) !== a, b: (await versionOf(orgB)) !== b };
}

const fullAnswers = (level: number): Record<string, Answer> =>
  Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, level as Answer]));

async function submit(who: Person, accountId: string, level: number): Promise<void> {
  const { assessmentId } = await as(who, (tx) => startAssessment(tx, actor(who), { accountId, source: 'blank' }));
  await as(who, (tx) =>
    submitAssessment(tx, actor(who), { accountId, assessmentId, expectedVersion: 1, answers: fullAnswers(level), notes: {} }),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  const o = db.prisma; // owner, no app.org_id: fixtures bump nothing
  await o.organization.createMany({
    data: [
      { id: orgA, name: 'Cache A', slug: `cache-a-${orgA.slice(0, 8)}` },
      { id: orgB, name: 'Cache B', slug: `cache-b-${orgB.slice(0, 8)}` },
    ],
  });
  await o.user.createMany({ data: Object.entries(people).map(([name, id]) => ({ id, email: `${name.toLowerCase()}-${id.slice(0, 6)}@cache.example`, name })) });
  await o.membership.createMany({
    data: Object.entries(roles).map(([who, [organizationId, role]]) => ({ organizationId, userId: people[who as Person], role })),
  });
  await o.segment.create({ data: { organizationId: orgA, id: segment, name: 'Enterprise', tier: 1 } });
  await o.journeyStage.create({ data: { organizationId: orgA, id: stage, name: 'Adoption', position: 1 } });
  await o.weightConfig.createMany({
    data: [orgA, orgB].map((organizationId) => ({ organizationId, version: 1, weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 1])) })),
  });
  await o.target.createMany({
    data: [orgA, orgB].flatMap((organizationId) => COMPONENT_SLUGS.map((component) => ({ organizationId, segmentId: null, component, value: 100 }))),
  });
  await o.account.createMany({
    data: Object.entries(accounts).map(([key, [organizationId, owner]], i) => ({
      organizationId, id: ids[key as keyof typeof accounts], name: `Account ${key}`, ownerUserId: people[owner], arr: String(1000 * (i + 1)),
      segmentId: organizationId === orgA ? segment : null,
    })),
  });
  // Every account starts assessed: A's at level 2 (50), B's at level 3 (75).
  for (const [key, [, owner]] of Object.entries(accounts)) await submit(owner, ids[key as keyof typeof accounts], key.startsWith('a') ? 2 : 3);
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

describe('the portfolio data version', () => {
  it('is bumped by a submit, in the organisation written only', async () => {
    expect(await bumps(() => submit('csm1', ids.a1, 3))).toEqual({ a: true, b: false });
    expect(await bumps(() => submit('csmB', ids.b1, 2))).toEqual({ a: false, b: true });
  });

  it('is bumped by an account edit and by archiving and restoring', async () => {
    const version = async () => (await db.prisma.account.findFirstOrThrow({ where: { id: ids.a4 } })).version;
    expect(
      await bumps(() =>
        as('admin', (tx) =>
          updateAccount(tx, { organizationId: orgA, actorUserId: people.admin }, {
            accountId: ids.a4, version: 1, name: 'Account a4 renamed', externalId: null, segmentId: segment, journeyStageId: stage, arr: '4000', renewalDate: null,
          }),
        ),
      ),
    ).toEqual({ a: true, b: false });
    for (const archived of [true, false]) {
      const v = await version();
      expect(await bumps(() => as('admin', (tx) => setAccountArchived(tx, { organizationId: orgA, actorUserId: people.admin }, { accountId: ids.a4, version: v, archived }))))
        .toEqual({ a: true, b: false });
    }
  });

  it('is bumped by a scoring-configuration save (its re-score included) and by a taxonomy rename', async () => {
    const admin = { organizationId: orgA, userId: people.admin };
    const current = await withTenant(db.appPrisma, admin, (tx) => loadScoringConfiguration(tx, orgA));
    const input = saveScoringConfigurationInputSchema.parse({
      basedOnVersion: current.version,
      reason: 'Cache test',
      weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, s === 'intent' ? 2 : 1])),
      defaultTargets: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 100])),
      segmentTargets: Object.fromEntries(current.segments.map((s) => [s.id, {}])),
      thresholds: { desired: 80, engaged: 60, atRisk: 40 },
    });
    expect(await bumps(() => saveScoringConfiguration(db.appPrisma, admin, input))).toEqual({ a: true, b: false });
    expect(await bumps(() => updateTaxonomyEntry(db.appPrisma, admin, { kind: 'segment', id: segment, version: 1, name: 'Strategic', tier: 1 })))
      .toEqual({ a: true, b: false });
    expect(await bumps(() => updateTaxonomyEntry(db.appPrisma, admin, { kind: 'stage', id: stage, version: 1, name: 'Onboarding' })))
      .toEqual({ a: true, b: false });
  });

  it('is bumped once per transaction, however many rows and statements it writes', async () => {
    const step = (sql: string[]) =>
      versionDelta(() =>
        as('admin', async (tx) => {
          for (const statement of sql) await tx.$executeRawUnsafe(statement, orgA);
        }),
      );
    const oneRow = await step([`UPDATE account_score SET score = score WHERE organization_id = $1::uuid AND account_id = '${ids.a1}'::uuid`]);
    const allRows = await step([`UPDATE account_score SET score = score WHERE organization_id = $1::uuid`]);
    const statements = await step([
      `UPDATE account_score SET score = score WHERE organization_id = $1::uuid`,
      `UPDATE account SET name = name WHERE organization_id = $1::uuid`,
      `UPDATE segment SET name = name WHERE organization_id = $1::uuid`,
    ]);
    expect(oneRow).toBeGreaterThan(0n);
    expect(allRows).toBe(oneRow);
    expect(statements).toBe(oneRow);
    expect(await step([`UPDATE account SET name = name WHERE organization_id = $1::uuid AND false`])).toBe(0n);
  });

  it('is bumped by a bulk write through its closing rollup refresh, in the organisation written only', async () => {
    // Bulk writers (re-score, seed:large, org:import) defer the rollups; their score rows then queue no bump, and
    // the refresh they end with bumps instead.
    const bulk = (refresh: boolean, alsoWrite?: string) => () =>
      as('admin', async (tx) => {
        if (alsoWrite) await tx.$executeRawUnsafe(alsoWrite, orgA);
        await tx.$executeRaw`SELECT set_config('app.portfolio_rollup_deferred', 'on', true)`;
        await tx.$executeRaw`UPDATE account_score SET score = score WHERE organization_id = ${orgA}::uuid`;
        await tx.$executeRaw`UPDATE account_period_score SET score = score WHERE organization_id = ${orgA}::uuid`;
        await tx.$executeRaw`SELECT set_config('app.portfolio_rollup_deferred', '', true)`;
        if (refresh) await tx.$executeRaw`SELECT refresh_portfolio_rollups(${orgA}::uuid)`;
      });
    expect(await bumps(bulk(true))).toEqual({ a: true, b: false });
    expect(await bumps(bulk(false))).toEqual({ a: false, b: false });
    // Once, even beside another write that queued its own bump (a scoring save's new weights, say).
    const once = await versionDelta(() => as('admin', (tx) => tx.$executeRaw`UPDATE segment SET name = name WHERE organization_id = ${orgA}::uuid`));
    expect(await versionDelta(bulk(true, `UPDATE segment SET name = name WHERE organization_id = $1::uuid`))).toBe(once);
  });

  it('is bumped at commit: an open writing transaction does not hold up the organisation’s other writers', async () => {
    const before = await versionOf(orgA);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const long = as('admin', async (tx) => {
      await tx.$executeRaw`UPDATE segment SET name = name WHERE organization_id = ${orgA}::uuid`;
      wrote();
      await held;
    });
    await written;
    // Another writer of the same organisation commits while the first is still open (its default 5 s timeout).
    await withTenant(db.appPrisma, { organizationId: orgA, userId: people.admin }, (tx) =>
      tx.$executeRaw`UPDATE account SET name = name WHERE organization_id = ${orgA}::uuid AND id = ${ids.a1}::uuid`,
    );
    const between = await versionOf(orgA);
    expect(between).not.toBe(before);
    release();
    await long;
    expect(await versionOf(orgA)).not.toBe(between);
  });

  it('cannot be written by the app role, and a write without an organisation set bumps nothing', async () => {
    const error = await as('admin', (tx) => tx.$executeRaw`UPDATE portfolio_data_version SET version = 1`).then(() => null, (e: unknown) => e);
    expect(String(error)).toMatch(/permission denied/);
    const before = await versionOf(orgA);
    await db.prisma.account.updateMany({ where: { organizationId: orgA }, data: { arr: 5000 } });
    expect(await versionOf(orgA)).toBe(before);
  });

  it('is one row per organisation, its values from one sequence (never reused)', async () => {
    const [row] = await db.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM portfolio_data_version WHERE organization_id IN (${orgA}::uuid, ${orgB}::uuid)`;
    expect(row!.count).toBe(2);
    const [sequence] = await db.prisma.$queryRaw<{ increment_by: bigint }[]>`
      SELECT increment_by FROM pg_sequences WHERE sequencename = 'portfolio_data_version_seq'`;
    expect(sequence!.increment_by).toBe(1n);
  });
});

describe('the portfolio cache', () => {
  it('shows a new score at once after a submit (never the cached figures of before)', async () => {
    const cache = new PortfolioCache();
    const before = await read(cache, 'leader', overviewView);
    expect((await read(cache, 'leader', overviewView)) === before).toBe(true); // a hit: the same object
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    await submit('csm2', ids.a3, 4);
    const after = await read(cache, 'leader', overviewView);
    expect(cache.stats.misses).toBe(2);
    const uncached = await as('leader', (tx) => getPortfolioOverview(tx, scopeOf('leader'), {}));
    expect(after).toEqual(uncached);
    expect(after.meanScore).not.toBe(before.meanScore);
    const row = (await read(cache, 'leader', accountRows)).rows.find((r) => r.key === ids.a3)!;
    expect(row.meanScore).toBe(100);
  });

  it('shows an archived account gone at once', async () => {
    const cache = new PortfolioCache();
    const before = await read(cache, 'leader', overviewView);
    const { version } = await db.prisma.account.findFirstOrThrow({ where: { id: ids.a2 } });
    await as('admin', (tx) => setAccountArchived(tx, { organizationId: orgA, actorUserId: people.admin }, { accountId: ids.a2, version, archived: true }));
    expect((await read(cache, 'leader', overviewView)).accounts).toBe(before.accounts - 1);
    await as('admin', (tx) => setAccountArchived(tx, { organizationId: orgA, actorUserId: people.admin }, { accountId: ids.a2, version: version + 1, archived: false }));
    expect((await read(cache, 'leader', overviewView)).accounts).toBe(before.accounts);
  });

  it('never serves one organisation’s figures to another', async () => {
    const cache = new PortfolioCache();
    const a = await read(cache, 'leader', overviewView);
    const b = await read(cache, 'leaderB', overviewView);
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
    expect(a.accounts).toBe(4);
    expect(b.accounts).toBe(3);
    expect(b).toEqual(await as('leaderB', (tx) => getPortfolioOverview(tx, scopeOf('leaderB'), {})));
    const rowsB = await read(cache, 'leaderB', accountRows);
    expect(rowsB.rows.map((r) => r.key).sort()).toEqual([ids.b1, ids.b2, ids.b3].sort());
    expect((await read(cache, 'leader', accountRows)).rows.every((r) => [ids.a1, ids.a2, ids.a3, ids.a4].includes(r.key!))).toBe(true);
  });

  it('gives a CSM their own book only, never another CSM’s or the whole book', async () => {
    const cache = new PortfolioCache();
    const keys = async (who: Person, filters: PortfolioFilters = {}) => (await read(cache, who, accountRows, filters)).rows.map((r) => r.key).sort();
    expect(await keys('leader')).toEqual([ids.a1, ids.a2, ids.a3, ids.a4].sort());
    expect(await keys('csm1')).toEqual([ids.a1, ids.a2].sort());
    expect(await keys('csm2')).toEqual([ids.a3, ids.a4].sort());
    // The owner filter cannot reach another book: it is forced to the CSM, in the key as in SQL.
    expect(await keys('csm1', { owner: people.csm2 })).toEqual([ids.a1, ids.a2].sort());
    expect(await keys('csm2', { owner: people.csm1 })).toEqual([ids.a3, ids.a4].sort());
    // A leader's view of csm1's book is the same figures, but a separate entry.
    expect(await keys('leader', { owner: people.csm1 })).toEqual([ids.a1, ids.a2].sort());
    expect((await read(cache, 'csm1', overviewView)).accounts).toBe(2);
    expect((await read(cache, 'csm2', overviewView)).accounts).toBe(2);
    expect((await read(cache, 'leader', overviewView)).accounts).toBe(4);
    expect((await read(cache, 'csm1', overviewView, { owner: people.csm2 })).accounts).toBe(2);
  });

  it('shares one computation between concurrent identical misses', async () => {
    const cache = new PortfolioCache();
    let computations = 0;
    const counted: PortfolioView<PortfolioOverview> = {
      name: 'overview',
      compute: (tx, scope, filters) => {
        computations += 1;
        return getPortfolioOverview(tx, scope, filters);
      },
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => read(cache, 'leader', counted, { segment })));
    // The version is read by each request before the shared computation starts, so at most one per version.
    expect(computations).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('evaluates a computation at one instant, which does not split the cache', async () => {
    const cache = new PortfolioCache();
    // Each SQL builder reads `scope.now ?? new Date()`: unpinned, statements of one computation could straddle
    // midnight and filter renewals by one day while counting them by the next.
    const clock: PortfolioView<Date | undefined> = { name: 'clock-probe', compute: async (_tx, scope) => scope.now };
    const before = Date.now();
    const first = await read(cache, 'leader', clock);
    expect(first).toBeInstanceOf(Date);
    expect(first!.getTime()).toBeGreaterThanOrEqual(before);
    expect(first!.getTime()).toBeLessThanOrEqual(Date.now());
    // The pinned instant is the computation's, not the key's: the next read is a hit.
    expect(await read(cache, 'leader', clock)).toBe(first);
  });

  it('computes without parallel workers, and leaves the connection as it found it', async () => {
    const setting = (tx: Tx) =>
      tx.$queryRaw<{ value: string }[]>`SELECT current_setting('max_parallel_workers_per_gather') AS value`.then(([row]) => row!.value);
    const probe: PortfolioView<string> = { name: 'parallel-probe', compute: (tx) => setting(tx) };
    // On a one-connection client, so the later transaction surely reuses the probe's connection.
    const single = createPrismaClient(connectionStringOf(db.appPrisma)!, { max: 1 });
    try {
      const [row] = await single.$queryRaw<{ reset: string }[]>`SELECT reset_val AS reset FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'`;
      const reset = row!.reset;
      expect(reset).not.toBe('0');
      const [probed] = await readPortfolioViews<[string]>(single, new PortfolioCache(), scopeOf('leader'), {}, [probe]);
      expect(probed).toBe('0');
      // Transaction-local: the connection's next tenant transaction has the server's value again.
      expect(await withTenant(single, { organizationId: orgA, userId: people.leader }, setting)).toBe(reset);
    } finally {
      await single.$disconnect();
    }
  });
});
