import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { changeMemberRole } from '@/lib/members/change-member-role';
import { listMembers } from '@/lib/members/list-members';
import { removeMember } from '@/lib/members/remove-member';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { actorIn, createOrganizationFixture, type OrganizationFixture } from './members-fixture';
import { raceBehindLock } from './race-behind-lock';

/** Member management through the app role (row-level security applies), checked through the owner connection. */

let db: TestDatabase;
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

const team = () => createOrganizationFixture(db.prisma, 'Team', { admin: 'ADMIN', leader: 'LEADER', csm: 'CSM', csm2: 'CSM' });
/** The owner's lock on an organisation's admin memberships, which the use cases then queue behind. */
const lockAdmins = (org: OrganizationFixture) =>
  Prisma.sql`SELECT user_id FROM membership WHERE organization_id = ${org.organizationId}::uuid AND role = 'ADMIN' FOR UPDATE`;

const roleOf = async (org: OrganizationFixture, key: string) =>
  (
    await db.prisma.membership.findUnique({
      where: { organizationId_userId: { organizationId: org.organizationId, userId: org.users[key]!.id } },
    })
  )?.role ?? null;

describe('listing members', () => {
  it('shows every member with name, email, role, joined date and owned accounts, for admins only', async () => {
    const org = await team();
    await db.prisma.account.create({ data: { organizationId: org.organizationId, name: 'Owned', ownerUserId: org.users.csm!.id } });
    const members = await listMembers(db.appPrisma, actorIn(org, 'admin'));
    expect(members).toHaveLength(4);
    expect(members.find((member) => member.userId === org.users.csm!.id)).toMatchObject({
      name: org.users.csm!.name,
      email: org.users.csm!.email,
      role: 'CSM',
      ownedAccounts: 1,
    });
    expect(members.every((member) => member.joinedAt instanceof Date)).toBe(true);
    for (const key of ['leader', 'csm']) {
      expect((await rejection(listMembers(db.appPrisma, actorIn(org, key)))).code).toBe('FORBIDDEN');
    }
  });
});

describe('changing a role', () => {
  it('changes it and records member.role_changed with the role before and after', async () => {
    const org = await team();
    const result = await changeMemberRole(db.appPrisma, actorIn(org, 'admin'), { userId: org.users.csm!.id, role: 'LEADER' });
    expect(result).toEqual({ changed: true, role: 'LEADER' });
    expect(await roleOf(org, 'csm')).toBe('LEADER');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: org.organizationId, action: 'member.role_changed' },
    });
    expect(audit).toMatchObject({
      actorUserId: org.users.admin!.id,
      entityType: 'membership',
      entityId: org.users.csm!.id,
      before: { email: org.users.csm!.email, role: 'CSM' },
      after: { email: org.users.csm!.email, role: 'LEADER' },
    });
  });

  it('setting the same role changes and records nothing', async () => {
    const org = await team();
    expect(await changeMemberRole(db.appPrisma, actorIn(org, 'admin'), { userId: org.users.csm!.id, role: 'CSM' })).toEqual({
      changed: false,
      role: 'CSM',
    });
    expect(await db.prisma.auditEvent.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });

  it('never demotes the last admin, but an admin can step down while another remains', async () => {
    const org = await team();
    const admin = actorIn(org, 'admin');
    const last = await rejection(changeMemberRole(db.appPrisma, admin, { userId: admin.userId, role: 'LEADER' }));
    expect(last.code).toBe('CONFLICT');
    expect(last.message).toContain('is the only admin');

    await changeMemberRole(db.appPrisma, admin, { userId: org.users.leader!.id, role: 'ADMIN' });
    await changeMemberRole(db.appPrisma, admin, { userId: admin.userId, role: 'CSM' });
    expect(await roleOf(org, 'admin')).toBe('CSM');
    // The former leader is now the only admin.
    const leader = actorIn(org, 'leader');
    expect((await rejection(changeMemberRole(db.appPrisma, leader, { userId: leader.userId, role: 'CSM' }))).code).toBe('CONFLICT');
  });

  it('two admins demoting each other at the same moment leave one admin', async () => {
    const org = await createOrganizationFixture(db.prisma, 'Duo', { a: 'ADMIN', b: 'ADMIN' });
    const results = await raceBehindLock(db.prisma, lockAdmins(org), '%FOR UPDATE%', [
      () => changeMemberRole(db.appPrisma, actorIn(org, 'a'), { userId: org.users.b!.id, role: 'CSM' }),
      () => changeMemberRole(db.appPrisma, actorIn(org, 'b'), { userId: org.users.a!.id, role: 'CSM' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    // The loser is refused: it is no longer an admin itself once the winner's change is in.
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'FORBIDDEN' } });
    expect(await db.prisma.membership.count({ where: { organizationId: org.organizationId, role: 'ADMIN' } })).toBe(1);
  });

  it('is refused for a LEADER or CSM', async () => {
    const org = await team();
    for (const key of ['leader', 'csm']) {
      const error = await rejection(changeMemberRole(db.appPrisma, actorIn(org, key), { userId: org.users[key]!.id, role: 'ADMIN' }));
      expect(error.code, key).toBe('FORBIDDEN');
    }
    expect(await roleOf(org, 'leader')).toBe('LEADER');
    expect(await roleOf(org, 'csm')).toBe('CSM');
  });

  it('a member of another organisation is not found, exactly like a missing one', async () => {
    const org = await team();
    const other = await team();
    const foreign = await rejection(changeMemberRole(db.appPrisma, actorIn(org, 'admin'), { userId: other.users.csm!.id, role: 'ADMIN' }));
    const missing = await rejection(changeMemberRole(db.appPrisma, actorIn(org, 'admin'), { userId: randomUUID(), role: 'ADMIN' }));
    expect([foreign.code, foreign.message]).toEqual(['NOT_FOUND', missing.message]);
    expect(await roleOf(other, 'csm')).toBe('CSM');
  });
});

