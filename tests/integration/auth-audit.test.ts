import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateWithPassword } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/password';
import type { ThrottleRules } from '@/lib/auth/throttle';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { withTenant } from '@/lib/db/tenant';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Security events of sign-in land in the audit log of every organisation the user belongs to. */

let db: TestDatabase;
let passwordHash: string;
const PASSWORD = 'the right passphrase';
const rules: ThrottleRules = {
  account: { threshold: 3, windowMs: 60_000, lockMs: 60_000 },
  ip: { threshold: 1000, windowMs: 60_000, lockMs: 60_000 },
};
const orgA = randomUUID();
const orgB = randomUUID();
const orgC = randomUUID(); // the user is not a member

beforeAll(async () => {
  db = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
  await db.prisma.organization.createMany({
    data: [
      { id: orgA, name: 'A', slug: 'audit-a' },
      { id: orgB, name: 'B', slug: 'audit-b' },
      { id: orgC, name: 'C', slug: 'audit-c' },
    ],
  });
});
afterAll(async () => {
  await db.drop();
});

/** A user who is a member of A and B. */
async function memberOfAAndB(): Promise<{ id: string; email: string }> {
  const email = `member-${randomUUID().slice(0, 8)}@example.com`;
  const user = await db.prisma.user.create({ data: { email, name: 'Member', passwordHash } });
  await db.prisma.membership.createMany({
    data: [
      { organizationId: orgA, userId: user.id, role: 'CSM' },
      { organizationId: orgB, userId: user.id, role: 'ADMIN' },
    ],
  });
  return { id: user.id, email };
}

async function attempt(email: string, password: string, ip = '203.0.113.9') {
  const result = await authenticateWithPassword(db.appPrisma, { email, password, ip }, { rules });
  await result.audit;
  return result.user;
}

const eventsOf = (userId: string) =>
  db.prisma.auditEvent.findMany({ where: { actorUserId: userId }, orderBy: [{ createdAt: 'asc' }, { action: 'asc' }] });

describe('audit of sign-in events', () => {
  it('records a successful sign-in in every organisation of the user, and no other', async () => {
    const user = await memberOfAAndB();
    await attempt(user.email, PASSWORD, '203.0.113.10');
    const events = await eventsOf(user.id);
    expect(events.map((e) => e.organizationId).sort()).toEqual([orgA, orgB].sort());
    for (const event of events) {
      expect(event).toMatchObject({
        action: 'auth.sign_in',
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
        after: { ip: '203.0.113.10' },
      });
    }
    expect(await db.prisma.auditEvent.count({ where: { organizationId: orgC } })).toBe(0);
  });

  it('records a failed sign-in of an existing user', async () => {
    const user = await memberOfAAndB();
    await attempt(user.email, 'wrong');
    const events = await eventsOf(user.id);
    expect(events).toHaveLength(2);
    for (const event of events) expect(event).toMatchObject({ action: 'auth.sign_in_failed', after: { ip: '203.0.113.9' } });
  });

  it('records the lockout once per organisation, and refused attempts while locked', async () => {
    const user = await memberOfAAndB();
    for (let i = 0; i < rules.account.threshold; i++) await attempt(user.email, 'wrong');
    const lockouts = (await eventsOf(user.id)).filter((e) => e.action === 'auth.locked_out');
    expect(lockouts.map((e) => e.organizationId).sort()).toEqual([orgA, orgB].sort());
    expect(lockouts[0]!.after).toMatchObject({ ip: '203.0.113.9', lockedUntil: expect.any(String) });

    await attempt(user.email, PASSWORD);
    const refused = (await eventsOf(user.id)).filter((e) => (e.after as { locked?: boolean }).locked === true);
    expect(refused).toHaveLength(2);
    for (const event of refused) expect(event.action).toBe('auth.sign_in_failed');
    expect((await eventsOf(user.id)).filter((e) => e.action === 'auth.sign_in')).toHaveLength(0);
  });

  it('records nothing for an unknown email', async () => {
    const before = await db.prisma.auditEvent.count();
    for (let i = 0; i < rules.account.threshold + 1; i++) await attempt(`ghost-${randomUUID().slice(0, 6)}@example.com`, 'x');
    await attempt('ghost@example.com', 'x');
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it('signs in a user without any organisation and records nothing', async () => {
    const email = `loner-${randomUUID().slice(0, 8)}@example.com`;
    await db.prisma.user.create({ data: { email, name: 'Loner', passwordHash } });
    const before = await db.prisma.auditEvent.count();
    expect(await attempt(email, PASSWORD)).toMatchObject({ email });
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});

describe('recordAuditEvent', () => {
  it('writes inside a tenant transaction, and RLS refuses another organisation', async () => {
    const user = await memberOfAAndB();
    await withTenant(db.appPrisma, { organizationId: orgA, userId: user.id }, (tx) =>
      recordAuditEvent(tx, { organizationId: orgA, actorUserId: user.id, action: 'test.event', entityType: 'test', before: { a: 1 } }),
    );
    const [event] = await db.prisma.auditEvent.findMany({ where: { action: 'test.event' } });
    expect(event).toMatchObject({ organizationId: orgA, entityId: null, before: { a: 1 }, after: null });
    await expect(
      withTenant(db.appPrisma, { organizationId: orgA, userId: user.id }, (tx) =>
        recordAuditEvent(tx, { organizationId: orgB, actorUserId: user.id, action: 'test.event', entityType: 'test' }),
      ),
    ).rejects.toThrow(/row-level security|42501/i);
  });
});
