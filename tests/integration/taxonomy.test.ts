import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewAccountImport } from '@/lib/accounts/preview-account-import';
import { listAccountOptions } from '@/lib/accounts/list-account-options';
import { withTenant } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { createTaxonomyEntry } from '@/lib/taxonomy/create-taxonomy-entry';
import { listTaxonomy } from '@/lib/taxonomy/list-taxonomy';
import { moveJourneyStage } from '@/lib/taxonomy/move-journey-stage';
import { setTaxonomyEntryRetired } from '@/lib/taxonomy/set-taxonomy-entry-retired';
import { updateTaxonomyEntry } from '@/lib/taxonomy/update-taxonomy-entry';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { actorIn, createOrganizationFixture, type OrganizationFixture } from './members-fixture';

/** Segments and journey stages: through the app role (row-level security applies) and through the server actions. */

let db: TestDatabase;
let signedIn: { id: string; email: string; name: string } | null = null;

vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn, requireUser: async () => signedIn }));
vi.mock('@/lib/db/prisma', () => ({ prisma: () => db.appPrisma }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const actions = await import('@/app/o/[slug]/settings/taxonomy/actions');

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

interface Taxonomy extends OrganizationFixture {
  segments: { enterprise: string; midMarket: string };
  stages: { onboarding: string; adoption: string; renewal: string };
  accounts: { a: string; b: string };
}

async function organization(label = 'Tax'): Promise<Taxonomy> {
  const org = await createOrganizationFixture(db.prisma, label, { admin: 'ADMIN', leader: 'LEADER', csm: 'CSM' });
  const organizationId = org.organizationId;
  const segments = { enterprise: randomUUID(), midMarket: randomUUID() };
  const stages = { onboarding: randomUUID(), adoption: randomUUID(), renewal: randomUUID() };
  await db.prisma.segment.createMany({
    data: [
      { organizationId, id: segments.enterprise, name: 'Enterprise', tier: 1 },
      { organizationId, id: segments.midMarket, name: 'Mid-market', tier: 2 },
    ],
  });
  await db.prisma.journeyStage.createMany({
    data: [
      { organizationId, id: stages.onboarding, name: 'Onboarding', position: 1 },
      { organizationId, id: stages.adoption, name: 'Adoption', position: 2 },
      { organizationId, id: stages.renewal, name: 'Renewal', position: 3 },
    ],
  });
  const accounts = { a: randomUUID(), b: randomUUID() };
  await db.prisma.account.createMany({
    data: [
      { organizationId, id: accounts.a, name: 'Acme', segmentId: segments.enterprise, journeyStageId: stages.adoption },
      { organizationId, id: accounts.b, name: 'Beta', segmentId: segments.enterprise, journeyStageId: stages.onboarding, archivedAt: new Date() },
    ],
  });
  return { ...org, segments, stages, accounts };
}

/** Everything these use cases may touch, to prove that a refused change wrote nothing. */
const snapshot = async (org: OrganizationFixture) => ({
  segments: await db.prisma.segment.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: 'asc' } }),
  stages: await db.prisma.journeyStage.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: 'asc' } }),
  accounts: await db.prisma.account.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: 'asc' } }),
  audits: await db.prisma.auditEvent.count({ where: { organizationId: org.organizationId } }),
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const signInAs = (org: OrganizationFixture, key: string) => {
  const user = org.users[key]!;
  signedIn = { id: user.id, email: user.email, name: user.name };
};
const versionOf = async (kind: 'segment' | 'stage', id: string) =>
  kind === 'segment'
    ? (await db.prisma.segment.findFirstOrThrow({ where: { id } })).version
    : (await db.prisma.journeyStage.findFirstOrThrow({ where: { id } })).version;

