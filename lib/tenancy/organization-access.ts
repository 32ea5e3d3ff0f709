import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireUser, type CurrentUser } from '@/lib/auth/current-user';
import { prisma } from '@/lib/db/prisma';
import type { Role } from '@/lib/generated/prisma/enums';

export interface OrganizationAccess {
  user: CurrentUser;
  organization: { id: string; name: string; slug: string };
  role: Role;
}

/**
 * Ties the organisation in the URL to the signed-in user's membership. The organisation is never taken from
 * the client: an organisation the user does not belong to is indistinguishable from one that does not exist.
 */
export const requireOrganizationAccess = cache(async (slug: string): Promise<OrganizationAccess> => {
  const user = await requireUser();
  const membership = await prisma().membership.findFirst({
    where: { userId: user.id, organization: { slug } },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) notFound();
  return { user, organization: membership.organization, role: membership.role };
});

/** Every organisation the user belongs to, for the switcher. */
export async function listUserOrganizations(userId: string): Promise<{ name: string; slug: string }[]> {
  const memberships = await prisma().membership.findMany({
    where: { userId },
    select: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: 'asc' } },
  });
  return memberships.map((membership) => membership.organization);
}
