import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAppClient, pointAppClientAt } from '../helpers/app-client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createOrganizationFixture, type OrganizationFixture } from './members-fixture';

/**
 * lib/tenancy/organization-access.ts, which every page, server action and route handler goes through: the
 * organisation in the URL is honoured only for its members, a foreign organisation looks exactly like a missing
 * one, and the tenant context it opens shows that organisation's rows only.
 */

let db: TestDatabase;
let access: typeof import('@/lib/tenancy/organization-access');
let acme: OrganizationFixture;
let globex: OrganizationFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  pointAppClientAt(db);
  access = await import('@/lib/tenancy/organization-access');
  acme = await createOrganizationFixture(db.prisma, 'Acme', { admin: 'ADMIN', csm: 'CSM' });
  globex = await createOrganizationFixture(db.prisma, 'Globex', { leader: 'LEADER' });
});
afterAll(async () => {
  await closeAppClient();
  await db.drop();
});

const userOf = (fixture: OrganizationFixture, key: string) => {
  const { id, email, name } = fixture.users[key]!;
  return { id, email, name };
};

describe('findOrganizationAccess', () => {
  it('gives a member their organisation and role', async () => {
    const found = await access.findOrganizationAccess(userOf(acme, 'csm'), acme.slug);
    expect(found).toMatchObject({ organization: { id: acme.organizationId, slug: acme.slug, name: acme.name }, role: 'CSM' });
  });

  it('answers a foreign organisation exactly like one that does not exist', async () => {
    expect(await access.findOrganizationAccess(userOf(acme, 'admin'), globex.slug)).toBeNull();
    expect(await access.findOrganizationAccess(userOf(acme, 'admin'), 'no-such-organisation')).toBeNull();
    // The id of the organisation is not a way in either.
    expect(await access.findOrganizationAccess(userOf(acme, 'admin'), globex.organizationId)).toBeNull();
  });

  it('reads memberships as they are now: a removed member loses access on the next check', async () => {
    const leader = userOf(globex, 'leader');
    expect(await access.findOrganizationAccess(leader, globex.slug)).not.toBeNull();
    await db.prisma.membership.delete({ where: { organizationId_userId: { organizationId: globex.organizationId, userId: leader.id } } });
    expect(await access.findOrganizationAccess(leader, globex.slug)).toBeNull();
  });

  it('opens a tenant context that shows the checked organisation only', async () => {
    await db.prisma.account.create({ data: { organizationId: globex.organizationId, name: 'Globex only' } });
    await db.prisma.account.create({ data: { organizationId: acme.organizationId, name: 'Acme only' } });
    const granted = (await access.findOrganizationAccess(userOf(acme, 'admin'), acme.slug))!;
    const names = await access.inOrganization(granted, (tx) => tx.account.findMany({ select: { name: true } }));
    expect(names.map((a) => a.name)).toEqual(['Acme only']);
  });
});
