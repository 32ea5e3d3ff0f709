import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import type { CreateTaxonomyEntryInput } from './taxonomy-input';
import {
  assertTaxonomyNameFree,
  ENTITY_TYPE,
  findTaxonomySnapshot,
  lockTaxonomy,
  mapTaxonomyUniqueViolation,
  renumberStages,
} from './taxonomy-records';

/**
 * Adds a segment (with its tier) or a journey stage (at a place in the journey, later stages move one down; at
 * the end by default), audited as 'segment.created' / 'journey_stage.created'. Names are unique per organisation
 * regardless of case.
 */
export async function createTaxonomyEntry(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: CreateTaxonomyEntryInput,
): Promise<{ id: string }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.write');
    await lockTaxonomy(tx, organizationId);
    await assertTaxonomyNameFree(tx, organizationId, input.kind, input.name);
    let id: string;
    try {
      if (input.kind === 'segment') {
        ({ id } = await tx.segment.create({ data: { organizationId, name: input.name, tier: input.tier }, select: { id: true } }));
      } else {
        const count = await tx.journeyStage.count({ where: { organizationId } });
        const position = Math.min(input.position ?? count + 1, count + 1);
        await renumberStages(tx, organizationId);
        await tx.journeyStage.updateMany({ where: { organizationId, position: { gte: position } }, data: { position: { increment: 1 } } });
        ({ id } = await tx.journeyStage.create({ data: { organizationId, name: input.name, position }, select: { id: true } }));
      }
    } catch (error) {
      throw mapTaxonomyUniqueViolation(input.kind, input.name, error);
    }
    const after = await findTaxonomySnapshot(tx, organizationId, input.kind, id);
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: `${ENTITY_TYPE[input.kind]}.created`,
      entityType: ENTITY_TYPE[input.kind],
      entityId: id,
      after: { ...after },
    });
    return { id };
  });
}
