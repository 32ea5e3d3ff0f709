import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountListSearch, parseAccountListParams } from '@/lib/accounts/account-list-params';
import { exportAccountsCsv } from '@/lib/accounts/export-accounts-csv';
import { listAccounts } from '@/lib/accounts/list-accounts';
import { updateAccount } from '@/lib/accounts/update-account';
import { withTenant } from '@/lib/db/tenant';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createAccountsFixture, NOW, type AccountsFixture } from './accounts-fixture';

/** The accounts list (filters, sorts, pages) and every account action, against a real database under RLS. */

let db: TestDatabase;
let fx: AccountsFixture;
let signedIn: { id: string; email: string; name: string } | null = null;

// The actions run for real; only the request's session, the app's client and Next's cache are stand-ins.
vi.mock('@/lib/auth/current-user', () => ({
  getCurrentUser: async () => signedIn,
  requireUser: async () => signedIn,
}));
vi.mock('@/lib/db/prisma', () => ({ prisma: () => db.appPrisma }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const actions = await import('@/app/o/[slug]/accounts/actions');

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createAccountsFixture(db.prisma, 'list');
});
afterAll(async () => {
  await db.drop();
});

const as = (who: keyof AccountsFixture['users'] | 'other') => {
  signedIn =
    who === 'other'
      ? { id: fx.otherOrg.admin, email: 'other@acc.example', name: 'Otto' }
      : { id: fx.users[who], email: fx.emails[who], name: who };
};

async function list(raw: Record<string, string>, userId = fx.users.admin) {
  return withTenant(db.appPrisma, { organizationId: fx.orgId, userId }, (tx) =>
    listAccounts(tx, { organizationId: fx.orgId, userId, now: NOW }, parseAccountListParams(raw)),
  );
}
const names = async (raw: Record<string, string>, userId?: string) => (await list(raw, userId)).rows.map((row) => row.name);
const accountCount = () => db.prisma.account.count({ where: { organizationId: fx.orgId } });
const auditCount = () => db.prisma.auditEvent.count({ where: { organizationId: fx.orgId } });