describe('adding', () => {
  it('adds a segment and a stage at a chosen place, audited with the state after', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    const { id } = await createTaxonomyEntry(db.appPrisma, admin, { kind: 'segment', name: 'Tech-touch', tier: 3 });
    await createTaxonomyEntry(db.appPrisma, admin, { kind: 'stage', name: 'Value realisation', position: 3 });
    const { segments, stages } = await listTaxonomy(db.appPrisma, admin);
    expect(segments.map((s) => [s.name, s.tier, s.accounts])).toEqual([
      ['Enterprise', 1, 2],
      ['Mid-market', 2, 0],
      ['Tech-touch', 3, 0],
    ]);
    expect(stages.map((s) => s.name)).toEqual(['Onboarding', 'Adoption', 'Value realisation', 'Renewal']);
    expect(stages.find((s) => s.name === 'Adoption')!.accounts).toBe(1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, action: 'segment.created' } });
    expect(audit).toMatchObject({ actorUserId: admin.userId, entityType: 'segment', entityId: id, before: null });
    expect(audit.after).toMatchObject({ name: 'Tech-touch', tier: 3, retiredAt: null, version: 1 });
  });

  it.each([
    ['segment', { kind: 'segment', name: '  enterprise ', tier: 2 }, /There is already a segment named “Enterprise”/],
    ['stage', { kind: 'stage', name: 'ADOPTION' }, /There is already a journey stage named “Adoption”/],
  ])('refuses a duplicate %s name whatever its case, with a clear message, and writes nothing', async (_kind, input, message) => {
    const org = await organization();
    signInAs(org, 'admin');
    const before = await snapshot(org);
    const result = await actions.createTaxonomyEntryAction(org.slug, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fieldErrors?.name?.[0]).toMatch(message);
    expect(await snapshot(org)).toEqual(before);
  });

  it.each([
    ['an empty name', { kind: 'segment', name: '   ', tier: 1 }, 'name', 'Enter a name.'],
    ['a tier of 0', { kind: 'segment', name: 'New', tier: 0 }, 'tier', 'Enter a tier from 1 (highest touch) to 9.'],
    ['a tier that is not a number', { kind: 'segment', name: 'New', tier: 'high' }, 'tier', 'Enter a tier from 1 to 9.'],
    ['a name too long', { kind: 'stage', name: 'x'.repeat(81) }, 'name', 'At most 80 characters.'],
  ])('refuses %s with a message on the field and writes nothing', async (_case, input, field, message) => {
    const org = await organization();
    signInAs(org, 'admin');
    const before = await snapshot(org);
    const result = await actions.createTaxonomyEntryAction(org.slug, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { [field]: [message] } } });
    expect(await snapshot(org)).toEqual(before);
  });

  it('names a retired duplicate and suggests restoring it', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    await setTaxonomyEntryRetired(db.appPrisma, admin, { kind: 'segment', id: org.segments.midMarket, version: 1, retired: true });
    const error = await rejection(createTaxonomyEntry(db.appPrisma, admin, { kind: 'segment', name: 'mid-market', tier: 2 }));
    expect(error.fieldErrors?.name?.[0]).toBe('There is already a segment named “Mid-market”. It is retired: restore it instead of adding it again.');
  });
});

describe('renaming', () => {
  it('renames (accounts follow by id), audited with before and after', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    const result = await updateTaxonomyEntry(db.appPrisma, admin, { kind: 'segment', id: org.segments.enterprise, version: 1, name: 'Strategic', tier: 1 });
    expect(result).toEqual({ version: 2, changed: true });
    const account = await db.prisma.account.findFirstOrThrow({ where: { id: org.accounts.a }, include: { segment: true } });
    expect(account.segment?.name).toBe('Strategic');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, action: 'segment.updated' } });
    expect(audit.before).toMatchObject({ name: 'Enterprise', version: 1 });
    expect(audit.after).toMatchObject({ name: 'Strategic', version: 2 });
  });

  it('may change only the case of its own name, but not take another one', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    await updateTaxonomyEntry(db.appPrisma, admin, { kind: 'stage', id: org.stages.adoption, version: 1, name: 'ADOPTION' });
    const before = await snapshot(org);
    const error = await rejection(updateTaxonomyEntry(db.appPrisma, admin, { kind: 'stage', id: org.stages.adoption, version: 2, name: 'renewal' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors?.name?.[0]).toMatch(/already a journey stage named “Renewal”/);
    expect(await snapshot(org)).toEqual(before);
  });

  it('refuses an edit made on a stale page (someone changed it since) and writes nothing', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    await updateTaxonomyEntry(db.appPrisma, admin, { kind: 'segment', id: org.segments.midMarket, version: 1, name: 'Mid market', tier: 2 });
    const before = await snapshot(org);
    const error = await rejection(
      updateTaxonomyEntry(db.appPrisma, admin, { kind: 'segment', id: org.segments.midMarket, version: 1, name: 'Growth', tier: 2 }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Someone else changed the segment “Mid market”/);
    expect(await snapshot(org)).toEqual(before);
  });
});

