import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAuditCursor, encodeAuditCursor } from '@/lib/audit/audit-cursor';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/list-audit-events';
import { recordSecurityEvent } from '@/lib/auth/record-security-event';
import { AppError } from '@/lib/errors';
import { createInvitation } from '@/lib/invitations/create-invitation';
import { changeMemberRole } from '@/lib/members/change-member-role';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { actorIn, createOrganizationFixture, type OrganizationFixture } from './members-fixture';

/** The audit log viewer's query, through the app role (row-level security applies). */

let db: TestDatabase;
let org: OrganizationFixture;
let other: OrganizationFixture;
const TOTAL = 2 * AUDIT_PAGE_SIZE + 7;
const base = Date.parse('2026-03-01T09:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganizationFixture(db.prisma, 'Logged', { admin: 'ADMIN', leader: 'LEADER', csm: 'CSM' });
  other = await createOrganizationFixture(db.prisma, 'Elsewhere', { admin: 'ADMIN' });
  // Pairs of events share a timestamp, so the id tie-break is exercised on every page boundary.
  await db.prisma.auditEvent.createMany({
    data: Array.from({ length: TOTAL }, (_, index) => ({
      organizationId: org.organizationId,
      actorUserId: index % 3 === 0 ? null : org.users.admin!.id,
      action: `test.event_${index}`,
      entityType: 'thing',
      entityId: String(index),
      after: { index },
      createdAt: new Date(base + Math.floor(index / 2) * 1_000),
    })),
  });
  await db.prisma.auditEvent.create({
    data: { organizationId: other.organizationId, actorUserId: other.users.admin!.id, action: 'test.elsewhere', entityType: 'thing' },
  });
});
afterAll(async () => {
  await db.drop();
});

const admin = () => actorIn(org, 'admin');
const fixtureEvents = (rows: { action: string }[]) => rows.filter((row) => row.action.startsWith('test.event_'));

describe('the audit log', () => {
  it('pages newest first, 50 at a time, without gaps or repeats, and pages back to newer', async () => {
    const first = await listAuditEvents(db.appPrisma, admin());
    const second = await listAuditEvents(db.appPrisma, admin(), { before: decodeAuditCursor(first.olderCursor) });
    const third = await listAuditEvents(db.appPrisma, admin(), { before: decodeAuditCursor(second.olderCursor) });
    expect([first.rows.length, second.rows.length, third.rows.length]).toEqual([50, 50, TOTAL - 100]);
    expect(first.newerCursor).toBeNull();
    expect(third.olderCursor).toBeNull();

    const all = [...first.rows, ...second.rows, ...third.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(TOTAL);
    for (let i = 1; i < all.length; i++) {
      const [newer, older] = [all[i - 1]!, all[i]!];
      expect(newer.createdAt.getTime()).toBeGreaterThanOrEqual(older.createdAt.getTime());
    }
    expect(all[0]!.action).toBe(`test.event_${TOTAL - 1}`);
    // Events 0 and 1 share the oldest timestamp (their ids decide between them).
    expect(all.slice(-2).map((row) => row.action).sort()).toEqual(['test.event_0', 'test.event_1']);
    for (let i = 1; i < all.length; i++) {
      const [newer, older] = [all[i - 1]!, all[i]!];
      if (newer.createdAt.getTime() === older.createdAt.getTime()) expect(newer.id > older.id).toBe(true);
    }

    const backToSecond = await listAuditEvents(db.appPrisma, admin(), { after: decodeAuditCursor(third.newerCursor) });
    expect(backToSecond.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
    const backToFirst = await listAuditEvents(db.appPrisma, admin(), { after: decodeAuditCursor(second.newerCursor) });
    expect(backToFirst.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(backToFirst.newerCursor).toBeNull();
  });

  it('shows the actor, or null for the system, and never another organisation’s events', async () => {
    const { rows } = await listAuditEvents(db.appPrisma, admin(), { pageSize: 500 });
    expect(rows.some((row) => row.action === 'test.elsewhere')).toBe(false);
    const system = rows.find((row) => row.action === 'test.event_0')!;
    expect(system.actor).toBeNull();
    expect(rows.find((row) => row.action === 'test.event_1')!.actor).toEqual({ name: org.users.admin!.name, email: org.users.admin!.email });
  });

  it('includes invitations, role changes and security events, with readable entities and before/after', async () => {
    const issued = await createInvitation(db.appPrisma, admin(), { email: `audit-${randomUUID().slice(0, 6)}@x.example`, role: 'CSM' });
    await changeMemberRole(db.appPrisma, admin(), { userId: org.users.csm!.id, role: 'LEADER' });
    await recordSecurityEvent(db.appPrisma, org.users.leader!.id, 'auth.sign_in', { ip: '127.0.0.1' });

    const { rows } = await listAuditEvents(db.appPrisma, admin());
    const [signIn, roleChange, invitation] = rows;
    expect(signIn).toMatchObject({ action: 'auth.sign_in', entityType: 'user', entityLabel: `${org.users.leader!.name} (${org.users.leader!.email})` });
    expect(roleChange).toMatchObject({
      action: 'member.role_changed',
      entityLabel: `${org.users.csm!.name} (${org.users.csm!.email})`,
      before: { role: 'CSM' },
      after: { role: 'LEADER' },
    });
    expect(invitation).toMatchObject({ action: 'invitation.issued', entityId: issued.id, entityLabel: issued.email });
    expect(fixtureEvents(rows)).toHaveLength(AUDIT_PAGE_SIZE - 3);
  });

  it('is for admins only', async () => {
    for (const key of ['leader', 'csm']) {
      const error = await listAuditEvents(db.appPrisma, actorIn(org, key)).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('FORBIDDEN');
    }
    const outsider = { organizationId: org.organizationId, userId: other.users.admin!.id };
    expect(await listAuditEvents(db.appPrisma, outsider).catch((reason: unknown) => (reason as AppError).code)).toBe('NOT_FOUND');
  });
});

describe('audit cursors', () => {
  it('round-trip, and anything malformed means the newest page', () => {
    const cursor = { createdAt: new Date('2026-03-01T09:00:00.123Z'), id: randomUUID() };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
    for (const bad of [undefined, '', 'x', '123', `abc_${randomUUID()}`, `1_not-a-uuid`, ['1', '2'], `${'9'.repeat(16)}_${randomUUID()}`]) {
      expect(decodeAuditCursor(bad)).toBeNull();
    }
  });
});
