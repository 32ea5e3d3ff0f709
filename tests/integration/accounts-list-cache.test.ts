import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccountListParams } from '@/lib/accounts/account-list-params';
import { createAccount, createAccountInputSchema } from '@/lib/accounts/create-account';
import { importAccounts } from '@/lib/accounts/import-accounts';
import { listAccounts, type AccountListPage } from '@/lib/accounts/list-accounts';
import { setAccountArchived } from '@/lib/accounts/set-account-archived';
import { startAssessment } from '@/lib/assessments/start-assessment';
import { submitAssessment } from '@/lib/assessments/submit-assessment';
import { ResultCache } from '@/lib/cache/result-cache';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type Answer } from '@/lib/framework';
import type { Role } from '@/lib/generated/prisma/enums';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The accounts list's cached total count (listAccounts with a count cache), against a real PostgreSQL through the
 * app role: the count is fresh right after every write that changes it (create, archive, restore, submit, import;
 * the data version is bumped at their commit), and an entry is never served to another organisation or to another
 * user's "mine" view. Fixtures are written as the owner without app.org_id, so they bump no version.
 */

let db: TestDatabase;
const orgA = randomUUID();
const orgB = randomUUID();
const people = { admin: randomUUID(), csm1: randomUUID(), csm2: randomUUID(), adminB: randomUUID() };
type Person = keyof typeof people;
const roles: Record<Person, [string, Role]> = {
  admin: [orgA, 'ADMIN'], csm1: [orgA, 'CSM'], csm2: [orgA, 'CSM'], adminB: [orgB, 'ADMIN'],
};
const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const as = <T>(who: Person, work: (tx: Tx) => Promise<T>) =>
  withTenant(db.appPrisma, { organizationId: roles[who][0], userId: people[who] }, work, { timeout: 30_000 });

/** One list request as `who` through `cache` (the pager's total is what is cached). */
function list(cache: ResultCache, who: Person, raw: Record<string, string> = {}, now?: Date): Promise<AccountListPage> {
  const [organizationId] = roles[who];
  return as(who, (tx) =>
    listAccounts(tx, { organizationId, userId: people[who], ...(now ? { now } : {}) }, parseAccountListParams(raw), { countCache: cache }),
  );
}
const total = async (cache: ResultCache, who: Person, raw: Record<string, string> = {}, now?: Date) => (await list(cache, who, raw, now)).total;

/** The same count without any cache: what the cached figure must equal. */
const uncachedTotal = (who: Person, raw: Record<string, string> = {}, now?: Date) =>
  as(who, async (tx) => (await listAccounts(tx, { organizationId: roles[who][0], userId: people[who], ...(now ? { now } : {}) }, parseAccountListParams(raw))).total);

const fullAnswers = (level: number): Record<string, Answer> => Object.fromEntries(allQuestionIds(DSCE_V1).map((id) => [id, level as Answer]));

async function submit(who: Person, accountId: string): Promise<void> {
  const actor = { organizationId: roles[who][0], userId: people[who], role: roles[who][1] };
  const { assessmentId } = await as(who, (tx) => startAssessment(tx, actor, { accountId, source: 'blank' }));
  await as(who, (tx) => submitAssessment(tx, actor, { accountId, assessmentId, expectedVersion: 1, answers: fullAnswers(2), notes: {} }));
}

async function create(name: string, owner: Person | null = null): Promise<string> {
  const input = createAccountInputSchema.parse({ name, ownerUserId: owner ? people[owner] : null });
  return (await as('admin', (tx) => createAccount(tx, { organizationId: orgA, actorUserId: people.admin }, input))).id;
}

const ids = { a1: randomUUID(), a2: randomUUID(), a3: randomUUID(), b1: randomUUID() };

