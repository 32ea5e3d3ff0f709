import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import type { MoveJourneyStageInput } from './taxonomy-input';
import { lockEntryForEdit, renumberStages } from './taxonomy-records';

/**
 * Moves a journey stage one place earlier or later (swapping with its neighbour, retired stages included, since
 * accounts still show them in order), audited as 'journey_stage.moved' with the whole order before and after.
 * Version-checked on the stage moved; moving the first stage up (or the last down) changes nothing.
 */
export async function moveJourneyStage(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: MoveJourneyStageInput,
): Promise<{ version: number; changed: boolean }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.write');
    const stage = await lockEntryForEdit(tx, organizationId, 'stage', input.id, input.version);

    await renumberStages(tx, organizationId);
    const orderBefore = await stageOrder(tx, organizationId);
    const index = orderBefore.findIndex((row) => row.id === input.id);
    const neighbour = orderBefore[input.direction === 'up' ? index - 1 : index + 1];
    if (!neighbour) return { version: stage.version, changed: false };
    const own = orderBefore[index]!;

    await tx.journeyStage.updateMany({ where: { organizationId, id: own.id }, data: { position: neighbour.position, version: { increment: 1 } } });
    await tx.journeyStage.updateMany({ where: { organizationId, id: neighbour.id }, data: { position: own.position } });
    const orderAfter = await stageOrder(tx, organizationId);
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'journey_stage.moved',
      entityType: 'journey_stage',
      entityId: input.id,
      before: { name: stage.name, position: own.position, order: orderBefore.map((row) => row.name) },
      after: { name: stage.name, position: neighbour.position, order: orderAfter.map((row) => row.name) },
    });
    return { version: stage.version + 1, changed: true };
  });
}

async function stageOrder(tx: Tx, organizationId: string) {
  return tx.journeyStage.findMany({
    where: { organizationId },
    select: { id: true, name: true, position: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}
