import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/create-prisma-client';

/**
 * A small organisation with known accounts and latest scores for the accounts tests, written as the owner.
 * Scores go in through the real chain (assessment → result → account_score) so every foreign key holds.
 */

export const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const dayOffset = (days: number) => new Date(Date.UTC(2026, 5, 1 + days));

export interface AccountsFixture {
  orgId: string;
  slug: string;
  users: { admin: string; leader: string; csm: string; csm2: string };
  emails: { admin: string; leader: string; csm: string; csm2: string };
  segments: { enterprise: string; midMarket: string; retired: string };
  stages: { onboarding: string; renewal: string };
  accounts: Record<string, string>;
  otherOrg: { orgId: string; slug: string; admin: string; accountId: string };
}

export async function createAccountsFixture(prisma: PrismaClient, label: string): Promise<AccountsFixture> {
  const orgId = randomUUID();
  const slug = `acc-${label}-${orgId.slice(0, 6)}`;
  const users = { admin: randomUUID(), leader: randomUUID(), csm: randomUUID(), csm2: randomUUID() };
  const emails = {
    admin: `admin-${orgId.slice(0, 6)}@acc.example`,
    leader: `leader-${orgId.slice(0, 6)}@acc.example`,
    csm: `csm-${orgId.slice(0, 6)}@acc.example`,
    csm2: `csm2-${orgId.slice(0, 6)}@acc.example`,
  };
  await prisma.organization.create({ data: { id: orgId, name: `Accounts ${label}`, slug, reviewIntervalDays: 90 } });
  await prisma.user.createMany({
    data: [
      { id: users.admin, email: emails.admin, name: 'Ada Admin' },
      { id: users.leader, email: emails.leader, name: 'Lee Leader' },
      { id: users.csm, email: emails.csm, name: 'Cas Csm' },
      { id: users.csm2, email: emails.csm2, name: 'Cid Csm' },
    ],
  });
  await prisma.membership.createMany({
    data: [
      { organizationId: orgId, userId: users.admin, role: 'ADMIN' },
      { organizationId: orgId, userId: users.leader, role: 'LEADER' },
      { organizationId: orgId, userId: users.csm, role: 'CSM' },
      { organizationId: orgId, userId: users.csm2, role: 'CSM' },
    ],
  });
  const segments = { enterprise: randomUUID(), midMarket: randomUUID(), retired: randomUUID() };
  await prisma.segment.createMany({
    data: [
      { organizationId: orgId, id: segments.enterprise, name: 'Enterprise', tier: 1 },
      { organizationId: orgId, id: segments.midMarket, name: 'Mid-market', tier: 2 },
      { organizationId: orgId, id: segments.retired, name: 'Legacy', tier: 3, retiredAt: daysAgo(10) },
    ],
  });
  const stages = { onboarding: randomUUID(), renewal: randomUUID() };
  await prisma.journeyStage.createMany({
    data: [
      { organizationId: orgId, id: stages.onboarding, name: 'Onboarding', position: 0 },
      { organizationId: orgId, id: stages.renewal, name: 'Renewal', position: 1 },
    ],
  });
  await prisma.weightConfig.create({ data: { organizationId: orgId, version: 1, weights: {} } });

  // name, external id, segment, owner, stage, arr, renewal (days from NOW), score, gap, band, assessed (days ago)
  type Spec = [string, string | null, string | null, string | null, string | null, string | null, number | null,
    number | null, number | null, 'desired' | 'engaged' | 'at_risk' | 'critical' | null, number | null];
  const specs: Spec[] = [
    ['Acme Corp', 'CRM-001', segments.enterprise, users.csm, stages.renewal, '500000.00', 20, 45, 40, 'critical', 10],
    ['Beta Ltd', 'CRM-002', segments.midMarket, users.csm, stages.onboarding, '80000.00', 50, 72, 10, 'engaged', 200],
    ['Gamma GmbH', 'CRM-003', segments.enterprise, users.csm2, stages.onboarding, '300000.00', 85, 90, 2, 'desired', 30],
    ['Delta 50% Inc', 'XYZ-9', segments.midMarket, null, null, null, null, 60, 25, 'at_risk', 95],
    ['Epsilon co', null, null, users.csm2, stages.renewal, '1000.00', 120, null, null, null, null],
    ['Zeta Archived', 'CRM-099', segments.enterprise, users.csm, null, '999.00', 10, 10, 70, 'critical', 5],
  ];
  const accounts: Record<string, string> = {};
  for (const [name, externalId, segmentId, ownerUserId, journeyStageId, arr, renewal, score, gap, band, assessed] of specs) {
    const id = randomUUID();
    accounts[name] = id;
    await prisma.account.create({
      data: {
        organizationId: orgId,
        id,
        name,
        externalId,
        segmentId,
        ownerUserId,
        journeyStageId,
        arr,
        renewalDate: renewal === null ? null : dayOffset(renewal),
        archivedAt: name === 'Zeta Archived' ? daysAgo(1) : null,
      },
    });
    if (score !== null && band !== null && assessed !== null && gap !== null) {
      await addScore(prisma, { orgId, accountId: id, authorUserId: users.admin, score, gap, band, submittedAt: daysAgo(assessed) });
    }
  }

  const otherOrgId = randomUUID();
  const otherAdmin = randomUUID();
  const otherAccount = randomUUID();
  await prisma.organization.create({ data: { id: otherOrgId, name: 'Other', slug: `other-${otherOrgId.slice(0, 6)}` } });
  await prisma.user.create({ data: { id: otherAdmin, email: `other-${otherOrgId.slice(0, 6)}@acc.example`, name: 'Otto' } });
  await prisma.membership.create({ data: { organizationId: otherOrgId, userId: otherAdmin, role: 'ADMIN' } });
  await prisma.account.create({ data: { organizationId: otherOrgId, id: otherAccount, name: 'Other Acme', externalId: 'CRM-001' } });
  return {
    orgId,
    slug,
    users,
    emails,
    segments,
    stages,
    accounts,
    otherOrg: { orgId: otherOrgId, slug: `other-${otherOrgId.slice(0, 6)}`, admin: otherAdmin, accountId: otherAccount },
  };
}

async function addScore(
  prisma: PrismaClient,
  input: { orgId: string; accountId: string; authorUserId: string; score: number; gap: number; band: 'desired' | 'engaged' | 'at_risk' | 'critical'; submittedAt: Date },
): Promise<void> {
  const assessmentId = randomUUID();
  await prisma.assessment.create({
    data: {
      organizationId: input.orgId,
      id: assessmentId,
      accountId: input.accountId,
      authorUserId: input.authorUserId,
      status: 'SUBMITTED',
      frameworkVersion: 'dsce-v1',
      submittedAt: input.submittedAt,
    },
  });
  await prisma.assessmentResult.create({
    data: {
      organizationId: input.orgId,
      assessmentId,
      accountId: input.accountId,
      weightConfigVersion: 1,
      targets: {},
      score: input.score,
      gap: input.gap,
      confidence: 100,
      band: input.band,
      output: {},
      submittedAt: input.submittedAt,
    },
  });
  await prisma.accountScore.create({
    data: {
      organizationId: input.orgId,
      accountId: input.accountId,
      assessmentId,
      weightConfigVersion: 1,
      score: input.score,
      gap: input.gap,
      confidence: 100,
      band: input.band,
      submittedAt: input.submittedAt,
    },
  });
}
