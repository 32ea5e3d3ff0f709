import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { can, type Permission } from '@/lib/auth/permissions';
import { cache } from 'react';
import { requireUser, type CurrentUser } from '@/lib/auth/current-user';
import { prisma } from '@/lib/db/prisma';
import { withTenant, type Tx } from '@/lib/db/tenant';
import type { Role } from '@/lib/generated/prisma/enums';

export interface OrganizationAccess {
  user: CurrentUser;
  /** reviewIntervalDays is read with the membership (pages use it for staleness) to save a round trip. */
  organization: { id: string; name: string; slug: string; reviewIntervalDays?: number };
  role: Role;
}

interface UserMembership {
  role: Role;
  organization: { id: string; name: string; slug: string; reviewIntervalDays: number };
}

/**
 * All of a user's memberships with their organisations, once per render (React `cache`: the layout's switcher and
 * the page's access check share it). One statement: user_memberships() sets the user's row-level-security context
 * and reads under it (see its migration), where withUser took five round trips. Never cached across requests: a
 * removed member loses access on their next request.
 */
const userMemberships = cache((userId: string) => readUserMemberships(userId));

/** Uncached: server actions and route handlers check access against the memberships as they are now. */
async function readUserMemberships(userId: string): Promise<UserMembership[]> {
  const rows = await prisma().$queryRaw<MembershipRow[]>`SELECT * FROM user_memberships(${userId}::uuid)`;
  return rows.map((row) => ({
    role: row.role,
    organization: { id: row.organization_id, name: row.organization_name, slug: row.organization_slug, reviewIntervalDays: row.review_interval_days },
  }));
}

interface MembershipRow {
  role: Role;
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  review_interval_days: number;
}

/**
 * Ties the organisation in the URL to the signed-in user's membership. The organisation is never taken from
 * the client: an organisation the user does not belong to is indistinguishable from one that does not exist.
 */
export const requireOrganizationAccess = cache(async (slug: string): Promise<OrganizationAccess> => {
  const user = await requireUser();
  return accessIn(await userMemberships(user.id), user, slug) ?? notFound();
});

/** The user's access to the organisation with this slug, or null (not a member, or no such organisation). */
export async function findOrganizationAccess(user: CurrentUser, slug: string): Promise<OrganizationAccess | null> {
  return accessIn(await readUserMemberships(user.id), user, slug);
}

function accessIn(memberships: UserMembership[], user: CurrentUser, slug: string): OrganizationAccess | null {
  const membership = memberships.find((m) => m.organization.slug === slug);
  return membership ? { user, organization: membership.organization, role: membership.role } : null;
}

/** Runs tenant queries for the organisation (and user) of a checked access. */
export function inOrganization<T>(access: OrganizationAccess, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(prisma(), { organizationId: access.organization.id, userId: access.user.id }, work);
}

/** Every organisation the user belongs to, for the switcher. */
export async function listUserOrganizations(userId: string): Promise<{ name: string; slug: string }[]> {
  return (await userMemberships(userId)).map(({ organization: { name, slug } }) => ({ name, slug }));
}

/**
 * For pages: the access, or Next's 403 page when the role lacks the permission (members only ever reach this
 * for their own organisation, so it reveals nothing about others).
 */
export async function requireOrganizationPermission(slug: string, permission: Permission): Promise<OrganizationAccess> {
  const access = await requireOrganizationAccess(slug);
  if (!can(access.role, permission)) forbidden();
  return access;
}
