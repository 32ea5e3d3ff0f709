import { REBUILD_SCORE_TABLES_SQL } from '@/lib/db/account-score-sql';
import { randomUUID } from 'node:crypto';
import { COMPONENT_SLUGS, DSCE_V1, type ComponentSlug } from '@/lib/framework';
import type { Prisma } from '@/lib/generated/prisma/client';
import { scoreAssessment, type Thresholds } from '@/lib/scoring';
import { targetsFromRows } from '@/lib/scoring-config/configuration-snapshot';
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
import type { DemoPortfolioPlan, PlannedAccount } from './demo-portfolio-plan';

/** Writes a planned demo portfolio through a Prisma transaction client; ids are fresh UUIDs made here. */

export interface DemoUserRow extends DemoPerson {
  id: string;
  passwordHash: string;
}

type Tx = Prisma.TransactionClient;

interface Setup {
  organizationId: string;
  setUpAt: Date;
  thresholds: Thresholds;
  weights: Record<ComponentSlug, number>;
  admin: DemoUserRow;
  csms: DemoUserRow[];
  segmentIds: Map<SegmentKey, string>;
  stageIds: Map<string, string>;
}

interface WrittenAccount {
  planned: PlannedAccount;
  id: string;
  owner: DemoUserRow;
}

// Prisma's JSON input type has an index signature our typed records lack; they are plain JSON data.
const json = (value: unknown) => value as Prisma.InputJsonValue;
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** `organizationId` must already be the transaction's row-level-security organisation (app.org_id). */
export async function writeDemoOrganization(
  tx: Tx,
  organizationId: string,
  plan: DemoPortfolioPlan,
  users: readonly DemoUserRow[],
): Promise<void> {
  const setup = await writeSetup(tx, organizationId, plan.createdAt, users);
  const accounts = await writeAccounts(tx, setup, plan.accounts);
  await writeAssessments(tx, setup, accounts);
  await writeAuditTrail(tx, setup, users, accounts);
}

/** The organisation, its people, segments, stages, weights v1 and targets. */
async function writeSetup(tx: Tx, organizationId: string, setUpAt: Date, users: readonly DemoUserRow[]): Promise<Setup> {
  const organization = await tx.organization.create({
    data: { id: organizationId, ...DEMO_ORGANIZATION, createdAt: setUpAt, updatedAt: setUpAt },
  });
  const admin = users.find((user) => user.role === 'ADMIN');
  const csms = users.filter((user) => user.role === 'CSM');
  if (!admin || csms.length === 0) throw new Error('The demo needs an admin and at least one CSM');

  await tx.user.createMany({
    data: users.map(({ id, email, name, passwordHash }) => ({
      id, email, name, passwordHash, createdAt: setUpAt, updatedAt: setUpAt,
    })),
  });
  await tx.membership.createMany({
    data: users.map((u) => ({ organizationId, userId: u.id, role: u.role, createdAt: setUpAt })),
  });

  const segmentIds = new Map<SegmentKey, string>(SEGMENTS.map((s) => [s.key, randomUUID()]));
  await tx.segment.createMany({
    data: SEGMENTS.map(({ key, name, tier }) => ({
      organizationId, id: segmentIds.get(key) as string, name, tier, createdAt: setUpAt,
    })),
  });
  const stageIds = new Map<string, string>(JOURNEY_STAGES.map((name) => [name, randomUUID()]));
  await tx.journeyStage.createMany({
    data: JOURNEY_STAGES.map((name, position) => ({
      organizationId, id: stageIds.get(name) as string, name, position, createdAt: setUpAt,
    })),
  });

  const weights = initialWeights();
  const overrides = SEGMENTS.flatMap((s) =>
    (Object.entries(s.targetOverrides) as [ComponentSlug, number][]).map(([component, value]) => ({
      segmentId: segmentIds.get(s.key) as string, component, value,
    })),
  );
  const targetRows = [
    ...COMPONENT_SLUGS.map((component) => ({ segmentId: null, component, value: DEFAULT_TARGET_VALUE })),
    ...overrides,
  ];
  const thresholds = {
    desired: organization.bandDesired,
    engaged: organization.bandEngaged,
    atRisk: organization.bandAtRisk,
  };
  // Version 1 is a full scoring-configuration snapshot (weights, targets, thresholds), like every later version.
  await tx.weightConfig.create({
    data: {
      organizationId, version: 1, weights: json(weights), targets: json(targetsFromRows(targetRows)),
      thresholds: json(thresholds), reason: INITIAL_WEIGHTS_REASON, createdByUserId: admin.id, createdAt: setUpAt,
    },
  });
  await tx.target.createMany({
    data: targetRows.map((target) => ({ organizationId, ...target, updatedAt: setUpAt })),
  });

  return { organizationId, setUpAt, thresholds, weights, admin, csms, segmentIds, stageIds };
}