beforeAll(async () => {
  db = await createTestDatabase();
  const o = db.prisma;
  await o.organization.createMany({
    data: [
      { id: orgA, name: 'List cache A', slug: `list-cache-a-${orgA.slice(0, 8)}`, reviewIntervalDays: 90 },
      { id: orgB, name: 'List cache B', slug: `list-cache-b-${orgB.slice(0, 8)}` },
    ],
  });
  await o.user.createMany({ data: Object.entries(people).map(([name, id]) => ({ id, email: `${name.toLowerCase()}-${id.slice(0, 6)}@list-cache.example`, name })) });
  await o.membership.createMany({ data: Object.entries(roles).map(([who, [organizationId, role]]) => ({ organizationId, userId: people[who as Person], role })) });
  await o.weightConfig.createMany({
    data: [orgA, orgB].map((organizationId) => ({ organizationId, version: 1, weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 1])) })),
  });
  await o.target.createMany({
    data: [orgA, orgB].flatMap((organizationId) => COMPONENT_SLUGS.map((component) => ({ organizationId, segmentId: null, component, value: 100 }))),
  });
  await o.account.createMany({
    data: [
      { organizationId: orgA, id: ids.a1, name: 'Alpha', ownerUserId: people.csm1 },
      { organizationId: orgA, id: ids.a2, name: 'Bravo', ownerUserId: people.csm1 },
      { organizationId: orgA, id: ids.a3, name: 'Charlie', ownerUserId: people.csm2 },
      { organizationId: orgB, id: ids.b1, name: 'Alpha B' },
    ],
  });
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('the accounts list count cache', () => {
  it('serves a repeated count from the cache, whatever the sort, direction, page or size', async () => {
    const cache = new ResultCache({ maxEntries: 100, ttlMs: 60_000 });
    expect(await total(cache, 'admin')).toBe(3);
    expect(await total(cache, 'admin', { sort: 'score', dir: 'desc', page: '2', size: '50' })).toBe(3);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(await total(cache, 'admin', { status: 'archived' })).toBe(0);
    expect(cache.stats.misses).toBe(2);
  });

  it('is fresh right after a create, an archive, a restore, a submit and an import', async () => {
    const cache = new ResultCache({ maxEntries: 100, ttlMs: 60_000 });
    const views: Record<string, string>[] = [{}, { status: 'archived' }, { stale: '1' }, { owner: 'mine' }, { q: 'delta' }, { band: 'critical' }];
    const check = async () => {
      for (const view of views) expect(await total(cache, 'csm1', view, NOW)).toBe(await uncachedTotal('csm1', view, NOW));
    };
    await check();
    const before = cache.stats.misses;
    await check();
    expect(cache.stats.misses).toBe(before); // all hits while nothing changed

    const created = await create('Delta', 'csm1');
    expect(await total(cache, 'csm1', {}, NOW)).toBe(4);
    expect(await total(cache, 'csm1', { owner: 'mine' }, NOW)).toBe(3);
    expect(await total(cache, 'csm1', { q: 'delta' }, NOW)).toBe(1);
    await check();

    await as('admin', (tx) => setAccountArchived(tx, { organizationId: orgA, actorUserId: people.admin }, { accountId: created, version: 1, archived: true }));
    expect(await total(cache, 'csm1', {}, NOW)).toBe(3);
    expect(await total(cache, 'csm1', { status: 'archived' }, NOW)).toBe(1);
    await check();
    await as('admin', (tx) => setAccountArchived(tx, { organizationId: orgA, actorUserId: people.admin }, { accountId: created, version: 2, archived: false }));
    expect(await total(cache, 'csm1', {}, NOW)).toBe(4);
    await check();

    // Never assessed = stale; a submit (scored now, in real time) takes the account out of the stale view.
    const staleBefore = await total(cache, 'csm1', { stale: '1' });
    await submit('csm1', ids.a1);
    expect(await total(cache, 'csm1', { stale: '1' })).toBe(staleBefore - 1);
    await check();

    await as('admin', (tx) => importAccounts(tx, { organizationId: orgA, actorUserId: people.admin }, 'name,external id,segment,owner email,ARR,renewal date,stage\nEcho,IMP-1,,,,,\nFoxtrot,IMP-2,,,,,'));
    expect(await total(cache, 'csm1', {}, NOW)).toBe(6);
    await check();
  });

  it('is never shared across organisations, nor between users’ "mine" views', async () => {
    const cache = new ResultCache({ maxEntries: 100, ttlMs: 60_000 });
    const mine1 = await total(cache, 'csm1', { owner: 'mine' });
    const mine2 = await total(cache, 'csm2', { owner: 'mine' });
    expect([mine1, mine2]).toEqual([await uncachedTotal('csm1', { owner: 'mine' }), await uncachedTotal('csm2', { owner: 'mine' })]);
    expect(mine1).not.toBe(mine2);
    expect(await total(cache, 'admin', { owner: 'mine' })).toBe(0);
    // Organisation B has no versioned write yet, like A's first reads: its count is its own.
    expect(await total(cache, 'adminB')).toBe(1);
    expect(await total(cache, 'admin')).toBe(await uncachedTotal('admin'));
    // A write in A leaves B's entry valid and B's count unchanged.
    const hitsBefore = cache.stats.hits;
    await create('Golf');
    expect(await total(cache, 'adminB')).toBe(1);
    expect(cache.stats.hits).toBe(hitsBefore + 1);
  });

  it('keys the renewal windows by UTC day and the stale filter by the evaluation time', async () => {
    const cache = new ResultCache({ maxEntries: 100, ttlMs: 60_000 });
    const renewing = await create('Hotel');
    await as('admin', (tx) => tx.account.update({ where: { organizationId_id: { organizationId: orgA, id: renewing } }, data: { renewalDate: new Date('2026-07-01T00:00:00Z') } }));
    // 30 days from 2026-06-01 reaches 2026-07-01; from 2026-05-31 it does not.
    expect(await total(cache, 'admin', { renewal: '30' }, NOW)).toBe(1);
    expect(await total(cache, 'admin', { renewal: '30' }, daysAgo(1))).toBe(0);
    expect(await total(cache, 'admin', { renewal: '30' }, new Date('2026-06-01T23:59:00Z'))).toBe(1);
    // Alpha was assessed in real time; evaluated far in the future it is stale again.
    const later = new Date(Date.now() + 365 * 86_400_000);
    expect(await total(cache, 'csm1', { stale: '1' }, later)).toBe(await uncachedTotal('csm1', { stale: '1' }, later));
    expect(await total(cache, 'csm1', { stale: '1' }, later)).toBeGreaterThan(await total(cache, 'csm1', { stale: '1' }));
  });
});

