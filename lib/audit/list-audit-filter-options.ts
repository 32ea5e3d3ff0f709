import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';

export interface AuditFilterOptions {
  /** Everyone who appears as an actor in this organisation's log (former members included), by name. */
  actors: { userId: string; name: string; email: string }[];
  actions: string[];
  entityTypes: string[];
}

/** The choices for the audit log's filters: only values that occur in this organisation's log (admins). */
export async function listAuditFilterOptions(prisma: PrismaClient, actor: OrganizationActor): Promise<AuditFilterOptions> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'audit.read');
    const [actors, actions, entityTypes] = [
      await tx.$queryRaw<{ user_id: string; name: string; email: string }[]>`
        SELECT u.id::text AS user_id, u.name, u.email
          FROM "user" u
         WHERE u.id IN (SELECT DISTINCT actor_user_id FROM audit_event WHERE organization_id = ${organizationId}::uuid)
         ORDER BY u.name, u.email`,
      await tx.auditEvent.findMany({ where: { organizationId }, distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
      await tx.auditEvent.findMany({ where: { organizationId }, distinct: ['entityType'], select: { entityType: true }, orderBy: { entityType: 'asc' } }),
    ];
    return {
      actors: actors.map((row) => ({ userId: row.user_id, name: row.name, email: row.email })),
      actions: actions.map((row) => row.action),
      entityTypes: entityTypes.map((row) => row.entityType),
    };
  });
}
