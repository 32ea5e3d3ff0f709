import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant, type Tx } from '@/lib/db/tenant';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { encodeAuditCursor, type AuditCursor } from './audit-cursor';
import { auditFilterWhere, NO_AUDIT_FILTERS, type AuditFilters } from './audit-filters';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  /** A readable name for the entity when one is known (a member's name, an invitation's email). */
  entityLabel: string | null;
  /** Null for the system (or a user who has since been deleted). */
  actor: { name: string; email: string } | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
}

export interface AuditEventPage {
  rows: AuditEventRow[];
  /** Cursor for the next older page (?before=…), or null on the oldest page. */
  olderCursor: string | null;
  /** Cursor for the next newer page (?after=…), or null on the newest page. */
  newerCursor: string | null;
}

/**
 * One page of the organisation's audit log, newest first (admins). Keyset pagination on (created_at, id): pass
 * `before` for older events or `after` for newer ones; a page costs the same however deep it is. `filters`
 * (actor, kind, dates) narrow every page alike.
 */
export async function listAuditEvents(
  prisma: PrismaClient,
  actor: OrganizationActor,
  options: { before?: AuditCursor | null; after?: AuditCursor | null; pageSize?: number; filters?: AuditFilters } = {},
): Promise<AuditEventPage> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const { organizationId } = actor;
  const towardsNewer = !options.before && Boolean(options.after);
  const cursor = options.before ?? options.after ?? null;

  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'audit.read');
    const direction = towardsNewer ? 'gt' : 'lt';
    const fetched = await tx.auditEvent.findMany({
      where: {
        organizationId,
        ...auditFilterWhere(options.filters ?? NO_AUDIT_FILTERS),
        ...(cursor
          ? {
              OR: [
                { createdAt: { [direction]: cursor.createdAt } },
                { createdAt: cursor.createdAt, id: { [direction]: cursor.id } },
              ],
            }
          : {}),
      },
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
      orderBy: towardsNewer ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }],
      take: pageSize + 1,
    });
    const more = fetched.length > pageSize;
    const page = fetched.slice(0, pageSize);
    if (towardsNewer) page.reverse();
    const labels = await entityLabels(tx, organizationId, page);
    const rows = page.map((row) => ({ ...row, entityLabel: labels.get(`${row.entityType}:${row.entityId}`) ?? null }));
    const first = rows[0];
    const last = rows[rows.length - 1];
    const hasOlder = towardsNewer ? true : more;
    const hasNewer = towardsNewer ? more : cursor !== null;
    return {
      rows,
      olderCursor: hasOlder && last ? encodeAuditCursor(last) : null,
      newerCursor: hasNewer && first ? encodeAuditCursor(first) : null,
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names for the page's people (users, memberships), invitations (their email), accounts, segments and stages. */
export async function entityLabels(
  tx: Tx,
  organizationId: string,
  rows: { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const ids = (types: string[]) => [
    ...new Set(rows.filter((row) => types.includes(row.entityType) && row.entityId && UUID.test(row.entityId)).map((row) => row.entityId!)),
  ];
  const userIds = ids(['user', 'membership']);
  const invitationIds = ids(['invitation']);
  const accountIds = ids(['account']);
  const segmentIds = ids(['segment']);
  const stageIds = ids(['journey_stage']);
  const byIds = (list: string[]) => ({ organizationId, id: { in: list } });
  const named = { id: true, name: true } as const;
  const [accounts, segments, stages] = [
    accountIds.length ? await tx.account.findMany({ where: byIds(accountIds), select: named }) : [],
    segmentIds.length ? await tx.segment.findMany({ where: byIds(segmentIds), select: named }) : [],
    stageIds.length ? await tx.journeyStage.findMany({ where: byIds(stageIds), select: named }) : [],
  ];
  const [users, invitations] = await Promise.all([
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    invitationIds.length
      ? tx.invitation.findMany({ where: { organizationId, id: { in: invitationIds } }, select: { id: true, email: true } })
      : [],
  ]);
  const labels = new Map<string, string>();
  for (const user of users) {
    const label = `${user.name} (${user.email})`;
    labels.set(`user:${user.id}`, label);
    labels.set(`membership:${user.id}`, label);
  }
  for (const invitation of invitations) labels.set(`invitation:${invitation.id}`, invitation.email);
  for (const account of accounts) labels.set(`account:${account.id}`, account.name);
  for (const segment of segments) labels.set(`segment:${segment.id}`, segment.name);
  for (const stage of stages) labels.set(`journey_stage:${stage.id}`, stage.name);
  return labels;
}