describe('the stale filter', () => {
  it('takes never assessed accounts and those assessed before the cutoff, not one assessed exactly at it, in either status', async () => {
    const names = async (raw: Record<string, string>, now: Date) =>
      (await as('admin', (tx) => listAccounts(tx, { organizationId: orgA, userId: people.admin, now }, parseAccountListParams(raw)))).rows;
    const scored = await db.prisma.accountScore.findUniqueOrThrow({ where: { organizationId_accountId: { organizationId: orgA, accountId: ids.a1 } } });
    // The review interval is 90 days: evaluated 90 days after Alpha's assessment, the cutoff is exactly its time.
    const atCutoff = new Date(scored.submittedAt.getTime() + 90 * 86_400_000);
    const justAfter = new Date(atCutoff.getTime() + 1);
    for (const sort of ['name', 'assessed', 'score']) {
      const exactly = await names({ stale: '1', sort }, atCutoff);
      expect(exactly.map((row) => row.name)).not.toContain('Alpha');
      expect(exactly.length).toBeGreaterThan(0);
      expect(exactly.every((row) => row.stale && row.lastAssessedAt === null)).toBe(true); // only the never assessed
      const after = await names({ stale: '1', sort }, justAfter);
      expect(after.map((row) => row.name).sort()).toEqual([...exactly.map((row) => row.name), 'Alpha'].sort());
      expect(after.every((row) => row.stale)).toBe(true);
    }
    // Every active or archived row the filter leaves out is not stale, and every one it keeps is.
    for (const status of ['active', 'archived']) {
      const all = await names({ status, size: '100' }, justAfter);
      const stale = await names({ status, stale: '1', size: '100' }, justAfter);
      expect(stale.map((row) => row.id).sort()).toEqual(all.filter((row) => row.stale).map((row) => row.id).sort());
    }
    // An archived, never assessed account is stale in the archived list only.
    const archived = await create('India');
    await as('admin', (tx) => setAccountArchived(tx, { organizationId: orgA, actorUserId: people.admin }, { accountId: archived, version: 1, archived: true }));
    expect((await names({ status: 'archived', stale: '1' }, justAfter)).map((row) => row.id)).toContain(archived);
    expect((await names({ stale: '1' }, justAfter)).map((row) => row.id)).not.toContain(archived);
  });
});
