import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import type { Role } from '@/lib/generated/prisma/enums';

/** An organisation with one member per role given, written as the owner; every email is unique to the call. */
export interface OrganizationFixture {
  organizationId: string;
  slug: string;
  name: string;
  /** Keyed by the label given (e.g. admin, leader, csm). */
  users: Record<string, { id: string; email: string; name: string; role: Role }>;
}

export async function createOrganizationFixture(
  owner: PrismaClient,
  label: string,
  members: Record<string, Role>,
): Promise<OrganizationFixture> {
  const organizationId = randomUUID();
  const tag = organizationId.slice(0, 8);
  const name = `${label} ${tag}`;
  const slug = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${tag}`;
  await owner.organization.create({ data: { id: organizationId, name, slug } });
  const users: OrganizationFixture['users'] = {};
  for (const [key, role] of Object.entries(members)) {
    const user = { id: randomUUID(), email: `${key}-${tag}@${slug}.example`, name: `${capitalise(key)} ${tag}`, role };
    await owner.user.create({ data: { id: user.id, email: user.email, name: user.name } });
    await owner.membership.create({ data: { organizationId, userId: user.id, role } });
    users[key] = user;
  }
  return { organizationId, slug, name, users };
}

export function actorIn(fixture: OrganizationFixture, key: string) {
  const user = fixture.users[key];
  if (!user) throw new Error(`No member "${key}" in the fixture`);
  return { organizationId: fixture.organizationId, userId: user.id };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
