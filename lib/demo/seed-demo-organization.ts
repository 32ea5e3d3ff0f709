import { randomUUID } from 'node:crypto';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { DEFAULT_DEMO_SEED, DEMO_ORGANIZATION, DEMO_PEOPLE, type DemoCredentials } from './demo-organization';
import { planDemoPortfolio } from './demo-portfolio-plan';
import { writeDemoOrganization, type DemoUserRow } from './write-demo-organization';

export type { DemoCredentials } from './demo-organization';

export class DemoSeedError extends Error {
  override readonly name = 'DemoSeedError';
}

type Reader = Pick<PrismaClient, 'organization' | 'user'>;

async function assertNotSeeded(db: Reader): Promise<void> {
  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORGANIZATION.slug }, select: { id: true } });
  if (existing) {
    throw new DemoSeedError(
      `The demo organisation '${DEMO_ORGANIZATION.slug}' already exists in this database; it was not seeded again.`,
    );
  }
  const emails = DEMO_PEOPLE.map((person) => person.email);
  const taken = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  if (taken.length > 0) {
    const list = taken.map((u) => u.email).join(', ');
    throw new DemoSeedError(`Demo users already exist (${list}); the demo was not seeded.`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/**
 * Creates the "Northwind Analytics" demo organisation — people, segments, stages, weights, targets, ~80 accounts
 * and a year of scored assessments — in one transaction, and returns the sign-in credentials. Everything but the
 * passwords (fresh random ones each time) is deterministic for a given `seed` and `now`.
 */
export async function seedDemoOrganization(
  prisma: PrismaClient,
  options: { now?: Date; seed?: number } = {},
): Promise<DemoCredentials> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  await assertNotSeeded(prisma); // fail fast, before spending time on hashing
  const plan = planDemoPortfolio({ now, seed });
  const users = await Promise.all(
    DEMO_PEOPLE.map(async (person): Promise<DemoUserRow & { password: string }> => {
      const password = generatePassword();
      return { ...person, id: randomUUID(), password, passwordHash: await hashPassword(password) };
    }),
  );

  const organizationId = randomUUID();
  try {
    await prisma.$transaction(
      async (tx) => {
        // Row-level security: an owner without BYPASSRLS may write only the organisation named here.
        await tx.$executeRaw`SELECT set_config('app.org_id', ${organizationId}, true)`;
        await assertNotSeeded(tx); // again inside the transaction: another process may have seeded meanwhile
        await writeDemoOrganization(tx, organizationId, plan, users);
      },
      // ~300 assessments and results take well under a second, but a cold, busy machine needs headroom.
      { timeout: 60_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DemoSeedError(
        `The demo organisation '${DEMO_ORGANIZATION.slug}' or its users were created concurrently; not seeded again.`,
      );
    }
    throw error;
  }

  return {
    organization: { name: DEMO_ORGANIZATION.name, slug: DEMO_ORGANIZATION.slug },
    users: users.map(({ role, name, email, password }) => ({ role, name, email, password })),
  };
}
