import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAuditFilters } from '@/lib/audit/audit-filters';
import { exportAuditCsv } from '@/lib/audit/export-audit-csv';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { listAuditFilterOptions } from '@/lib/audit/list-audit-filter-options';
import { AppError } from '@/lib/errors';
import { reassignMemberAccounts } from '@/lib/members/reassign-member-accounts';
import { removeMember } from '@/lib/members/remove-member';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { actorIn, createOrganizationFixture, type OrganizationFixture } from './members-fixture';

/** Bulk reassignment of a member's accounts (then removal), and the audit log's filters and CSV export. */

let db: TestDatabase;
let signedIn: { id: string; email: string; name: string } | null = null;

vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn, requireUser: async () => signedIn }));
vi.mock('@/lib/db/prisma', () => ({ prisma: () => db.appPrisma }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const memberActions = await import('@/app/o/[slug]/settings/members/actions');
const exportRoute = await import('@/app/api/o/[slug]/audit/export/route');

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const team = (label = 'Book') =>
  createOrganizationFixture(db.prisma, label, { admin: 'ADMIN', leader: 'LEADER', csm: 'CSM', csm2: 'CSM' });
const signInAs = (org: OrganizationFixture, key: string) => {
  const user = org.users[key]!;
  signedIn = { id: user.id, email: user.email, name: user.name };
};

/** Accounts owned by `key` (one archived), by another CSM and by nobody. */
async function book(org: OrganizationFixture) {
  const organizationId = org.organizationId;
  const owned: string[] = [randomUUID(), randomUUID(), randomUUID()];
  const others: string[] = [randomUUID(), randomUUID()];
  await db.prisma.account.createMany({
    data: [
      { organizationId, id: owned[0]!, name: 'Owned A', ownerUserId: org.users.csm!.id },
      { organizationId, id: owned[1]!, name: 'Owned B', ownerUserId: org.users.csm!.id },
      { organizationId, id: owned[2]!, name: 'Owned archived', ownerUserId: org.users.csm!.id, archivedAt: new Date() },
      { organizationId, id: others[0]!, name: 'Theirs', ownerUserId: org.users.csm2!.id },
      { organizationId, id: others[1]!, name: 'Nobody’s' },
    ],
  });
  return { owned, others };
}
const accountsOf = (org: OrganizationFixture) =>
  db.prisma.account.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: 'asc' } });

