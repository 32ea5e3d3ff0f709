import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { EMAIL_TAKEN_MESSAGE, SIGN_UP_LIMIT_MESSAGE, signUp } from '@/lib/auth/sign-up';
import { COMPONENT_SLUGS } from '@/lib/framework';
import { AppError } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Sign-up through the app role (row-level security applies), checked through the owner connection. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const PASSWORD = 'a long and unusual passphrase';
const unique = () => randomUUID().slice(0, 8);

function input(overrides: Record<string, unknown> = {}) {
  const id = unique();
  return { name: 'Ada Lovelace', email: `ada-${id}@example.com`, password: PASSWORD, organizationName: `Analytical ${id}`, ...overrides };
}

async function counts() {
  const owner = db.prisma;
  const [users, organizations, memberships, weights, targets, audit] = await Promise.all([
    owner.user.count(),
    owner.organization.count(),
    owner.membership.count(),
    owner.weightConfig.count(),
    owner.target.count(),
    owner.auditEvent.count(),
  ]);
  return { users, organizations, memberships, weights, targets, audit };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('sign-up', () => {
  it('creates the user, the organisation, the ADMIN membership, weights v1, targets and an audit event', async () => {
    const data = input({ email: `  Grace-${unique()}@Example.COM `, organizationName: 'Hopper & Co' });
    const result = await signUp(db.appPrisma, data);
    const email = data.email.trim().toLowerCase();

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ id: result.userId, name: 'Ada Lovelace' });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);

    const organization = await db.prisma.organization.findUniqueOrThrow({ where: { id: result.organizationId } });
    expect(organization).toMatchObject({ name: 'Hopper & Co', slug: 'hopper-and-co' });
    expect(result.slug).toBe('hopper-and-co');

    expect(await db.prisma.membership.findMany({ where: { organizationId: result.organizationId } })).toEqual([
      expect.objectContaining({ userId: result.userId, role: 'ADMIN' }),
    ]);

    const weights = await db.prisma.weightConfig.findMany({ where: { organizationId: result.organizationId } });
    expect(weights).toHaveLength(1);
    expect(weights[0]).toMatchObject({ version: 1, createdByUserId: result.userId });
    expect(weights[0]!.weights).toEqual(Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, 1])));

    const targets = await db.prisma.target.findMany({ where: { organizationId: result.organizationId } });
    expect(targets.map((t) => t.component).sort()).toEqual([...COMPONENT_SLUGS].sort());
    for (const target of targets) expect(target).toMatchObject({ segmentId: null, value: 100 });

    const audit = await db.prisma.auditEvent.findMany({ where: { organizationId: result.organizationId } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'organization.created',
        actorUserId: result.userId,
        entityType: 'organization',
        entityId: result.organizationId,
        after: { name: 'Hopper & Co', slug: 'hopper-and-co' },
      }),
    ]);
  });

  it('numbers the slug when the name is taken, also by an organisation the new user cannot see', async () => {
    const name = `Initech ${unique()}`;
    const first = await signUp(db.appPrisma, input({ organizationName: name }));
    const second = await signUp(db.appPrisma, input({ organizationName: name }));
    const third = await signUp(db.appPrisma, input({ organizationName: name.toUpperCase() }));
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
  });

  it('gives concurrent sign-ups of the same name distinct slugs', async () => {
    const name = `Globex ${unique()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => signUp(db.appPrisma, input({ organizationName: name }))));
    expect(new Set(results.map((r) => r.slug)).size).toBe(5);
  });

  it('refuses an email that has an account, whatever its case, and changes nothing', async () => {
    const data = input();
    await signUp(db.appPrisma, data);
    const before = await counts();
    const error = await rejection(signUp(db.appPrisma, input({ email: data.email.toUpperCase() })));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(EMAIL_TAKEN_MESSAGE);
    expect(error.fieldErrors).toEqual({ email: [EMAIL_TAKEN_MESSAGE] });
    expect(await counts()).toEqual(before);
  });

  it('lets exactly one of two concurrent sign-ups with the same email through', async () => {
    const email = `race-${unique()}@example.com`;
    const before = await counts();
    const outcomes = await Promise.allSettled([signUp(db.appPrisma, input({ email })), signUp(db.appPrisma, input({ email }))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'CONFLICT' });
    const after = await counts();
    expect(after.users - before.users).toBe(1);
    expect(after.organizations - before.organizations).toBe(1);
  });

  it('rejects bad input with a message per field and changes nothing', async () => {
    const before = await counts();
    const error = await rejection(signUp(db.appPrisma, { name: '', email: 'not-an-email', password: 'short', organizationName: 'x' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors).toMatchObject({
      name: ['Enter your name.'],
      email: [expect.stringContaining('valid email')],
      password: ['Use at least 12 characters.'],
      organizationName: [expect.stringContaining('at least 2 characters')],
    });
    const common = await rejection(signUp(db.appPrisma, input({ password: 'password1234' })));
    expect(common.fieldErrors?.password?.[0]).toMatch(/too common/);
    const sameAsEmail = await rejection(signUp(db.appPrisma, input({ email: 'same@example.com', password: 'same@example.com' })));
    expect(sameAsEmail.fieldErrors).toEqual({ password: ['Your password must not be your email address.'] });
    expect(await rejection(signUp(db.appPrisma, null))).toMatchObject({ code: 'VALIDATION' });
    expect(await counts()).toEqual(before);
  });

  it('writes everything in one transaction: a failure at the last step leaves nothing behind', async () => {
    // Make the very last write (the audit event) fail.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$`);
    await db.prisma.$executeRawUnsafe(
      'CREATE TRIGGER fail_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION fail_audit()',
    );
    try {
      const before = await counts();
      const data = input();
      await expect(signUp(db.appPrisma, data)).rejects.toThrow(/audit refused/);
      expect(await counts()).toEqual(before);
      expect(await db.prisma.user.findUnique({ where: { email: data.email } })).toBeNull();
    } finally {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER fail_audit ON audit_event');
      await db.prisma.$executeRawUnsafe('DROP FUNCTION fail_audit()');
    }
  });
  it('takes at most the limit of sign-ups per client address and hour, refusing the next ones before any write', async () => {
    const rule = { threshold: 2, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
    let clock = new Date('2026-11-26T10:00:00Z');
    const from = (ip: string | null) => ({ ip, rule, now: () => clock });
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const counter = () => db.prisma.$queryRaw<unknown[]>`SELECT * FROM auth_throttle WHERE key = ${`signup-ip:${ip}`}`;

    // Invalid input costs nothing and is not counted: the address still has both of its sign-ups afterwards.
    for (let i = 0; i < 3; i += 1) expect(await rejection(signUp(db.appPrisma, { ...input(), name: '' }, from(ip)))).toMatchObject({ code: 'VALIDATION' });
    await signUp(db.appPrisma, input(), from(ip));
    // A valid attempt that fails counts too: it cost a lookup and would have cost a hash.
    const taken = input();
    await signUp(db.appPrisma, taken, from('198.51.100.7'));
    await expect(signUp(db.appPrisma, { ...input(), email: taken.email }, from(ip))).rejects.toMatchObject({ code: 'CONFLICT' });

    const before = await counts();
    const throttled = await counter();
    const refused = input();
    const error = await rejection(signUp(db.appPrisma, refused, from(ip)));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', message: SIGN_UP_LIMIT_MESSAGE });
    expect(await counts()).toEqual(before);
    expect(await counter()).toEqual(throttled);
    expect(await db.prisma.user.findUnique({ where: { email: refused.email } })).toBeNull();

    // Other addresses are not held up; an hour later this one may sign up again.
    await signUp(db.appPrisma, input(), from('198.51.100.8'));
    clock = new Date(clock.getTime() + 61 * 60_000);
    await expect(signUp(db.appPrisma, refused, from(ip))).resolves.toMatchObject({ slug: expect.any(String) });
  });

  it('lets no more than the limit through when an address sends a burst of sign-ups at once', async () => {
    const rule = { threshold: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
    const throttle = { ip: `198.51.100.${Math.floor(Math.random() * 250) + 1}`, rule };
    const before = await counts();
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => signUp(db.appPrisma, input(), throttle)));
    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    expect(passed).toHaveLength(3);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'RATE_LIMITED' });
    }
    expect((await counts()).organizations - before.organizations).toBe(3);
  });
});