describe('the account list', () => {
  it('shows the active accounts of the organisation only, by name', async () => {
    expect(await names({})).toEqual(['Acme Corp', 'Beta Ltd', 'Delta 50% Inc', 'Epsilon co', 'Gamma GmbH']);
    expect(await names({ status: 'archived' })).toEqual(['Zeta Archived']);
  });

  it('sorts by every column with NULLs last in both directions', async () => {
    expect(await names({ sort: 'score' })).toEqual(['Acme Corp', 'Delta 50% Inc', 'Beta Ltd', 'Gamma GmbH', 'Epsilon co']);
    expect(await names({ sort: 'score', dir: 'desc' })).toEqual(['Gamma GmbH', 'Beta Ltd', 'Delta 50% Inc', 'Acme Corp', 'Epsilon co']);
    expect(await names({ sort: 'gap' })).toEqual(['Acme Corp', 'Delta 50% Inc', 'Beta Ltd', 'Gamma GmbH', 'Epsilon co']);
    expect(await names({ sort: 'arr' })).toEqual(['Acme Corp', 'Gamma GmbH', 'Beta Ltd', 'Epsilon co', 'Delta 50% Inc']);
    expect(await names({ sort: 'arr', dir: 'asc' })).toEqual(['Epsilon co', 'Beta Ltd', 'Gamma GmbH', 'Acme Corp', 'Delta 50% Inc']);
    expect(await names({ sort: 'renewal' })).toEqual(['Acme Corp', 'Beta Ltd', 'Gamma GmbH', 'Epsilon co', 'Delta 50% Inc']);
    expect(await names({ sort: 'assessed' })).toEqual(['Acme Corp', 'Gamma GmbH', 'Delta 50% Inc', 'Beta Ltd', 'Epsilon co']);
    expect(await names({ sort: 'name', dir: 'desc' })).toEqual(['Gamma GmbH', 'Epsilon co', 'Delta 50% Inc', 'Beta Ltd', 'Acme Corp']);
  });

  it('filters by owner, segment, stage, band, staleness and renewal window', async () => {
    expect(await names({ owner: 'mine' }, fx.users.csm)).toEqual(['Acme Corp', 'Beta Ltd']);
    expect(await names({ segment: fx.segments.enterprise })).toEqual(['Acme Corp', 'Gamma GmbH']);
    expect(await names({ stage: fx.stages.onboarding })).toEqual(['Beta Ltd', 'Gamma GmbH']);
    expect(await names({ band: 'critical' })).toEqual(['Acme Corp']);
    expect(await names({ stale: '1' })).toEqual(['Beta Ltd', 'Delta 50% Inc', 'Epsilon co']);
    expect(await names({ renewal: '30' })).toEqual(['Acme Corp']);
    expect(await names({ renewal: '60' })).toEqual(['Acme Corp', 'Beta Ltd']);
    expect(await names({ renewal: '90' })).toEqual(['Acme Corp', 'Beta Ltd', 'Gamma GmbH']);
    expect(await names({ renewal: '90', segment: fx.segments.enterprise, sort: 'score', dir: 'desc' })).toEqual(['Gamma GmbH', 'Acme Corp']);
  });

  it('sorts "mine" by score, gap and last assessed (the owner-first plan) with NULLs last, like the whole list', async () => {
    expect(await names({ owner: 'mine', sort: 'score' }, fx.users.csm)).toEqual(['Acme Corp', 'Beta Ltd']);
    expect(await names({ owner: 'mine', sort: 'score', dir: 'desc' }, fx.users.csm)).toEqual(['Beta Ltd', 'Acme Corp']);
    expect(await names({ owner: 'mine', sort: 'gap' }, fx.users.csm)).toEqual(['Acme Corp', 'Beta Ltd']);
    expect(await names({ owner: 'mine', sort: 'assessed' }, fx.users.csm)).toEqual(['Acme Corp', 'Beta Ltd']);
    expect(await names({ owner: 'mine', sort: 'score' }, fx.users.csm2)).toEqual(['Gamma GmbH', 'Epsilon co']);
    expect(await names({ owner: 'mine', sort: 'score', dir: 'desc' }, fx.users.csm2)).toEqual(['Gamma GmbH', 'Epsilon co']);
    expect(await names({ owner: 'mine', sort: 'assessed', status: 'archived' }, fx.users.csm)).toEqual(['Zeta Archived']);
    expect(await names({ owner: 'mine', sort: 'score' }, fx.users.leader)).toEqual([]);
  });

  it('searches name and external id case-insensitively, with LIKE wildcards taken literally', async () => {
    expect(await names({ q: 'ACME' })).toEqual(['Acme Corp']);
    expect(await names({ q: 'crm-00' })).toEqual(['Acme Corp', 'Beta Ltd', 'Gamma GmbH']);
    expect(await names({ q: '50%' })).toEqual(['Delta 50% Inc']);
    expect(await names({ q: '_' })).toEqual([]);
  });

  it('falls back to defaults for malformed params instead of failing', async () => {
    const params = parseAccountListParams({ sort: 'bogus', dir: 'sideways', page: '-3', band: 'x', segment: 'nope', renewal: '45', stale: 'yes', owner: 'x' });
    expect(params).toEqual(parseAccountListParams({}));
    expect(await names({ sort: 'bogus', page: 'abc', segment: "'; DROP TABLE account; --" })).toHaveLength(5);
  });

  it('paginates 50 per page; a page past the end shows the last one', async () => {
    await db.prisma.account.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({ organizationId: fx.orgId, name: `Page ${String(index).padStart(3, '0')}`, segmentId: fx.segments.retired })),
    });
    const filter = { segment: fx.segments.retired, size: '50' };
    const pages = await Promise.all([1, 2, 3].map((page) => list({ ...filter, page: String(page) })));
    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(pages[0]!.total).toBe(120);
    expect(pages[0]!.pageCount).toBe(3);
    const all = pages.flatMap((page) => page.rows.map((row) => row.name));
    expect(new Set(all).size).toBe(120);
    expect(all[0]).toBe('Page 000');
    expect(all[119]).toBe('Page 119');
    // A sort key every row lacks: the whole list is the NULL slice, still paged by name.
    const byScore = await Promise.all([2, 3].map((page) => list({ ...filter, sort: 'score', page: String(page) })));
    expect(byScore.map((page) => [page.rows[0]!.name, page.rows.length])).toEqual([['Page 050', 50], ['Page 100', 20]]);
    const beyond = await list({ ...filter, page: '99' });
    expect(beyond.page).toBe(3);
    await db.prisma.account.deleteMany({ where: { organizationId: fx.orgId, segmentId: fx.segments.retired } });
  });

  it('shows 25 rows per page by default, 25, 50 or 100 when asked, and the default for any other size', async () => {
    await db.prisma.account.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({ organizationId: fx.orgId, name: `Size ${String(index).padStart(3, '0')}`, segmentId: fx.segments.retired })),
    });
    const filter = { segment: fx.segments.retired };
    const byDefault = await list({ ...filter, page: '2' });
    expect([byDefault.pageSize, byDefault.pageCount, byDefault.rows.length, byDefault.rows[0]!.name]).toEqual([25, 5, 25, 'Size 025']);
    for (const [size, pageCount, lastRows] of [['25', 5, 20], ['50', 3, 20], ['100', 2, 20]] as const) {
      const last = await list({ ...filter, size, page: String(pageCount) });
      expect([last.pageSize, last.pageCount, last.rows.length]).toEqual([Number(size), pageCount, lastRows]);
    }
    for (const size of ['10', '1000', 'all', '-1']) expect((await list({ ...filter, size })).pageSize).toBe(25);
    expect(accountListSearch(parseAccountListParams({ size: '50', page: '2' }))).toBe('?page=2&size=50');
    expect(accountListSearch(parseAccountListParams({ size: '25' }))).toBe('');
    await db.prisma.account.deleteMany({ where: { organizationId: fx.orgId, segmentId: fx.segments.retired } });
  });

  it('exports the filtered list as CSV with formula cells neutralised', async () => {
    await db.prisma.account.update({ where: { organizationId_id: { organizationId: fx.orgId, id: fx.accounts['Epsilon co']! } }, data: { externalId: '=HYPERLINK("x")' } });
    const csv = await withTenant(db.appPrisma, { organizationId: fx.orgId, userId: fx.users.admin }, (tx) =>
      exportAccountsCsv(tx, { organizationId: fx.orgId, userId: fx.users.admin, now: NOW }, parseAccountListParams({ renewal: '90', sort: 'arr' })),
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,external id,segment,owner name,owner email,stage,ARR,renewal date,score,gap,band,last assessed,stale');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['Acme Corp', 'Gamma GmbH', 'Beta Ltd']);
    expect(lines[1]).toContain('500000.00,2026-06-21,45,40,critical');
    const everything = await withTenant(db.appPrisma, { organizationId: fx.orgId, userId: fx.users.admin }, (tx) =>
      exportAccountsCsv(tx, { organizationId: fx.orgId, userId: fx.users.admin, now: NOW }, parseAccountListParams({})),
    );
    expect(everything).toContain(`"'=HYPERLINK(""x"")"`);
    await db.prisma.account.update({ where: { organizationId_id: { organizationId: fx.orgId, id: fx.accounts['Epsilon co']! } }, data: { externalId: null } });
  });
});