describe('retiring', () => {
  it('keeps every account on a retired segment and stage, marks them retired, and stops offering them', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    await setTaxonomyEntryRetired(db.appPrisma, admin, { kind: 'segment', id: org.segments.enterprise, version: 1, retired: true });
    await setTaxonomyEntryRetired(db.appPrisma, admin, { kind: 'stage', id: org.stages.adoption, version: 1, retired: true });

    const accounts = await db.prisma.account.findMany({ where: { organizationId: org.organizationId }, orderBy: { name: 'asc' } });
    expect(accounts.map((a) => [a.segmentId, a.journeyStageId])).toEqual([
      [org.segments.enterprise, org.stages.adoption],
      [org.segments.enterprise, org.stages.onboarding],
    ]);
    const options = await withTenant(db.appPrisma, { organizationId: org.organizationId }, (tx) => listAccountOptions(tx, org.organizationId));
    expect(options.segments.find((s) => s.id === org.segments.enterprise)).toMatchObject({ retired: true });
    expect(options.stages.find((s) => s.id === org.stages.adoption)).toMatchObject({ retired: true });

    const { segments, stages } = await listTaxonomy(db.appPrisma, admin);
    expect(segments.find((s) => s.id === org.segments.enterprise)).toMatchObject({ retired: true, accounts: 2 });
    expect(stages.find((s) => s.id === org.stages.adoption)).toMatchObject({ retired: true, accounts: 1 });

    // The CSV import no longer accepts them for new assignment.
    const csv = ['name,segment,stage', 'New One,Enterprise,Adoption'].join('\n');
    const preview = await withTenant(db.appPrisma, { organizationId: org.organizationId }, (tx) => previewAccountImport(tx, org.organizationId, csv));
    const errors = preview.rows[0]!.errors.join(' | ');
    expect(errors).toMatch(/Unknown segment "Enterprise"/);
    expect(errors).toMatch(/Unknown stage "Adoption"/);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, action: 'segment.retired' } });
    expect(audit.before).toMatchObject({ retiredAt: null, version: 1 });
    expect(audit.after).toMatchObject({ version: 2 });
    expect((audit.after as { retiredAt: string | null }).retiredAt).not.toBeNull();
  });

  it('restores a retired one, audited, and it is offered again', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    await setTaxonomyEntryRetired(db.appPrisma, admin, { kind: 'stage', id: org.stages.renewal, version: 1, retired: true });
    expect(await setTaxonomyEntryRetired(db.appPrisma, admin, { kind: 'stage', id: org.stages.renewal, version: 2, retired: false })).toEqual({
      version: 3,
      changed: true,
    });
    const options = await withTenant(db.appPrisma, { organizationId: org.organizationId }, (tx) => listAccountOptions(tx, org.organizationId));
    expect(options.stages.find((s) => s.id === org.stages.renewal)).toMatchObject({ retired: false });
    expect(await db.prisma.auditEvent.count({ where: { organizationId: org.organizationId, action: 'journey_stage.restored' } })).toBe(1);
  });
});

