import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/tenant';

/**
 * One audit event: who did what to which entity, with the state before and after. `tx` must be a tenant
 * transaction (withTenant / setTenant) whose organisation is `organizationId`: row-level security refuses the
 * insert otherwise.
 */
export interface AuditEventInput {
  organizationId: string;
  /** The person who acted; null for the system. */
  actorUserId: string | null;
  /** Dotted verb, e.g. 'organization.created', 'auth.sign_in', 'invitation.revoked'. */
  action: string;
  /** What was acted on, e.g. 'organization', 'user', 'invitation'. */
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      actorUserId: event.actorUserId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      // Absent (or null) means SQL NULL in the column.
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
  });
}