const validNew = () => ({
  name: 'New Co',
  externalId: `NEW-${randomUUID().slice(0, 6)}`,
  segmentId: fx.segments.enterprise,
  journeyStageId: fx.stages.onboarding,
  arr: '120,000.50',
  renewalDate: '2027-01-31',
  ownerUserId: fx.users.csm,
});

describe('createAccountAction', () => {
  it('creates an account for an ADMIN and audits it', async () => {
    as('admin');
    const input = validNew();
    const result = await actions.createAccountAction(fx.slug, input);
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : '';
    const account = await db.prisma.account.findFirstOrThrow({ where: { organizationId: fx.orgId, id } });
    expect(account).toMatchObject({ name: 'New Co', externalId: input.externalId, ownerUserId: fx.users.csm, version: 1 });
    expect(account.arr?.toFixed(2)).toBe('120000.50');
    expect(account.renewalDate?.toISOString().slice(0, 10)).toBe('2027-01-31');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: fx.orgId, entityId: id } });
    expect(audit).toMatchObject({ action: 'account.created', actorUserId: fx.users.admin, entityType: 'account' });
    expect(audit.after).toMatchObject({ name: 'New Co', arr: '120000.50', renewalDate: '2027-01-31' });
  });

  it.each([
    ['a missing name', { name: '  ' }, 'name'],
    ['a negative ARR', { arr: '-5' }, 'arr'],
    ['a non-numeric ARR', { arr: 'lots' }, 'arr'],
    ['an impossible date', { renewalDate: '2026-02-30' }, 'renewalDate'],
    ['a date in another format', { renewalDate: '31/01/2027' }, 'renewalDate'],
    ['a segment of no organisation', { segmentId: randomUUID() }, 'segmentId'],
    ['a retired segment', { segmentId: 'RETIRED' }, 'segmentId'],
    ['a stage that is not an id', { journeyStageId: 'Onboarding' }, 'journeyStageId'],
    ['an owner who is not a member', { ownerUserId: 'OTHER' }, 'ownerUserId'],
    ['an external id already in use', { externalId: 'CRM-001' }, 'externalId'],
  ])('refuses %s with a field error and writes nothing', async (_label, change, field) => {
    as('admin');
    const before = [await accountCount(), await auditCount()];
    const input: Record<string, unknown> = { ...validNew(), ...change };
    if (input.segmentId === 'RETIRED') input.segmentId = fx.segments.retired;
    if (input.ownerUserId === 'OTHER') input.ownerUserId = fx.otherOrg.admin;
    const result = await actions.createAccountAction(fx.slug, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.fieldErrors?.[field]?.[0]).toBeTruthy();
    }
    expect([await accountCount(), await auditCount()]).toEqual(before);
  });

  it('is forbidden to LEADERs and CSMs, and not found for another organisation and unknown slugs', async () => {
    for (const who of ['leader', 'csm'] as const) {
      as(who);
      const result = await actions.createAccountAction(fx.slug, validNew());
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
    as('other');
    const other = await actions.createAccountAction(fx.slug, validNew());
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
    signedIn = null;
    const anonymous = await actions.createAccountAction(fx.slug, validNew());
    expect(anonymous.ok ? 'ok' : anonymous.error.code).toBe('UNAUTHENTICATED');
  });
});

