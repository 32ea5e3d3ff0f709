import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSubjectToRowLevelSecurity } from '@/lib/db/app-role';
import { withInvitationToken, withTenant, withUser } from '@/lib/db/tenant';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Row-level security is the second line of tenant isolation: proven here against the real app role. */

let db: TestDatabase;
const orgA = randomUUID();
const orgB = randomUUID();
const alice = randomUUID(); // member of A
const bob = randomUUID(); // member of B

beforeAll(async () => {
  db = await createTestDatabase();
  const owner = db.prisma;
  await owner.organization.createMany({
    data: [
      { id: orgA, name: 'Org A', slug: 'org-a' },
      { id: orgB, name: 'Org B', slug: 'org-b' },
    ],
  });
  await owner.user.createMany({
    data: [
      { id: alice, email: 'alice@a.example', name: 'Alice' },
      { id: bob, email: 'bob@b.example', name: 'Bob' },
    ],
  });
  await owner.membership.createMany({
    data: [
      { organizationId: orgA, userId: alice, role: 'ADMIN' },
      { organizationId: orgB, userId: bob, role: 'ADMIN' },
    ],
  });
  await owner.account.createMany({
    data: [
      { organizationId: orgA, name: 'A1' },
      { organizationId: orgA, name: 'A2' },
      { organizationId: orgB, name: 'B1' },
    ],
  });
  await owner.invitation.createMany({
    data: [
      { organizationId: orgA, email: 'new@a.example', role: 'CSM', tokenHash: 'hash-a', expiresAt: new Date(Date.now() + 86_400_000) },
      { organizationId: orgB, email: 'new@b.example', role: 'CSM', tokenHash: 'hash-b', expiresAt: new Date(Date.now() + 86_400_000) },
    ],
  });
});
afterAll(async () => {
  await db.drop();
});

describe('row-level security', () => {
  it('the app connects as desired_state_app, which it applies to (the test owner bypasses it)', async () => {
    const [row] = await db.appPrisma.$queryRaw<{ user: string }[]>`SELECT current_user::text AS user`;
    expect(row?.user).toBe('desired_state_app');
    await expect(isSubjectToRowLevelSecurity(db.url)).resolves.toBe(false);
  });

  it('is enabled and forced on every table that has organization_id', async () => {
    const tables = await db.prisma.$queryRaw<{ table: string; enabled: boolean; forced: boolean }[]>`
      SELECT c.relname::text AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relkind = 'r'
         AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id')
              OR c.relname = 'organization')`;
    expect(tables.length).toBeGreaterThanOrEqual(11);
    for (const table of tables) expect(table, table.table).toMatchObject({ enabled: true, forced: true });
  });

  it('a query with no organisation set returns no rows', async () => {
    expect(await db.appPrisma.account.findMany()).toEqual([]);
    expect(await db.appPrisma.organization.findMany()).toEqual([]);
    expect(await db.appPrisma.membership.findMany()).toEqual([]);
    expect(await db.appPrisma.invitation.findMany()).toEqual([]);
  });

  it('a deliberately unscoped query inside org A sees only org A', async () => {
    const names = await withTenant(db.appPrisma, { organizationId: orgA }, (tx) =>
      tx.account.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
    );
    expect(names.map((a) => a.name)).toEqual(['A1', 'A2']);
  });

  it('another organisation set returns none of A’s rows', async () => {
    const rows = await withTenant(db.appPrisma, { organizationId: orgB }, (tx) =>
      tx.account.findMany({ where: { organizationId: orgA } }),
    );
    expect(rows).toEqual([]);
  });

  it('a cross-organisation insert or update is refused', async () => {
    await expect(
      withTenant(db.appPrisma, { organizationId: orgA }, (tx) =>
        tx.account.create({ data: { organizationId: orgB, name: 'smuggled' } }),
      ),
    ).rejects.toThrow(/row-level security|42501/i);
    const updated = await withTenant(db.appPrisma, { organizationId: orgA }, (tx) =>
      tx.account.updateMany({ where: { organizationId: orgB }, data: { name: 'hijacked' } }),
    );
    expect(updated.count).toBe(0);
    expect(await db.prisma.account.count({ where: { name: { in: ['smuggled', 'hijacked'] } } })).toBe(0);
  });

  it('the setting does not outlive its transaction', async () => {
    await withTenant(db.appPrisma, { organizationId: orgA }, (tx) => tx.account.count());
    // Same pool, likely the same connection: nothing may leak.
    for (let i = 0; i < 5; i++) expect(await db.appPrisma.account.count()).toBe(0);
  });

  it('a user sees only their own memberships and organisations before choosing one', async () => {
    const orgs = await withUser(db.appPrisma, alice, (tx) => tx.organization.findMany({ select: { slug: true } }));
    expect(orgs).toEqual([{ slug: 'org-a' }]);
    const memberships = await withUser(db.appPrisma, alice, (tx) => tx.membership.findMany());
    expect(memberships.map((m) => m.organizationId)).toEqual([orgA]);
    expect(await withUser(db.appPrisma, alice, (tx) => tx.account.count())).toBe(0);
  });

  it('user_memberships() reads one user\'s memberships under RLS in one statement, and leaves no setting behind', async () => {
    type Row = { organization_slug: string; role: string };
    const mine = await db.appPrisma.$queryRaw<Row[]>`SELECT organization_slug, role::text FROM user_memberships(${alice}::uuid)`;
    expect(mine).toEqual([{ organization_slug: 'org-a', role: 'ADMIN' }]);
    // Called by the app role, it is bound by the same policies: nothing of the user's survives the statement.
    expect(await db.appPrisma.membership.findMany()).toEqual([]);
    // Inside a tenant transaction it puts the previous user back: what follows still runs as that user (none here).
    const after = await withTenant(db.appPrisma, { organizationId: orgB }, async (tx) => {
      await tx.$queryRaw`SELECT * FROM user_memberships(${alice}::uuid)`;
      const [row] = await tx.$queryRaw<{ user_id: string }[]>`SELECT current_setting('app.user_id', true) AS user_id`;
      return { userId: row?.user_id, accounts: (await tx.account.findMany({ select: { name: true } })).map((a) => a.name) };
    });
    expect(after).toEqual({ userId: '', accounts: ['B1'] });
    const nobody = await db.appPrisma.$queryRaw<Row[]>`SELECT organization_slug, role::text FROM user_memberships(${randomUUID()}::uuid)`;
    expect(nobody).toEqual([]);
  });

  it('an invitation is visible by its token hash alone, and no other', async () => {
    const found = await withInvitationToken(db.appPrisma, 'hash-b', (tx) => tx.invitation.findMany());
    expect(found.map((i) => i.email)).toEqual(['new@b.example']);
    const none = await withInvitationToken(db.appPrisma, 'wrong', (tx) => tx.invitation.findMany());
    expect(none).toEqual([]);
  });
});
