import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { csvLines } from '@/lib/accounts/csv-cell';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { auditFilterWhere, type AuditFilters } from './audit-filters';
import { entityLabels } from './list-audit-events';

export const AUDIT_EXPORT_HEADER = ['time (UTC)', 'actor name', 'actor email', 'action', 'entity type', 'entity id', 'entity', 'before', 'after'] as const;
/** A bound on one download, so a request cannot hold a connection for minutes; the file says when it was cut. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/**
 * The filtered audit log, newest first, as CSV (admins): one row per event, before and after as JSON text.
 * Every cell goes through csvCell, so a name or value starting with "=" opens as text, not as a formula.
 */
export async function exportAuditCsv(prisma: PrismaClient, actor: OrganizationActor, filters: AuditFilters): Promise<string> {
  const { organizationId } = actor;
  return withTenant(
    prisma,
    { organizationId, userId: actor.userId },
    async (tx) => {
      await requireActorPermission(tx, actor, 'audit.read');
      const events = await tx.auditEvent.findMany({
        where: { organizationId, ...auditFilterWhere(filters) },
        select: {
          id: true,
          createdAt: true,
          action: true,
          entityType: true,
          entityId: true,
          before: true,
          after: true,
          actor: { select: { name: true, email: true } },
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: AUDIT_EXPORT_MAX_ROWS + 1,
      });
      const cut = events.length > AUDIT_EXPORT_MAX_ROWS;
      const rows = events.slice(0, AUDIT_EXPORT_MAX_ROWS);
      const labels = await entityLabels(tx, organizationId, rows);
      const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
      return csvLines([
        [...AUDIT_EXPORT_HEADER],
        ...rows.map((event) => [
          event.createdAt.toISOString(),
          event.actor?.name ?? 'system',
          event.actor?.email ?? null,
          event.action,
          event.entityType,
          event.entityId,
          labels.get(`${event.entityType}:${event.entityId}`) ?? null,
          json(event.before),
          json(event.after),
        ]),
        ...(cut ? [[`(only the newest ${AUDIT_EXPORT_MAX_ROWS} events; narrow the filters for older ones)`]] : []),
      ]);
    },
    { timeout: 30_000 },
  );
}
