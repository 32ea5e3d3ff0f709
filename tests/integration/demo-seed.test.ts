import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { withTenant } from '@/lib/db/tenant';
import { COMPONENT_SLUGS, getFramework, allQuestionIds, DSCE_V1, type Answer, type ComponentSlug } from '@/lib/framework';
import { planDemoPortfolio } from '@/lib/demo/demo-portfolio-plan';
import { DemoSeedError, seedDemoOrganization, type DemoCredentials } from '@/lib/demo/seed-demo-organization';
import { scoreAssessment } from '@/lib/scoring';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The demo organisation: its shape, its credentials, and that every stored result is exactly what lib/scoring says. */

const NOW = new Date('2026-11-25T12:00:00.000Z');
const DAY = 86_400_000;
const SEED = 4242;

let db: TestDatabase;
let twin: TestDatabase;
let credentials: DemoCredentials;
let organizationId: string;

beforeAll(async () => {
  [db, twin] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  credentials = await seedDemoOrganization(db.prisma, { now: NOW, seed: SEED });
  organizationId = (await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'northwind' } })).id;
}, 120_000);

afterAll(async () => {
  await Promise.all([db?.drop(), twin?.drop()]);
});

describe('seedDemoOrganization', () => {
  it('creates Northwind Analytics with 1 admin, 1 CS leader and 4 CSMs', async () => {
    expect(credentials.organization).toEqual({ name: 'Northwind Analytics', slug: 'northwind' });
    const memberships = await db.prisma.membership.findMany({ where: { organizationId }, include: { user: true } });
    const roles = memberships.map((m) => m.role).sort();
    expect(roles).toEqual(['ADMIN', 'CSM', 'CSM', 'CSM', 'CSM', 'LEADER']);
    expect(memberships.every((m) => m.user.email.endsWith('@northwind.example'))).toBe(true);
    expect(credentials.users.map((u) => u.email).sort()).toEqual(memberships.map((m) => m.user.email).sort());
  });

  it('returns passwords that verify against the stored argon2id hashes', async () => {
    for (const user of credentials.users) {
      expect(user.password).toMatch(/^(?=.*[a-zA-Z])(?=.*\d)[a-zA-Z\d]{16}$/);
      const stored = await db.prisma.user.findUniqueOrThrow({ where: { email: user.email } });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await expect(verifyPassword(stored.passwordHash ?? '', user.password)).resolves.toBe(true);
      await expect(verifyPassword(stored.passwordHash ?? '', `${user.password}x`)).resolves.toBe(false);
    }
    expect(new Set(credentials.users.map((u) => u.password)).size).toBe(credentials.users.length);
  });

  it('creates the three segments, the five ordered journey stages, weights v1 and targets', async () => {
    const segments = await db.prisma.segment.findMany({ where: { organizationId }, orderBy: { tier: 'asc' } });
    expect(segments.map((s) => [s.name, s.tier])).toEqual([['Enterprise', 1], ['Mid-market', 2], ['Tech-touch', 3]]);
    const stages = await db.prisma.journeyStage.findMany({ where: { organizationId }, orderBy: { position: 'asc' } });
    expect(stages.map((s) => s.name)).toEqual(['Onboarding', 'Adoption', 'Value realisation', 'Renewal', 'Expansion']);
    const weights = await db.prisma.weightConfig.findMany({ where: { organizationId } });
    expect(weights).toHaveLength(1);
    expect(weights[0]).toMatchObject({ version: 1, reason: 'Initial defaults' });
    expect(weights[0]?.weights).toEqual(Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, 1])));

    const targets = await db.prisma.target.findMany({ where: { organizationId }, include: { segment: true } });
    const defaults = targets.filter((t) => t.segmentId === null);
    expect(defaults.map((t) => t.component).sort()).toEqual([...COMPONENT_SLUGS].sort());
    const override = (segment: string, component: ComponentSlug) =>
      targets.find((t) => t.segment?.name === segment && t.component === component)?.value;
    expect(override('Enterprise', 'relationships')).toBeGreaterThanOrEqual(85);
    expect(override('Tech-touch', 'relationships')).toBeLessThan(70);
    expect(override('Tech-touch', 'education')).toBeGreaterThan(80);
  });

  it('creates ~80 accounts with realistic ARR, renewals, stages and owners', async () => {
    const accounts = await db.prisma.account.findMany({ where: { organizationId }, include: { segment: true, owner: { include: { user: true } } } });
    expect(accounts.length).toBeGreaterThanOrEqual(75);
    expect(accounts.length).toBeLessThanOrEqual(85);
    expect(accounts.filter((a) => a.archivedAt !== null)).toHaveLength(2);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(accounts.length);
    expect(accounts.every((a) => /^CRM-\d{5}$/.test(a.externalId ?? ''))).toBe(true);

    const arrRange = { Enterprise: [150_000, 1_200_000], 'Mid-market': [30_000, 150_000], 'Tech-touch': [5_000, 30_000] } as const;
    for (const account of accounts) {
      const [min, max] = arrRange[account.segment?.name as keyof typeof arrRange];
      expect(Number(account.arr)).toBeGreaterThanOrEqual(min);
      expect(Number(account.arr)).toBeLessThanOrEqual(max);
      expect(account.renewalDate!.getTime()).toBeLessThanOrEqual(NOW.getTime() + 366 * DAY);
      expect(account.journeyStageId).not.toBeNull();
      expect(account.owner?.role).toBe('CSM');
    }
    const overdue = accounts.filter((a) => a.renewalDate!.getTime() < NOW.getTime() - DAY);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    // Enterprise accounts sit with one or two CSMs; every CSM owns some accounts.
    const enterpriseOwners = new Set(accounts.filter((a) => a.segment?.tier === 1).map((a) => a.ownerUserId));
    expect(enterpriseOwners.size).toBeLessThanOrEqual(2);
    expect(new Set(accounts.map((a) => a.ownerUserId)).size).toBe(4);
  });

  it('creates a year of submitted assessments: four quarters, some stale and some never-assessed accounts, and drafts', async () => {
    const accounts = await db.prisma.account.findMany({
      where: { organizationId },
      include: { assessments: { orderBy: { createdAt: 'asc' } }, owner: true },
    });
    const submitted = accounts.flatMap((a) => a.assessments.filter((s) => s.status === 'SUBMITTED'));
    expect(submitted.length).toBeGreaterThan(150);
    const quarters = new Set(submitted.map((s) => Math.floor((NOW.getTime() - s.submittedAt!.getTime()) / (91 * DAY))));
    expect([...quarters].sort()).toEqual([0, 1, 2, 3]);
    expect(submitted.every((s) => s.submittedAt! < NOW)).toBe(true);

    const latest = (a: (typeof accounts)[number]) =>
      Math.max(...a.assessments.filter((s) => s.status === 'SUBMITTED').map((s) => s.submittedAt!.getTime()));
    const neverAssessed = accounts.filter((a) => !a.assessments.some((s) => s.status === 'SUBMITTED'));
    expect(neverAssessed.length).toBeGreaterThanOrEqual(3);
    expect(neverAssessed.length).toBeLessThanOrEqual(8);
    const stale = accounts.filter((a) => a.archivedAt === null && neverAssessed.indexOf(a) < 0 && NOW.getTime() - latest(a) > 90 * DAY);
    expect(stale.length).toBeGreaterThanOrEqual(3);
    // Not every account every quarter.
    expect(accounts.some((a) => a.assessments.filter((s) => s.status === 'SUBMITTED').length < 4 && neverAssessed.indexOf(a) < 0)).toBe(true);

    const drafts = accounts.flatMap((a) => a.assessments.filter((s) => s.status === 'DRAFT'));
    expect(drafts.length).toBeGreaterThanOrEqual(4);
    expect(drafts.length).toBeLessThanOrEqual(8);
    for (const draft of drafts) {
      expect(draft.submittedAt).toBeNull();
      const answered = Object.keys(draft.answers as object).length;
      expect(answered).toBeGreaterThan(0);
      expect(answered).toBeLessThan(allQuestionIds(DSCE_V1).length);
    }
    expect(await db.prisma.assessmentResult.count({ where: { assessmentId: { in: drafts.map((d) => d.id) } } })).toBe(0);

    // Authored by the owning CSM; complete, varied answers with some unknown and a few na.
    for (const account of accounts) {
      for (const assessment of account.assessments) expect(assessment.authorUserId).toBe(account.ownerUserId);
    }
    const values = submitted.flatMap((s) => Object.values(s.answers as Record<string, Answer>));
    expect(submitted.every((s) => Object.keys(s.answers as object).length === allQuestionIds(DSCE_V1).length)).toBe(true);
    const share = (value: Answer) => values.filter((v) => v === value).length / values.length;
    expect(share('unknown')).toBeGreaterThan(0.02);
    expect(share('unknown')).toBeLessThan(0.2);
    expect(share('na')).toBeGreaterThan(0);
    expect(share('na')).toBeLessThan(0.05);
    for (const level of [0, 1, 2, 3, 4] as const) expect(share(level)).toBeGreaterThan(0.02);
    // Earlier quarters know less.
    const unknownShareIn = (quarter: number) => {
      const inQuarter = submitted.filter((s) => Math.floor((NOW.getTime() - s.submittedAt!.getTime()) / (91 * DAY)) === quarter);
      const answers = inQuarter.flatMap((s) => Object.values(s.answers as Record<string, Answer>));
      return answers.filter((v) => v === 'unknown').length / answers.length;
    };
    expect(unknownShareIn(3)).toBeGreaterThan(unknownShareIn(0));
  });

  it('stores, for every submitted assessment, exactly what scoreAssessment computes from the stored inputs', async () => {
    const organization = await db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const thresholds = { desired: organization.bandDesired, engaged: organization.bandEngaged, atRisk: organization.bandAtRisk };
    const targetRows = await db.prisma.target.findMany({ where: { organizationId } });
    const weightConfigs = await db.prisma.weightConfig.findMany({ where: { organizationId } });
    const submitted = await db.prisma.assessment.findMany({
      where: { organizationId, status: 'SUBMITTED' },
      include: { result: true, account: true },
    });
    const bands = new Set<string>();
    for (const assessment of submitted) {
      const result = assessment.result;
      expect(result).not.toBeNull();
      if (!result) continue;
      // Targets in force: the segment's override, else the organisation default (read from the target table).
      const expectedTargets = Object.fromEntries(
        COMPONENT_SLUGS.map((slug) => {
          const override = targetRows.find((t) => t.segmentId === assessment.account.segmentId && t.component === slug);
          const fallback = targetRows.find((t) => t.segmentId === null && t.component === slug);
          return [slug, (override ?? fallback)!.value];
        }),
      );
      expect(result.targets).toEqual(expectedTargets);
      expect(result.weightConfigVersion).toBe(1);
      const weights = weightConfigs.find((w) => w.version === result.weightConfigVersion)!.weights as Record<ComponentSlug, number>;
      const recomputed = scoreAssessment({
        framework: getFramework(assessment.frameworkVersion),
        answers: assessment.answers as Record<string, Answer>,
        targets: expectedTargets,
        weights,
        thresholds,
      });
      expect(result.output).toEqual(recomputed);
      expect([result.score, result.gap, result.confidence, result.band]).toEqual([
        recomputed.score,
        recomputed.gap,
        recomputed.confidence,
        recomputed.band,
      ]);
      expect(result.submittedAt).toEqual(assessment.submittedAt);
      expect(result.accountId).toBe(assessment.accountId);
      bands.add(result.band);
    }
    expect(bands.size).toBeGreaterThanOrEqual(3);
  });

  it('is visible to the application role through row-level security', async () => {
    const owned = await db.prisma.account.count({ where: { organizationId } });
    await expect(withTenant(db.appPrisma, { organizationId }, (tx) => tx.account.count())).resolves.toBe(owned);
    await expect(db.appPrisma.account.count()).resolves.toBe(0); // no organisation set: nothing
  });

  it('records audit events', async () => {
    const actions = (await db.prisma.auditEvent.findMany({ where: { organizationId } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['organization.created', 'weights.created', 'targets.updated']));
  });

  it('refuses to seed twice, leaving the first demo untouched', async () => {
    const before = await db.prisma.assessment.count();
    await expect(seedDemoOrganization(db.prisma, { now: NOW, seed: SEED })).rejects.toThrow(DemoSeedError);
    await expect(seedDemoOrganization(db.prisma)).rejects.toThrow(/already exists/);
    expect(await db.prisma.organization.count()).toBe(1);
    expect(await db.prisma.assessment.count()).toBe(before);
  });

  it('is deterministic for a seed, except the passwords', async () => {
    expect(planDemoPortfolio({ now: NOW, seed: SEED })).toEqual(planDemoPortfolio({ now: NOW, seed: SEED }));
    expect(planDemoPortfolio({ now: NOW, seed: SEED + 1 })).not.toEqual(planDemoPortfolio({ now: NOW, seed: SEED }));

    const twinCredentials = await seedDemoOrganization(twin.prisma, { now: NOW, seed: SEED });
    expect(twinCredentials.users.map((u) => u.password)).not.toEqual(credentials.users.map((u) => u.password));
    const snapshot = async (database: TestDatabase) =>
      (
        await database.prisma.account.findMany({
          orderBy: { externalId: 'asc' },
          include: { segment: true, journeyStage: true, owner: { include: { user: true } }, assessments: { orderBy: { createdAt: 'asc' }, include: { result: true } } },
        })
      ).map((a) => ({
        name: a.name,
        externalId: a.externalId,
        arr: String(a.arr),
        renewalDate: a.renewalDate,
        archivedAt: a.archivedAt,
        createdAt: a.createdAt,
        segment: a.segment?.name,
        stage: a.journeyStage?.name,
        owner: a.owner?.user.email,
        assessments: a.assessments.map((s) => ({ status: s.status, answers: s.answers, notes: s.notes, submittedAt: s.submittedAt, createdAt: s.createdAt, output: s.result?.output })),
      }));
    expect(await snapshot(twin)).toEqual(await snapshot(db));
  });
});