describe('ordering stages', () => {
  it('moves a stage earlier and later, audited with the order before and after; the ends do not move', async () => {
    const org = await organization();
    const admin = actorIn(org, 'admin');
    await moveJourneyStage(db.appPrisma, admin, { id: org.stages.renewal, version: 1, direction: 'up' });
    expect((await listTaxonomy(db.appPrisma, admin)).stages.map((s) => s.name)).toEqual(['Onboarding', 'Renewal', 'Adoption']);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.organizationId, action: 'journey_stage.moved' } });
    expect(audit.before).toMatchObject({ order: ['Onboarding', 'Adoption', 'Renewal'] });
    expect(audit.after).toMatchObject({ order: ['Onboarding', 'Renewal', 'Adoption'] });

    expect(await moveJourneyStage(db.appPrisma, admin, { id: org.stages.onboarding, version: 1, direction: 'up' })).toEqual({ version: 1, changed: false });
    await moveJourneyStage(db.appPrisma, admin, { id: org.stages.onboarding, version: 1, direction: 'down' });
    expect((await listTaxonomy(db.appPrisma, admin)).stages.map((s) => s.name)).toEqual(['Renewal', 'Onboarding', 'Adoption']);
    // A move from a stale page is refused.
    expect((await rejection(moveJourneyStage(db.appPrisma, admin, { id: org.stages.renewal, version: 1, direction: 'down' }))).code).toBe('CONFLICT');
  });
});

describe('who may change segments and stages', () => {
  it('LEADER and CSM get FORBIDDEN from every action and nothing changes', async () => {
    const org = await organization();
    const before = await snapshot(org);
    for (const key of ['leader', 'csm']) {
      signInAs(org, key);
      const results = [
        await actions.createTaxonomyEntryAction(org.slug, { kind: 'segment', name: 'Sneaky', tier: 1 }),
        await actions.updateTaxonomyEntryAction(org.slug, { kind: 'segment', id: org.segments.enterprise, version: 1, name: 'Sneaky', tier: 1 }),
        await actions.setTaxonomyEntryRetiredAction(org.slug, { kind: 'stage', id: org.stages.adoption, version: 1, retired: true }),
        await actions.moveJourneyStageAction(org.slug, { id: org.stages.renewal, version: 1, direction: 'up' }),
      ];
      for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // The use cases refuse on their own too (called directly, behind no wrapper).
      expect((await rejection(listTaxonomy(db.appPrisma, actorIn(org, key)))).code).toBe('FORBIDDEN');
      expect(
        (await rejection(createTaxonomyEntry(db.appPrisma, actorIn(org, key), { kind: 'stage', name: 'Sneaky' }))).code,
      ).toBe('FORBIDDEN');
    }
    expect(await snapshot(org)).toEqual(before);
  });

  it("another organisation's admin gets NOT_FOUND for this organisation and for its ids, exactly like missing ones", async () => {
    const org = await organization('Victim');
    const other = await organization('Other');
    const before = await snapshot(org);
    signInAs(other, 'admin');
    const viaSlug = await actions.createTaxonomyEntryAction(org.slug, { kind: 'segment', name: 'Sneaky', tier: 1 });
    expect(viaSlug).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const crossIds = [
      await actions.updateTaxonomyEntryAction(other.slug, { kind: 'segment', id: org.segments.enterprise, version: 1, name: 'Mine', tier: 1 }),
      await actions.setTaxonomyEntryRetiredAction(other.slug, { kind: 'stage', id: org.stages.adoption, version: 1, retired: true }),
      await actions.moveJourneyStageAction(other.slug, { id: org.stages.renewal, version: 1, direction: 'up' }),
    ];
    const missing = await actions.updateTaxonomyEntryAction(other.slug, { kind: 'segment', id: randomUUID(), version: 1, name: 'Mine', tier: 1 });
    for (const result of crossIds) expect(result).toEqual(missing);
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
    expect(await snapshot(org)).toEqual(before);
    expect(await versionOf('segment', org.segments.enterprise)).toBe(1);
  });
});
