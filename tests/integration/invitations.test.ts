import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { withUser } from '@/lib/db/tenant';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';
import { createInvitation } from '@/lib/invitations/create-invitation';
import { getInvitationByToken } from '@/lib/invitations/get-invitation-by-token';
import { INVITATION_TTL_MS, INVITATION_UNAVAILABLE_MESSAGES } from '@/lib/invitations/invitation-status';
import { listPendingInvitations } from '@/lib/invitations/list-pending-invitations';
import { revokeInvitation } from '@/lib/invitations/revoke-invitation';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { actorIn, createOrganizationFixture, type OrganizationFixture } from './members-fixture';
import { raceBehindLock } from './race-behind-lock';

/** Invitations through the app role (row-level security applies), checked through the owner connection. */

let db: TestDatabase;
let acme: OrganizationFixture;
let rival: OrganizationFixture;
const PASSWORD = 'a long and unusual passphrase';

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await createOrganizationFixture(db.prisma, 'Acme', { admin: 'ADMIN', leader: 'LEADER', csm: 'CSM' });
  rival = await createOrganizationFixture(db.prisma, 'Rival', { admin: 'ADMIN' });
});
afterAll(async () => {
  await db.drop();
});

const newEmail = (label = 'new') => `${label}-${randomUUID().slice(0, 8)}@invitee.example`;
const admin = () => actorIn(acme, 'admin');
const invite = (email: string, role: 'ADMIN' | 'LEADER' | 'CSM' = 'CSM', org = acme) =>
  createInvitation(db.appPrisma, actorIn(org, 'admin'), { email, role });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A different token of the same shape: the last character changed. */
