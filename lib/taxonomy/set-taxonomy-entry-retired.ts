import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import type { SetTaxonomyEntryRetiredInput } from './taxonomy-input';
import { ENTITY_TYPE, findTaxonomySnapshot, lockEntryForEdit, staleTaxonomyError } from './taxonomy-records';

/**
 * Retires a segment or journey stage, or restores a retired one, audited as '<type>.retired' / '<type>.restored'.
 * Retiring never touches accounts: those that have it keep it (and show it as retired); it is only no longer
 * offered for new assignment (account form, CSV import). Nothing is ever deleted, so no account is orphaned.
 */
export async function setTaxonomyEntryRetired(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: SetTaxonomyEntryRetiredInput,
): Promise<{ version: number; changed: boolean }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.write');
    const before = await lockEntryForEdit(tx, organizationId, input.kind, input.id, input.version);
    if ((before.retiredAt !== null) === input.retired) return { version: before.version, changed: false };

    const where = { organizationId, id: input.id, version: input.version };
    const data = { retiredAt: input.retired ? new Date() : null, version: { increment: 1 } };
    const { count } =
      input.kind === 'segment' ? await tx.segment.updateMany({ where, data }) : await tx.journeyStage.updateMany({ where, data });
    if (count === 0) throw staleTaxonomyError(input.kind, before.name);
    const after = (await findTaxonomySnapshot(tx, organizationId, input.kind, input.id))!;
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: `${ENTITY_TYPE[input.kind]}.${input.retired ? 'retired' : 'restored'}`,
      entityType: ENTITY_TYPE[input.kind],
      entityId: input.id,
      before: { ...before },
      after: { ...after },
    });
    return { version: after.version, changed: true };
  });
}