async function writeAccounts(tx: Tx, setup: Setup, planned: readonly PlannedAccount[]): Promise<WrittenAccount[]> {
  const accounts = planned.map((p) => ({
    planned: p,
    id: randomUUID(),
    owner: setup.csms[p.ownerCsm % setup.csms.length] as DemoUserRow,
  }));
  await tx.account.createMany({
    data: accounts.map(({ planned: p, id, owner }) => ({
      organizationId: setup.organizationId,
      id,
      name: p.name,
      externalId: p.externalId,
      segmentId: setup.segmentIds.get(p.segment.key) as string,
      ownerUserId: owner.id,
      journeyStageId: setup.stageIds.get(p.stage) as string,
      arr: p.arr.toFixed(2),
      renewalDate: p.renewalDate,
      archivedAt: p.archivedAt,
      createdAt: p.createdAt,
      updatedAt: p.archivedAt ?? p.createdAt,
    })),
  });
  return accounts;
}

/** Submitted assessments with their results (scored as the app scores a submission), and the open drafts. */
async function writeAssessments(tx: Tx, setup: Setup, accounts: readonly WrittenAccount[]): Promise<void> {
  const { organizationId, weights, thresholds } = setup;
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const results: Prisma.AssessmentResultCreateManyInput[] = [];
  for (const { planned, id: accountId, owner } of accounts) {
    const targets = targetsForSegment(planned.segment);
    const common = { organizationId, accountId, authorUserId: owner.id, frameworkVersion: DSCE_V1.version };
    for (const assessment of planned.assessments) {
      const assessmentId = randomUUID();
      const { submittedAt, createdAt, answers, notes } = assessment;
      assessments.push({
        ...common, id: assessmentId, status: 'SUBMITTED', answers: json(answers), notes: json(notes),
        submittedAt, createdAt, updatedAt: submittedAt,
      });
      const output = scoreAssessment({ framework: DSCE_V1, answers, targets, weights, thresholds });
      results.push({
        organizationId, assessmentId, accountId, weightConfigVersion: 1, targets: json(targets),
        score: output.score, gap: output.gap, confidence: output.confidence, band: output.band, output: json(output),
        submittedAt, createdAt: submittedAt,
      });
    }
    if (planned.draft) {
      const { answers, createdAt, updatedAt } = planned.draft;
      assessments.push({
        ...common, id: randomUUID(), status: 'DRAFT', answers: json(answers), submittedAt: null, createdAt, updatedAt,
      });
    }
  }
  await tx.assessment.createMany({ data: assessments });
  await tx.assessmentResult.createMany({ data: results });
  for (const statement of REBUILD_SCORE_TABLES_SQL) await tx.$executeRawUnsafe(statement, setup.organizationId);
}

async function writeAuditTrail(
  tx: Tx,
  setup: Setup,
  users: readonly DemoUserRow[],
  accounts: readonly WrittenAccount[],
): Promise<void> {
  const { organizationId, setUpAt, admin } = setup;
  const event = (
    action: string,
    entity: { type: string; id: string | null },
    after: unknown,
    createdAt: Date,
    actorUserId = admin.id,
  ) => ({ organizationId, actorUserId, action, entityType: entity.type, entityId: entity.id, after: json(after), createdAt });
  const overrides = Object.fromEntries(SEGMENTS.map((s) => [s.name, s.targetOverrides]));
  await tx.auditEvent.createMany({
    data: [
      event('organization.created', { type: 'organization', id: organizationId }, DEMO_ORGANIZATION, setUpAt),
      ...users.map((u, i) =>
        event('membership.created', { type: 'membership', id: u.id }, { email: u.email, role: u.role }, minutesAfter(setUpAt, 1 + i)),
      ),
      event(
        'weights.created',
        { type: 'weight_config', id: '1' },
        { version: 1, weights: setup.weights, reason: INITIAL_WEIGHTS_REASON },
        minutesAfter(setUpAt, 10),
      ),
      event('targets.updated', { type: 'target', id: null }, { default: DEFAULT_TARGET_VALUE, overrides }, minutesAfter(setUpAt, 12)),
      ...accounts.flatMap(({ planned, id, owner }) =>
        planned.archivedAt
          ? [event('account.archived', { type: 'account', id }, { name: planned.name }, planned.archivedAt, owner.id)]
          : [],
      ),
    ],
  });
}