function tamper(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -1)}${last}`;
}

describe('creating an invitation', () => {
  it('stores only the SHA-256 of a 32-byte base64url token, expires in 7 days, and is audited without the token', async () => {
    const email = newEmail();
    const before = Date.now();
    const issued = await invite(`  ${email.toUpperCase()} `, 'LEADER');
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(issued.email).toBe(email);

    const row = await db.prisma.invitation.findFirstOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(row).toMatchObject({ organizationId: acme.organizationId, email, role: 'LEADER', invitedByUserId: acme.users.admin!.id });
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_TTL_MS - 1_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(INVITATION_TTL_MS);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.issued', entityId: issued.id } });
    expect(audit).toMatchObject({ organizationId: acme.organizationId, actorUserId: acme.users.admin!.id, entityType: 'invitation' });
    expect(audit.after).toMatchObject({ email, role: 'LEADER' });
    expect(JSON.stringify(audit)).not.toContain(issued.token);
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it('refuses an email that already belongs to a member', async () => {
    const error = await rejection(invite(acme.users.csm!.email));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`${acme.users.csm!.email} is already a member of this organisation.`);
    expect(error.fieldErrors?.email).toBeDefined();
  });

  it('inviting the same email again revokes the earlier pending invitation (only the newest link works)', async () => {
    const email = newEmail('again');
    const first = await invite(email, 'CSM');
    const second = await invite(email, 'LEADER');
    expect(second.supersededInvitationIds).toEqual([first.id]);

    expect((await getInvitationByToken(db.appPrisma, first.token)).status).toBe('revoked');
    expect((await getInvitationByToken(db.appPrisma, second.token)).status).toBe('pending');
    const pending = (await listPendingInvitations(db.appPrisma, admin())).filter((row) => row.email === email);
    expect(pending.map((row) => [row.id, row.role])).toEqual([[second.id, 'LEADER']]);

    const revoked = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.revoked', entityId: first.id } });
    expect(revoked.after).toMatchObject({ reason: 'superseded', supersededBy: second.id });
  });

  it('two admins inviting the same email at once leave exactly one pending invitation', async () => {
    const email = newEmail('race');
    // Queued behind the same per-email advisory lock the use case takes, so all three really overlap.
    await raceBehindLock(
      db.prisma,
      Prisma.sql`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`invitation:${acme.organizationId}:${email}`}, 0))`,
      '%pg_advisory_xact_lock%',
      [1, 2, 3].map(() => () => invite(email)),
    );
    expect(await db.prisma.invitation.count({ where: { email, revokedAt: null, acceptedAt: null } })).toBe(1);
    expect(await db.prisma.invitation.count({ where: { email } })).toBe(3);
  });

  it('is refused for a LEADER or CSM, and not found for a member of another organisation', async () => {
    for (const key of ['leader', 'csm']) {
      const error = await rejection(createInvitation(db.appPrisma, actorIn(acme, key), { email: newEmail(), role: 'CSM' }));
      expect(error.code, key).toBe('FORBIDDEN');
      expect((await rejection(listPendingInvitations(db.appPrisma, actorIn(acme, key)))).code).toBe('FORBIDDEN');
    }
    const outsider = { organizationId: acme.organizationId, userId: rival.users.admin!.id };
    expect((await rejection(createInvitation(db.appPrisma, outsider, { email: newEmail(), role: 'ADMIN' }))).code).toBe('NOT_FOUND');
  });
});

describe('the invitation link', () => {
  it('shows a pending invitation with its organisation, and whether the email has an account', async () => {
    const issued = await invite(newEmail());
    const lookup = await getInvitationByToken(db.appPrisma, issued.token);
    expect(lookup).toMatchObject({
      status: 'pending',
      invitation: {
        email: issued.email,
        role: 'CSM',
        organization: { id: acme.organizationId, name: acme.name, slug: acme.slug },
        invitedByName: acme.users.admin!.name,
        accountExists: false,
      },
    });
    const forExisting = await invite(rival.users.admin!.email);
    expect(await getInvitationByToken(db.appPrisma, forExisting.token)).toMatchObject({ invitation: { accountExists: true } });
  });

  it('unknown, tampered and malformed tokens are all simply "not valid"', async () => {
    const issued = await invite(newEmail());
    for (const token of [tamper(issued.token), 'A'.repeat(43), 'not-a-real-token', '', `${issued.token}x`, null, 42]) {
      expect(await getInvitationByToken(db.appPrisma, token)).toEqual({ status: 'invalid' });
      const error = await rejection(acceptInvitation(db.appPrisma, { token, user: null, newUser: { name: 'Eve', password: PASSWORD } }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe(INVITATION_UNAVAILABLE_MESSAGES.invalid);
    }
    expect(await db.prisma.invitation.count({ where: { id: issued.id, acceptedAt: null } })).toBe(1);
  });
});

describe('accepting', () => {
  it('creates a new user with the invited email, their membership and role, marks the invitation and audits it', async () => {
    const email = newEmail('fresh');
    const issued = await invite(email, 'CSM');
    const accepted = await acceptInvitation(db.appPrisma, {
      token: issued.token,
      user: null,
      // The email is the invitation's: one in the input is ignored.
      newUser: { name: '  Nia New ', password: PASSWORD, email: 'attacker@evil.example' },
    });
    expect(accepted).toMatchObject({ organizationId: acme.organizationId, slug: acme.slug, role: 'CSM', createdUser: true });

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ id: accepted.userId, name: 'Nia New' });
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    expect(await db.prisma.user.count({ where: { email: 'attacker@evil.example' } })).toBe(0);
    expect(await db.prisma.membership.findUnique({ where: { organizationId_userId: { organizationId: acme.organizationId, userId: user.id } } })).toMatchObject({ role: 'CSM' });

    const row = await db.prisma.invitation.findFirstOrThrow({ where: { id: issued.id } });
    expect(row.acceptedAt).toBeInstanceOf(Date);
    expect(row.acceptedByUserId).toBe(user.id);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.accepted', entityId: issued.id } });
    expect(audit).toMatchObject({ organizationId: acme.organizationId, actorUserId: user.id });
    expect(audit.after).toMatchObject({ email, role: 'CSM', userId: user.id, newUser: true });
  });

  it('a used link fails clearly the second time, even for the same person', async () => {
    const issued = await invite(newEmail('twice'));
    const first = await acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Tom', password: PASSWORD } });
    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('accepted');
    for (const user of [null, { id: first.userId, email: issued.email }]) {
      const error = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user, newUser: { name: 'Tom', password: PASSWORD } }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe(INVITATION_UNAVAILABLE_MESSAGES.accepted);
    }
  });

  it('applies the sign-up password policy to a new user and writes nothing when it fails', async () => {
    const issued = await invite(newEmail('weak'));
    const short = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Wes', password: 'short' } }));
    expect(short.code).toBe('VALIDATION');
    expect(short.fieldErrors?.password?.[0]).toMatch(/at least 12/);
    const noName = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { password: PASSWORD } }));
    expect(noName.fieldErrors?.name).toBeDefined();
    const asEmail = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Wes', password: issued.email } }));
    expect(asEmail.fieldErrors?.password).toBeDefined();
    expect(await db.prisma.user.count({ where: { email: issued.email } })).toBe(0);
    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('pending');
  });

  it('an existing user signed in as the invited email joins a second organisation and can switch to it', async () => {
    const rivalAdmin = rival.users.admin!;
    const issued = await invite(rivalAdmin.email, 'LEADER');
    const users = await db.prisma.user.count();
    const accepted = await acceptInvitation(db.appPrisma, {
      token: issued.token,
      user: { id: rivalAdmin.id, email: rivalAdmin.email.toUpperCase() },
    });
    expect(accepted).toMatchObject({ userId: rivalAdmin.id, slug: acme.slug, role: 'LEADER', createdUser: false });
    expect(await db.prisma.user.count()).toBe(users);
    // What the organisation switcher lists (listUserOrganizations reads through withUser the same way).
    const organizations = await withUser(db.appPrisma, rivalAdmin.id, (tx) =>
      tx.membership.findMany({ where: { userId: rivalAdmin.id }, select: { organization: { select: { slug: true } } } }),
    );
    expect(organizations.map((row) => row.organization.slug).sort()).toEqual([acme.slug, rival.slug].sort());
  });

  it('an email with an account must sign in first; someone signed in as another email is refused', async () => {
    const target = await createOrganizationFixture(db.prisma, 'Solo', { person: 'ADMIN' });
    const person = target.users.person!;
    const issued = await invite(person.email);

    const anonymous = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'X', password: PASSWORD } }));
    expect(anonymous.code).toBe('UNAUTHENTICATED');
    expect(anonymous.message).toContain(`Sign in as ${person.email}`);

    const someoneElse = acme.users.csm!;
    const wrong = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: { id: someoneElse.id, email: someoneElse.email } }));
    expect(wrong.code).toBe('FORBIDDEN');
    expect(wrong.message).toContain(`This invitation is for ${person.email}, but you are signed in as ${someoneElse.email}`);

    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('pending');
    await acceptInvitation(db.appPrisma, { token: issued.token, user: { id: person.id, email: person.email } });
    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('accepted');
  });

  it('an expired link fails clearly, and the database guard refuses it even if the caller’s clock disagrees', async () => {
    const issued = await invite(newEmail('late'));
    const expiresAt = new Date(Date.now() - 60_000);
    await db.prisma.invitation.updateMany({ where: { id: issued.id }, data: { expiresAt } });
    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('expired');
    const error = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Lee', password: PASSWORD } }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: INVITATION_UNAVAILABLE_MESSAGES.expired });

    // A clock an hour behind sees it as pending; the guarded UPDATE (expires_at > now()) still refuses.
    const skewed = await rejection(
      acceptInvitation(
        db.appPrisma,
        { token: issued.token, user: null, newUser: { name: 'Lee', password: PASSWORD } },
        { now: new Date(expiresAt.getTime() - 3_600_000) },
      ),
    );
    expect(skewed).toMatchObject({ code: 'CONFLICT', message: INVITATION_UNAVAILABLE_MESSAGES.expired });
    expect(await db.prisma.user.count({ where: { email: issued.email } })).toBe(0);
  });

  it('concurrent accepts of one link: exactly one succeeds and one membership results', async () => {
    const email = newEmail('double');
    const issued = await invite(email);
    // Every attempt passes its checks and reaches the guarded UPDATE before any can commit: the guard alone
    // must let exactly one through.
    const attempts = await raceBehindLock(
      db.prisma,
      Prisma.sql`SELECT id FROM invitation WHERE id = ${issued.id}::uuid FOR UPDATE`,
      '%UPDATE invitation SET accepted_at%',
      Array.from({ length: 3 }, () => () =>
        acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Dee', password: PASSWORD } }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', message: INVITATION_UNAVAILABLE_MESSAGES.accepted });
    }
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
    expect(await db.prisma.membership.count({ where: { organizationId: acme.organizationId, user: { email } } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: 'invitation.accepted', entityId: issued.id } })).toBe(1);

    // The same for an existing, signed-in user.
    const person = (await createOrganizationFixture(db.prisma, 'Pair', { person: 'ADMIN' })).users.person!;
    const second = await invite(person.email);
    const results = await raceBehindLock(
      db.prisma,
      Prisma.sql`SELECT id FROM invitation WHERE id = ${second.id}::uuid FOR UPDATE`,
      '%UPDATE invitation SET accepted_at%',
      [1, 2].map(() => () => acceptInvitation(db.appPrisma, { token: second.token, user: { id: person.id, email: person.email } })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db.prisma.membership.count({ where: { organizationId: acme.organizationId, userId: person.id } })).toBe(1);
  });
});

describe('revoking', () => {
  it('stops the link working, is audited, and is idempotent', async () => {
    const issued = await invite(newEmail('revoke'));
    expect(await revokeInvitation(db.appPrisma, admin(), { invitationId: issued.id })).toEqual({ revoked: true });
    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('revoked');
    const error = await rejection(acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Ray', password: PASSWORD } }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: INVITATION_UNAVAILABLE_MESSAGES.revoked });
    expect(await revokeInvitation(db.appPrisma, admin(), { invitationId: issued.id })).toEqual({ revoked: false });
    expect(await db.prisma.auditEvent.count({ where: { action: 'invitation.revoked', entityId: issued.id } })).toBe(1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.revoked', entityId: issued.id } });
    expect(audit).toMatchObject({ actorUserId: acme.users.admin!.id, before: { status: 'pending' }, after: { status: 'revoked' } });
  });

  it('cannot revoke an accepted invitation', async () => {
    const issued = await invite(newEmail('done'));
    await acceptInvitation(db.appPrisma, { token: issued.token, user: null, newUser: { name: 'Dan', password: PASSWORD } });
    expect((await rejection(revokeInvitation(db.appPrisma, admin(), { invitationId: issued.id }))).code).toBe('CONFLICT');
  });

  it('an admin of another organisation cannot see or revoke it: not found, exactly like a missing id', async () => {
    const theirs = await invite(newEmail('theirs'), 'CSM', rival);
    const foreign = await rejection(revokeInvitation(db.appPrisma, admin(), { invitationId: theirs.id }));
    const missing = await rejection(revokeInvitation(db.appPrisma, admin(), { invitationId: randomUUID() }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect(foreign.code).toBe('NOT_FOUND');
    expect((await listPendingInvitations(db.appPrisma, admin())).map((row) => row.id)).not.toContain(theirs.id);
    expect((await listPendingInvitations(db.appPrisma, actorIn(rival, 'admin'))).map((row) => row.id)).toContain(theirs.id);
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });

  it('is refused for a LEADER or CSM', async () => {
    const issued = await invite(newEmail('keep'));
    for (const key of ['leader', 'csm']) {
      expect((await rejection(revokeInvitation(db.appPrisma, actorIn(acme, key), { invitationId: issued.id }))).code).toBe('FORBIDDEN');
    }
    expect((await getInvitationByToken(db.appPrisma, issued.token)).status).toBe('pending');
  });
});