describe('removing a member who owns accounts, after a bulk reassign', () => {
  it('refuses the removal with how many accounts to reassign; the reassign moves exactly theirs, audited; then removal works', async () => {
    const org = await team();
    const other = await team('Other');
    const { owned, others } = await book(org);
    const { owned: otherOwned } = await book(other);
    const admin = actorIn(org, 'admin');
    const csm = org.users.csm!;

    const refused = await rejection(removeMember(db.appPrisma, admin, { userId: csm.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(`${csm.name} owns 3 accounts. Assign them to another member before removing ${csm.name}.`);

    const before = await accountsOf(org);
    const otherBefore = await accountsOf(other);
    expect(await reassignMemberAccounts(db.appPrisma, admin, { fromUserId: csm.id, toUserId: org.users.csm2!.id })).toEqual({ moved: 3 });

    const after = await accountsOf(org);
    for (const account of after) {
      const was = before.find((row) => row.id === account.id)!;
      if (owned.includes(account.id)) {
        expect(account).toMatchObject({ ownerUserId: org.users.csm2!.id, version: was.version + 1, archivedAt: was.archivedAt });
      } else {
        expect(account).toEqual(was); // nothing else moved, not even touched
      }
    }
    expect(others).toHaveLength(2);
    expect(await accountsOf(other)).toEqual(otherBefore);
    expect(otherOwned).toHaveLength(3);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, action: 'accounts.owner_reassigned' } });
    expect(audit).toMatchObject({ actorUserId: admin.userId, entityType: 'membership', entityId: csm.id });
    expect(audit.before).toMatchObject({ ownerUserId: csm.id, ownerEmail: csm.email, accounts: 3 });
    expect(audit.after).toMatchObject({ ownerUserId: org.users.csm2!.id, accounts: 3 });
    expect([...(audit.after as { accountIds: string[] }).accountIds].sort()).toEqual([...owned].sort());

    expect(await removeMember(db.appPrisma, admin, { userId: csm.id })).toEqual({ removed: true });
  });

  it('can leave the accounts unassigned, through the server action', async () => {
    const org = await team();
    const { owned } = await book(org);
    signInAs(org, 'admin');
    const result = await memberActions.reassignMemberAccountsAction(org.slug, { fromUserId: org.users.csm!.id, toUserId: '' });
    expect(result).toEqual({ ok: true, data: { moved: 3 } });
    const moved = await db.prisma.account.findMany({ where: { id: { in: owned } } });
    expect(moved.every((account) => account.ownerUserId === null)).toBe(true);
    expect(await memberActions.removeMemberAction(org.slug, { userId: org.users.csm!.id })).toMatchObject({ ok: true });
  });

  it('refuses a target who is not a member, or the member themself, with a clear message, and moves nothing', async () => {
    const org = await team();
    const other = await team('Other');
    await book(org);
    const before = await accountsOf(org);
    signInAs(org, 'admin');
    const outsider = await memberActions.reassignMemberAccountsAction(org.slug, { fromUserId: org.users.csm!.id, toUserId: other.users.csm!.id });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { toUserId: ['Choose a current member of this organisation.'] } } });
    const self = await memberActions.reassignMemberAccountsAction(org.slug, { fromUserId: org.users.csm!.id, toUserId: org.users.csm!.id });
    expect(self).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { toUserId: ['Choose someone other than the current owner.'] } } });
    expect(await accountsOf(org)).toEqual(before);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });

  it('LEADER and CSM get FORBIDDEN; another organisation gets NOT_FOUND, for its slug and for a member id; nothing moves', async () => {
    const org = await team();
    const other = await team('Other');
    await book(org);
    const before = await accountsOf(org);
    const input = { fromUserId: org.users.csm!.id, toUserId: org.users.csm2!.id };
    for (const key of ['leader', 'csm']) {
      signInAs(org, key);
      expect(await memberActions.reassignMemberAccountsAction(org.slug, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await rejection(reassignMemberAccounts(db.appPrisma, actorIn(org, key), input))).code).toBe('FORBIDDEN');
    }
    signInAs(other, 'admin');
    expect(await memberActions.reassignMemberAccountsAction(org.slug, input)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const crossId = await memberActions.reassignMemberAccountsAction(other.slug, { fromUserId: org.users.csm!.id, toUserId: '' });
    expect(crossId).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
    expect(await accountsOf(org)).toEqual(before);
  });
});