describe('removing a member', () => {
  it('removes the membership (the user stays) and records member.removed', async () => {
    const org = await team();
    expect(await removeMember(db.appPrisma, actorIn(org, 'admin'), { userId: org.users.csm2!.id })).toEqual({ removed: true });
    expect(await roleOf(org, 'csm2')).toBeNull();
    expect(await db.prisma.user.count({ where: { id: org.users.csm2!.id } })).toBe(1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, action: 'member.removed' } });
    expect(audit).toMatchObject({
      actorUserId: org.users.admin!.id,
      entityType: 'membership',
      entityId: org.users.csm2!.id,
      before: { email: org.users.csm2!.email, role: 'CSM' },
      after: null,
    });
  });

  it('is refused, with a clear message, while the member owns accounts', async () => {
    const org = await team();
    const csm = org.users.csm!;
    await db.prisma.account.createMany({
      data: [
        { organizationId: org.organizationId, name: 'One', ownerUserId: csm.id },
        { organizationId: org.organizationId, name: 'Two', ownerUserId: csm.id, archivedAt: new Date() },
      ],
    });
    const error = await rejection(removeMember(db.appPrisma, actorIn(org, 'admin'), { userId: csm.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`${csm.name} owns 2 accounts. Assign them to another member before removing ${csm.name}.`);
    expect(await roleOf(org, 'csm')).toBe('CSM');

    await db.prisma.account.updateMany({ where: { organizationId: org.organizationId }, data: { ownerUserId: org.users.csm2!.id } });
    await removeMember(db.appPrisma, actorIn(org, 'admin'), { userId: csm.id });
    expect(await roleOf(org, 'csm')).toBeNull();
  });

  it('never removes the last admin', async () => {
    const org = await team();
    const admin = actorIn(org, 'admin');
    const error = await rejection(removeMember(db.appPrisma, admin, { userId: admin.userId }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('is the only admin');
    expect(await roleOf(org, 'admin')).toBe('ADMIN');
  });

  it('two admins removing each other at the same moment leave one admin', async () => {
    const org = await createOrganizationFixture(db.prisma, 'Duel', { a: 'ADMIN', b: 'ADMIN' });
    const results = await raceBehindLock(db.prisma, lockAdmins(org), '%FOR UPDATE%', [
      () => removeMember(db.appPrisma, actorIn(org, 'a'), { userId: org.users.b!.id }),
      () => removeMember(db.appPrisma, actorIn(org, 'b'), { userId: org.users.a!.id }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    // The loser is no longer a member once the winner's removal is in: not found.
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'NOT_FOUND' } });
    expect(await db.prisma.membership.count({ where: { organizationId: org.organizationId, role: 'ADMIN' } })).toBe(1);
  });

  it('is refused for a LEADER or CSM, and another organisation’s member is not found', async () => {
    const org = await team();
    for (const key of ['leader', 'csm']) {
      expect((await rejection(removeMember(db.appPrisma, actorIn(org, key), { userId: org.users.csm2!.id }))).code).toBe('FORBIDDEN');
    }
    const other = await team();
    expect((await rejection(removeMember(db.appPrisma, actorIn(org, 'admin'), { userId: other.users.csm!.id }))).code).toBe('NOT_FOUND');
    expect(await roleOf(other, 'csm')).toBe('CSM');
    expect(await roleOf(org, 'csm2')).toBe('CSM');
  });
});
