import { randomUUID } from 'node:crypto';
import { COMPONENT_SLUGS, DSCE_V1, type ComponentSlug } from '@/lib/framework';
import type { Prisma } from '@/lib/generated/prisma/client';
import { scoreAssessment } from '@/lib/scoring';
import {
  DEFAULT_TARGET_VALUE,
  INITIAL_WEIGHTS_REASON,
  JOURNEY_STAGES,
  SEGMENTS,
  initialWeights,
  targetsForSegment,
  type SegmentKey,
} from './catalog';
import { DEMO_ORGANIZATION, type DemoPerson } from './demo-organization';
import type { DemoPortfolioPlan } from './demo-portfolio-plan';

/** Writes a planned demo portfolio through a Prisma transaction client; ids are fresh UUIDs made here. */

export interface DemoUserRow extends DemoPerson {
  id: string;
  passwordHash: string;
}

// Prisma's JSON input type has an index signature our typed records lack; they are plain JSON data.
const json = (value: unknown) => value as Prisma.InputJsonValue;
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

export async function writeDemoOrganization(
  tx: Prisma.TransactionClient,
  plan: DemoPortfolioPlan,
  users: readonly DemoUserRow[],
): Promise<void> {
  const setUpAt = plan.createdAt;
  const organization = await tx.organization.create({
    data: { id: randomUUID(), ...DEMO_ORGANIZATION, createdAt: setUpAt, updatedAt: setUpAt },
  });
  const organizationId = organization.id;
  const thresholds = {
    desired: organization.bandDesired,
    engaged: organization.bandEngaged,
    atRisk: organization.bandAtRisk,
  };
  const admin = users.find((user) => user.role === 'ADMIN');
  const csms = users.filter((user) => user.role === 'CSM');
  if (!admin || csms.length === 0) throw new Error('The demo needs an admin and at least one CSM');

  await tx.user.createMany({
    data: users.map((u) => ({ id: u.id, email: u.email, name: u.name, passwordHash: u.passwordHash, createdAt: setUpAt, updatedAt: setUpAt })),
  });
  await tx.membership.createMany({
    data: users.map((u) => ({ organizationId, userId: u.id, role: u.role, createdAt: setUpAt })),
  });

  const segmentIds = new Map<SegmentKey, string>(SEGMENTS.map((s) => [s.key, randomUUID()]));
  await tx.segment.createMany({
    data: SEGMENTS.map((s) => ({ organizationId, id: segmentIds.get(s.key) as string, name: s.name, tier: s.tier, createdAt: setUpAt })),
  });
  const stageIds = new Map<string, string>(JOURNEY_STAGES.map((name) => [name, randomUUID()]));
  await tx.journeyStage.createMany({
    data: JOURNEY_STAGES.map((name, position) => ({ organizationId, id: stageIds.get(name) as string, name, position, createdAt: setUpAt })),
  });

  const weights = initialWeights();
  await tx.weightConfig.create({
    data: { organizationId, version: 1, weights: json(weights), reason: INITIAL_WEIGHTS_REASON, createdByUserId: admin.id, createdAt: setUpAt },
  });
  await tx.target.createMany({
    data: [
      ...COMPONENT_SLUGS.map((component) => ({ organizationId, segmentId: null, component, value: DEFAULT_TARGET_VALUE, updatedAt: setUpAt })),
      ...SEGMENTS.flatMap((s) =>
        (Object.entries(s.targetOverrides) as [ComponentSlug, number][]).map(([component, value]) => ({
          organizationId,
          segmentId: segmentIds.get(s.key) as string,
          component,
          value,
          updatedAt: setUpAt,
        })),
      ),
    ],
  });

  const accounts = plan.accounts.map((planned) => ({ planned, id: randomUUID(), owner: csms[planned.ownerCsm % csms.length] as DemoUserRow }));
  await tx.account.createMany({
    data: accounts.map(({ planned, id, owner }) => ({
      organizationId,
      id,
      name: planned.name,
      externalId: planned.externalId,
      segmentId: segmentIds.get(planned.segment.key) as string,
      ownerUserId: owner.id,
      journeyStageId: stageIds.get(planned.stage) as string,
      arr: planned.arr.toFixed(2),
      renewalDate: planned.renewalDate,
      archivedAt: planned.archivedAt,
      createdAt: planned.createdAt,
      updatedAt: planned.archivedAt ?? planned.createdAt,
    })),
  });

  const assessmentRows: Prisma.AssessmentCreateManyInput[] = [];
  const resultRows: Prisma.AssessmentResultCreateManyInput[] = [];
  for (const { planned, id: accountId, owner } of accounts) {
    const targets = targetsForSegment(planned.segment);
    for (const assessment of planned.assessments) {
      const assessmentId = randomUUID();
      assessmentRows.push({
        organizationId,
        id: assessmentId,
        accountId,
        authorUserId: owner.id,
        status: 'SUBMITTED',
        frameworkVersion: DSCE_V1.version,
        answers: json(assessment.answers),
        notes: json(assessment.notes),
        submittedAt: assessment.submittedAt,
        createdAt: assessment.createdAt,
        updatedAt: assessment.submittedAt,
      });
      const output = scoreAssessment({ framework: DSCE_V1, answers: assessment.answers, targets, weights, thresholds });
      resultRows.push({
        organizationId,
        assessmentId,
        accountId,
        weightConfigVersion: 1,
        targets: json(targets),
        score: output.score,
        gap: output.gap,
        confidence: output.confidence,
        band: output.band,
        output: json(output),
        submittedAt: assessment.submittedAt,
        createdAt: assessment.submittedAt,
      });
    }
    if (planned.draft) {
      assessmentRows.push({
        organizationId,
        id: randomUUID(),
        accountId,
        authorUserId: owner.id,
        status: 'DRAFT',
        frameworkVersion: DSCE_V1.version,
        answers: json(planned.draft.answers),
        submittedAt: null,
        createdAt: planned.draft.createdAt,
        updatedAt: planned.draft.updatedAt,
      });
    }
  }
  await tx.assessment.createMany({ data: assessmentRows });
  await tx.assessmentResult.createMany({ data: resultRows });

  const audit = (action: string, entityType: string, entityId: string | null, after: unknown, createdAt: Date, actorUserId = admin.id) => ({
    organizationId,
    actorUserId,
    action,
    entityType,
    entityId,
    after: json(after),
    createdAt,
  });
  await tx.auditEvent.createMany({
    data: [
      audit('organization.created', 'organization', organizationId, DEMO_ORGANIZATION, setUpAt),
      ...users.map((u, i) => audit('membership.created', 'membership', u.id, { email: u.email, role: u.role }, minutesAfter(setUpAt, 1 + i))),
      audit('weights.created', 'weight_config', '1', { version: 1, weights, reason: INITIAL_WEIGHTS_REASON }, minutesAfter(setUpAt, 10)),
      audit(
        'targets.updated',
        'target',
        null,
        { default: DEFAULT_TARGET_VALUE, overrides: Object.fromEntries(SEGMENTS.map((s) => [s.name, s.targetOverrides])) },
        minutesAfter(setUpAt, 12),
      ),
      ...accounts
        .filter(({ planned }) => planned.archivedAt)
        .map(({ planned, id, owner }) =>
          audit('account.archived', 'account', id, { name: planned.name }, planned.archivedAt as Date, owner.id),
        ),
    ],
  });
}
