import { can, type Permission } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/tenant';
import { forbiddenError, notFoundError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';

/** Who acts in a use case: the organisation (resolved from the URL's slug, never the client) and the signed-in user. */
export interface OrganizationActor {
  organizationId: string;
  userId: string;
}

/**
 * Re-reads the actor's role inside the use case's own tenant transaction and checks the permission: a use case
 * called directly (a test, a script, a future route) is as protected as one behind organizationAction, and a
 * role changed a moment ago counts. A non-member gets NOT_FOUND, like a missing organisation.
 */
export async function requireActorPermission(tx: Tx, actor: OrganizationActor, permission: Permission): Promise<Role> {
  const membership = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: actor.userId } },
    select: { role: true },
  });
  if (!membership) throw notFoundError();
  if (!can(membership.role, permission)) throw forbiddenError();
  return membership.role;
}

/** The actor of a checked access (requireOrganizationAccess / organizationAction). */
export function actorOf(access: { organization: { id: string }; user: { id: string } }): OrganizationActor {
  return { organizationId: access.organization.id, userId: access.user.id };
}