async function freshAccount(name: string): Promise<{ id: string; version: number }> {
  const account = await db.prisma.account.create({
    data: { organizationId: fx.orgId, name, segmentId: fx.segments.midMarket },
    select: { id: true, version: true },
  });
  return account;
}

describe('updateAccountAction', () => {
  it('saves an edit at the current version, bumps it and audits before/after', async () => {
    as('admin');
    const account = await freshAccount('Edit Me');
    const result = await actions.updateAccountAction(fx.slug, {
      accountId: account.id,
      version: account.version,
      name: 'Edited',
      segmentId: fx.segments.enterprise,
      arr: '10',
      renewalDate: '',
    });
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: fx.orgId, entityId: account.id, action: 'account.updated' } });
    expect(audit.before).toMatchObject({ name: 'Edit Me', segmentId: fx.segments.midMarket, version: 1 });
    expect(audit.after).toMatchObject({ name: 'Edited', segmentId: fx.segments.enterprise, arr: '10.00', version: 2 });
  });

  it('rejects a stale version with CONFLICT and changes nothing', async () => {
    as('admin');
    const account = await freshAccount('Stale');
    await actions.updateAccountAction(fx.slug, { accountId: account.id, version: 1, name: 'First' });
    const auditsBefore = await auditCount();
    const result = await actions.updateAccountAction(fx.slug, { accountId: account.id, version: 1, name: 'Second' });
    expect(result.ok ? 'ok' : result.error.code).toBe('CONFLICT');
    expect(result.ok ? '' : result.error.message).toMatch(/Someone else changed this account/);
    expect((await db.prisma.account.findFirstOrThrow({ where: { id: account.id } })).name).toBe('First');
    expect(await auditCount()).toBe(auditsBefore);
  });

  it('lets exactly one of two concurrent edits of one version win', async () => {
    const account = await freshAccount('Race');
    const edit = (name: string) =>
      withTenant(db.appPrisma, { organizationId: fx.orgId, userId: fx.users.admin }, (tx) =>
        updateAccount(tx, { organizationId: fx.orgId, actorUserId: fx.users.admin }, {
          accountId: account.id,
          version: 1,
          name,
          externalId: null,
          segmentId: null,
          journeyStageId: null,
          arr: null,
          renewalDate: null,
        }),
      );
    const outcomes = await Promise.allSettled([edit('Left'), edit('Right')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    const stored = await db.prisma.account.findFirstOrThrow({ where: { id: account.id } });
    expect(stored.version).toBe(2);
    expect(['Left', 'Right']).toContain(stored.name);
  });

  it('answers NOT_FOUND for another organisation’s account, and FORBIDDEN for a LEADER', async () => {
    as('admin');
    const cross = await actions.updateAccountAction(fx.slug, { accountId: fx.otherOrg.accountId, version: 1, name: 'Hijack' });
    expect(cross.ok ? 'ok' : cross.error.code).toBe('NOT_FOUND');
    expect((await db.prisma.account.findFirstOrThrow({ where: { id: fx.otherOrg.accountId } })).name).toBe('Other Acme');
    as('leader');
    const leader = await actions.updateAccountAction(fx.slug, { accountId: fx.accounts['Acme Corp'], version: 1, name: 'X' });
    expect(leader.ok ? 'ok' : leader.error.code).toBe('FORBIDDEN');
  });

  it('refuses empty input and an external id of another account', async () => {
    as('admin');
    const empty = await actions.updateAccountAction(fx.slug, {});
    expect(empty.ok ? 'ok' : empty.error.code).toBe('VALIDATION');
    const account = await freshAccount('Dup');
    const duplicate = await actions.updateAccountAction(fx.slug, { accountId: account.id, version: 1, name: 'Dup', externalId: 'CRM-002' });
    expect(duplicate.ok ? 'ok' : duplicate.error.fieldErrors?.externalId?.[0]).toMatch(/Beta Ltd/);
  });
});

