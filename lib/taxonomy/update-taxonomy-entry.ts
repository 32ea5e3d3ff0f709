import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import type { UpdateTaxonomyEntryInput } from './taxonomy-input';
import {
  assertTaxonomyNameFree,
  ENTITY_TYPE,
  findTaxonomySnapshot,
  lockEntryForEdit,
  mapTaxonomyUniqueViolation,
  staleTaxonomyError,
} from './taxonomy-records';

/**
 * Renames a segment (and sets its tier) or a journey stage, audited as '<type>.updated' with before/after.
 * Accounts refer to it by id, so they follow the new name. Version-checked: an edit from a stale page is refused.
 * Saving what is already stored changes (and records) nothing.
 */
export async function updateTaxonomyEntry(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: UpdateTaxonomyEntryInput,
): Promise<{ version: number; changed: boolean }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.write');
    const before = await lockEntryForEdit(tx, organizationId, input.kind, input.id, input.version);
    const tierUnchanged = input.kind !== 'segment' || input.tier === before.tier;
    if (before.name === input.name && tierUnchanged) return { version: before.version, changed: false };
    await assertTaxonomyNameFree(tx, organizationId, input.kind, input.name, input.id);

    const where = { organizationId, id: input.id, version: input.version };
    const data = { name: input.name, version: { increment: 1 } };
    try {
      const { count } =
        input.kind === 'segment'
          ? await tx.segment.updateMany({ where, data: { ...data, tier: input.tier } })
          : await tx.journeyStage.updateMany({ where, data });
      if (count === 0) throw staleTaxonomyError(input.kind, before.name);
    } catch (error) {
      throw mapTaxonomyUniqueViolation(input.kind, input.name, error);
    }
    const after = (await findTaxonomySnapshot(tx, organizationId, input.kind, input.id))!;
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: `${ENTITY_TYPE[input.kind]}.updated`,
      entityType: ENTITY_TYPE[input.kind],
      entityId: input.id,
      before: { ...before },
      after: { ...after },
    });
    return { version: after.version, changed: true };
  });
}