describe('audit log filters and CSV export', () => {
  let org: OrganizationFixture;
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  beforeAll(async () => {
    org = await team('Audited');
    const other = await team('Elsewhere');
    const admin = org.users.admin!.id;
    const leader = org.users.leader!.id;
    await db.prisma.auditEvent.createMany({
      data: [
        { organizationId: org.organizationId, actorUserId: admin, action: 'account.updated', entityType: 'account', entityId: randomUUID(), before: { name: 'Old' }, after: { name: '=HYPERLINK("http://evil")' }, createdAt: day('2026-03-01') },
        { organizationId: org.organizationId, actorUserId: admin, action: 'segment.created', entityType: 'segment', entityId: randomUUID(), after: { name: 'Tech' }, createdAt: day('2026-03-05') },
        { organizationId: org.organizationId, actorUserId: leader, action: 'account.owner_assigned', entityType: 'account', entityId: randomUUID(), createdAt: day('2026-03-10') },
        { organizationId: org.organizationId, actorUserId: null, action: 'auth.locked_out', entityType: 'user', entityId: leader, createdAt: new Date('2026-03-10T18:00:00Z') },
        { organizationId: other.organizationId, actorUserId: other.users.admin!.id, action: 'account.updated', entityType: 'account', createdAt: day('2026-03-01') },
      ],
    });
  });

  const actions = async (query: string) =>
    (await listAuditEvents(db.appPrisma, actorIn(org, 'admin'), { filters: parseAuditFilters(new URLSearchParams(query)).filters })).rows.map(
      (row) => row.action,
    );

  it('filters by actor (or the system), by action or entity type, and by an inclusive UTC date range', async () => {
    expect(await actions('')).toEqual(['auth.locked_out', 'account.owner_assigned', 'segment.created', 'account.updated']);
    expect(await actions(`actor=${org.users.leader!.id}`)).toEqual(['account.owner_assigned']);
    expect(await actions('actor=system')).toEqual(['auth.locked_out']);
    expect(await actions('kind=action:segment.created')).toEqual(['segment.created']);
    expect(await actions('kind=entity:account')).toEqual(['account.owner_assigned', 'account.updated']);
    expect(await actions('from=2026-03-05&to=2026-03-05')).toEqual(['segment.created']);
    expect(await actions('from=2026-03-02')).toEqual(['auth.locked_out', 'account.owner_assigned', 'segment.created']);
    expect(await actions(`to=2026-03-09&actor=${org.users.admin!.id}&kind=entity:account`)).toEqual(['account.updated']);
  });

  it('drops a bad filter with a message saying why', () => {
    const { filters, errors } = parseAuditFilters(new URLSearchParams('actor=bob&kind=drop table&from=2026-02-30&to=2026-03-01'));
    expect(filters).toEqual({ actor: null, kind: null, from: null, to: '2026-03-01' });
    expect(errors).toEqual([
      'Unknown person; showing everyone.',
      'Unknown kind of event; showing every kind.',
      'The start date must be a date in the form YYYY-MM-DD; it was ignored.',
    ]);
    expect(parseAuditFilters({ from: '2026-03-09', to: '2026-03-01' }).errors).toEqual(['The start date is after the end date; the dates were ignored.']);
  });

  it('offers only the actors, actions and entity types of this organisation’s log', async () => {
    const options = await listAuditFilterOptions(db.appPrisma, actorIn(org, 'admin'));
    expect(options.actors.map((actor) => actor.userId).sort()).toEqual([org.users.admin!.id, org.users.leader!.id].sort());
    expect(options.actions).toEqual(['account.owner_assigned', 'account.updated', 'auth.locked_out', 'segment.created']);
    expect(options.entityTypes).toEqual(['account', 'segment', 'user']);
  });

  it('exports exactly the filtered events as CSV, with formula-looking cells defused', async () => {
    const filters = parseAuditFilters({ kind: 'entity:account' }).filters;
    const csv = await exportAuditCsv(db.appPrisma, actorIn(org, 'admin'), filters);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time (UTC),actor name,actor email,action,entity type,entity id,entity,before,after');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`2026-03-10T12:00:00.000Z,${org.users.leader!.name},${org.users.leader!.email},account.owner_assigned,account,`);
    expect(lines[2]).toContain(',account.updated,account,');
    expect(lines[2]).toContain('"{""name"":""Old""}"');
    // JSON never starts with "=", but a name in it could be pasted alone: the cell is JSON text, quoted.
    expect(lines[2]).toContain('"{""name"":""=HYPERLINK(\\""http://evil\\"")""}"');
    expect(csv).not.toMatch(/(^|,)=/m);
  });

  it('the export route answers ADMIN with the CSV file, LEADER and CSM with 403, another organisation with 404', async () => {
    const get = (slug: string, query = '') =>
      exportRoute.GET(new Request(`http://localhost/api/o/${slug}/audit/export${query}`), { params: Promise.resolve({ slug }) });
    signInAs(org, 'admin');
    const response = await get(org.slug, '?actor=system');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="${org.slug}-audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    const body = await response.text();
    expect(body.trimEnd().split('\r\n')).toHaveLength(2);
    expect(body).toContain(',system,,auth.locked_out,user,');
    for (const key of ['leader', 'csm']) {
      signInAs(org, key);
      expect((await get(org.slug)).status).toBe(403);
    }
    const outsider = await team('Outsider');
    signInAs(outsider, 'admin');
    const missing = await get(org.slug);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
});