describe('setAccountArchivedAction', () => {
  it('archives and restores with audit events; a stale version is a CONFLICT', async () => {
    as('admin');
    const account = await freshAccount('Archive Me');
    const archived = await actions.setAccountArchivedAction(fx.slug, { accountId: account.id, version: 1, archived: true });
    expect(archived).toEqual({ ok: true, data: { version: 2 } });
    expect(await names({ q: 'Archive Me' })).toEqual([]);
    expect(await names({ q: 'Archive Me', status: 'archived' })).toEqual(['Archive Me']);
    const stale = await actions.setAccountArchivedAction(fx.slug, { accountId: account.id, version: 1, archived: false });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    const restored = await actions.setAccountArchivedAction(fx.slug, { accountId: account.id, version: 2, archived: false });
    expect(restored).toEqual({ ok: true, data: { version: 3 } });
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: account.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => event.action)).toEqual(['account.archived', 'account.restored']);
  });

  it('is forbidden to a LEADER and not found across organisations', async () => {
    as('leader');
    const leader = await actions.setAccountArchivedAction(fx.slug, { accountId: fx.accounts['Acme Corp'], version: 1, archived: true });
    expect(leader.ok ? 'ok' : leader.error.code).toBe('FORBIDDEN');
    as('admin');
    const cross = await actions.setAccountArchivedAction(fx.slug, { accountId: fx.otherOrg.accountId, version: 1, archived: true });
    expect(cross.ok ? 'ok' : cross.error.code).toBe('NOT_FOUND');
  });
});

describe('assignAccountOwnerAction', () => {
  it('lets a LEADER (and an ADMIN) assign a member, audited; a CSM is forbidden', async () => {
    const account = await freshAccount('Owner Me');
    as('leader');
    const assigned = await actions.assignAccountOwnerAction(fx.slug, { accountId: account.id, version: 1, ownerUserId: fx.users.csm2 });
    expect(assigned).toEqual({ ok: true, data: { version: 2 } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: account.id, action: 'account.owner_assigned' } });
    expect(audit.before).toMatchObject({ ownerUserId: null });
    expect(audit.after).toMatchObject({ ownerUserId: fx.users.csm2 });
    as('admin');
    const unassigned = await actions.assignAccountOwnerAction(fx.slug, { accountId: account.id, version: 2, ownerUserId: '' });
    expect(unassigned).toEqual({ ok: true, data: { version: 3 } });
    as('csm');
    const csm = await actions.assignAccountOwnerAction(fx.slug, { accountId: account.id, version: 3, ownerUserId: fx.users.csm });
    expect(csm.ok ? 'ok' : csm.error.code).toBe('FORBIDDEN');
  });

  it('refuses a non-member owner, a stale version and another organisation’s account', async () => {
    as('admin');
    const account = await freshAccount('Owner Checks');
    const outsider = await actions.assignAccountOwnerAction(fx.slug, { accountId: account.id, version: 1, ownerUserId: fx.otherOrg.admin });
    expect(outsider.ok ? 'ok' : outsider.error.fieldErrors?.ownerUserId?.[0]).toMatch(/member/);
    const stale = await actions.assignAccountOwnerAction(fx.slug, { accountId: account.id, version: 7, ownerUserId: fx.users.csm });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    const cross = await actions.assignAccountOwnerAction(fx.slug, { accountId: fx.otherOrg.accountId, version: 1, ownerUserId: fx.users.csm });
    expect(cross.ok ? 'ok' : cross.error.code).toBe('NOT_FOUND');
    expect((await db.prisma.account.findFirstOrThrow({ where: { id: account.id } })).ownerUserId).toBeNull();
  });
});
