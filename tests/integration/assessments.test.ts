import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, type AssessmentActor } from '@/lib/assessments/assessment-actor';
import { AssessmentConflictError } from '@/lib/assessments/assessment-errors';
import { getAccountOverview } from '@/lib/assessments/get-account-overview';
import { getAssessmentForm } from '@/lib/assessments/get-assessment-form';
import { saveDraft } from '@/lib/assessments/save-draft';
import { startAssessment } from '@/lib/assessments/start-assessment';
import { submitAssessment } from '@/lib/assessments/submit-assessment';
import { REBUILD_SCORE_TABLES_SQL } from '@/lib/db/account-score-sql';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1, type Answer } from '@/lib/framework';
import type { Role } from '@/lib/generated/prisma/enums';
import { scoreAssessment, type ScoreResult } from '@/lib/scoring';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The assessment use cases against a real PostgreSQL, through the app role (row-level security applies). */

let db: TestDatabase;
const orgA = randomUUID();
const orgB = randomUUID();
const people = { admin: randomUUID(), leader: randomUUID(), csm: randomUUID(), otherCsm: randomUUID(), rival: randomUUID() };
const segment = randomUUID();
const accountA = randomUUID(); // owned by csm, in `segment`
const accountA2 = randomUUID(); // owned by otherCsm, no segment
const accountB = randomUUID(); // another organisation's

const roles: Record<keyof typeof people, [string, Role]> = {
  admin: [orgA, 'ADMIN'], leader: [orgA, 'LEADER'], csm: [orgA, 'CSM'], otherCsm: [orgA, 'CSM'], rival: [orgB, 'ADMIN'],
};
const actor = (who: keyof typeof people): AssessmentActor => ({ organizationId: roles[who][0], userId: people[who], role: roles[who][1] });
const as = <T>(who: keyof typeof people, work: (tx: Tx) => Promise<T>) =>
  withTenant(db.appPrisma, { organizationId: roles[who][0], userId: people[who] }, work);

const WEIGHTS_V2 = { intent: 2, anticipation: 1, adoption: 3, outcomes: 1, relationships: 1, engagement: 0.5, education: 1, journey: 1 };
const SEGMENT_TARGETS = { adoption: 80, outcomes: 70 };
const THRESHOLDS = { desired: 80, engaged: 60, atRisk: 40 };

beforeAll(async () => {
  db = await createTestDatabase();
  const o = db.prisma; // owner: fixtures only
  await o.organization.createMany({
    data: [
      { id: orgA, name: 'Org A', slug: `a-${orgA.slice(0, 8)}`, bandDesired: THRESHOLDS.desired, bandEngaged: THRESHOLDS.engaged, bandAtRisk: THRESHOLDS.atRisk },
      { id: orgB, name: 'Org B', slug: `b-${orgB.slice(0, 8)}` },
    ],
  });
  await o.user.createMany({ data: Object.entries(people).map(([name, id]) => ({ id, email: `${name.toLowerCase()}-${id.slice(0, 6)}@example.com`, name })) });
  await o.membership.createMany({
    data: Object.entries(roles).map(([who, [organizationId, role]]) => ({ organizationId, userId: people[who as keyof typeof people], role })),
  });
  await o.segment.create({ data: { organizationId: orgA, id: segment, name: 'Enterprise', tier: 1 } });
  await o.weightConfig.createMany({
    data: [
      { organizationId: orgA, version: 1, weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 1])) },
      { organizationId: orgA, version: 2, weights: WEIGHTS_V2 },
      { organizationId: orgB, version: 1, weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 1])) },
    ],
  });
  await o.target.createMany({
    data: [
      ...COMPONENT_SLUGS.map((component) => ({ organizationId: orgA, segmentId: null, component, value: 90 })),
      ...Object.entries(SEGMENT_TARGETS).map(([component, value]) => ({ organizationId: orgA, segmentId: segment, component: component as 'adoption', value })),
    ],
  });
  await o.account.createMany({
    data: [
      { organizationId: orgA, id: accountA, name: 'Acme', segmentId: segment, ownerUserId: people.csm },
      { organizationId: orgA, id: accountA2, name: 'Globex', ownerUserId: people.otherCsm },
      { organizationId: orgB, id: accountB, name: 'Rival account', ownerUserId: people.rival },
    ],
  });
});
afterAll(async () => {
  await db?.drop();
});

const fullAnswers = (level: (i: number) => Answer): Record<string, Answer> =>
  Object.fromEntries(allQuestionIds(DSCE_V1).map((id, i) => [id, level(i)]));

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** A fresh draft (startAssessment returns an author's existing draft, so earlier ones are removed first). */
async function newDraft(who: keyof typeof people = 'csm', accountId = accountA): Promise<string> {
  await db.prisma.assessment.deleteMany({ where: { accountId, authorUserId: people[who], status: 'DRAFT' } });
  const { assessmentId } = await as(who, (tx) => startAssessment(tx, actor(who), { accountId, source: 'blank' }));
  return assessmentId;
}

async function stored(assessmentId: string) {
  return db.prisma.assessment.findFirstOrThrow({ where: { id: assessmentId } });
}

describe('startAssessment', () => {
  it('creates a blank draft, and returns the same draft instead of a second one', async () => {
    const first = await as('csm', (tx) => startAssessment(tx, actor('csm'), { accountId: accountA, source: 'blank' }));
    expect(first.created).toBe(true);
    const again = await as('csm', (tx) => startAssessment(tx, actor('csm'), { accountId: accountA, source: 'previous' }));
    expect(again).toEqual({ assessmentId: first.assessmentId, created: false });
    const row = await stored(first.assessmentId);
    expect(row).toMatchObject({ status: 'DRAFT', version: 1, answers: {}, notes: {}, authorUserId: people.csm, frameworkVersion: 'dsce-v1' });
    await db.prisma.assessment.delete({ where: { organizationId_id: { organizationId: orgA, id: first.assessmentId } } });
  });

  it('refuses LEADER and a CSM who does not own the account, and writes nothing', async () => {
    const before = await db.prisma.assessment.count();
    await expectAppError(as('leader', (tx) => startAssessment(tx, actor('leader'), { accountId: accountA, source: 'blank' })), 'FORBIDDEN');
    await expectAppError(as('otherCsm', (tx) => startAssessment(tx, actor('otherCsm'), { accountId: accountA, source: 'blank' })), 'FORBIDDEN');
    expect(await db.prisma.assessment.count()).toBe(before);
  });

  it('another organisation’s account or a missing one is NOT_FOUND, identically', async () => {
    const cross = await expectAppError(as('admin', (tx) => startAssessment(tx, actor('admin'), { accountId: accountB, source: 'blank' })), 'NOT_FOUND');
    const missing = await expectAppError(as('admin', (tx) => startAssessment(tx, actor('admin'), { accountId: randomUUID(), source: 'blank' })), 'NOT_FOUND');
    expect(cross.message).toBe(missing.message);
  });

  it('validates the source', async () => {
    await expectAppError(as('csm', (tx) => startAssessment(tx, actor('csm'), { accountId: accountA, source: 'nope' })), 'VALIDATION');
  });
});

describe('saveDraft', () => {
  it('saves answers and notes and bumps the version', async () => {
    const id = await newDraft();
    const answers = { 'intent.q1': 3, 'intent.q2': 'unknown', 'adoption.q1': 'na' } as const;
    const saved = await as('csm', (tx) =>
      saveDraft(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: 1, answers, notes: { intent: 'Sponsor left.' } }),
    );
    expect(saved.version).toBe(2);
    expect(await stored(id)).toMatchObject({ version: 2, answers, notes: { intent: 'Sponsor left.' }, status: 'DRAFT' });
  });

  it.each([
    ['an unknown question id', { 'intent.q99': 2 }, {}, 'answers.intent.q99', /Unknown question "intent\.q99"/],
    ['level 5', { 'intent.q1': 5 }, {}, 'answers.intent.q1', /answers\.intent\.q1: must be a level 0–4/],
    ['a note over 5,000 characters', {}, { intent: 'x'.repeat(5_001) }, 'notes.intent', /notes\.intent: must be at most 5,000 characters/],
    ['a note for an unknown component', {}, { nonsense: 'x' }, 'notes', /notes/],
  ])('rejects %s with a clear error and writes nothing', async (_label, answers, notes, field, message) => {
    const id = await newDraft();
    const before = await stored(id);
    const error = await expectAppError(
      as('csm', (tx) => saveDraft(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: before.version, answers, notes })),
      'VALIDATION',
    );
    expect(Object.keys(error.fieldErrors ?? {}).some((key) => key.startsWith(field))).toBe(true);
    expect(error.message).toMatch(message);
    expect(await stored(id)).toEqual(before);
  });

  it('refuses LEADER and a non-owner CSM; cross-organisation and mismatched ids are NOT_FOUND', async () => {
    const id = await newDraft();
    const body = { accountId: accountA, assessmentId: id, expectedVersion: 1, answers: { 'intent.q1': 1 }, notes: {} };
    await expectAppError(as('leader', (tx) => saveDraft(tx, actor('leader'), body)), 'FORBIDDEN');
    await expectAppError(as('otherCsm', (tx) => saveDraft(tx, actor('otherCsm'), body)), 'FORBIDDEN');
    await expectAppError(as('rival', (tx) => saveDraft(tx, actor('rival'), body)), 'NOT_FOUND');
    // The rival's own account with our assessment id: still not found (and RLS would hide it anyway).
    await expectAppError(as('rival', (tx) => saveDraft(tx, actor('rival'), { ...body, accountId: accountB })), 'NOT_FOUND');
    // An assessment of another account of the same organisation under this account's URL.
    const otherDraft = await newDraft('otherCsm', accountA2);
    await expectAppError(as('csm', (tx) => saveDraft(tx, actor('csm'), { ...body, assessmentId: otherDraft })), 'NOT_FOUND');
    expect((await stored(id)).version).toBe(1);
  });

  it('an ADMIN saves any account\'s draft; a CSM whose account was reassigned away is FORBIDDEN and writes nothing', async () => {
    const id = await newDraft();
    const body = { accountId: accountA, assessmentId: id, answers: { 'intent.q1': 2 }, notes: {} };
    expect((await as('admin', (tx) => saveDraft(tx, actor('admin'), { ...body, expectedVersion: 1 }))).version).toBe(2);
    await db.prisma.account.update({ where: { organizationId_id: { organizationId: orgA, id: accountA } }, data: { ownerUserId: people.otherCsm } });
    try {
      await expectAppError(as('csm', (tx) => saveDraft(tx, actor('csm'), { ...body, answers: {}, expectedVersion: 2 })), 'FORBIDDEN');
    } finally {
      await db.prisma.account.update({ where: { organizationId_id: { organizationId: orgA, id: accountA } }, data: { ownerUserId: people.csm } });
    }
    expect(await stored(id)).toMatchObject({ version: 2, answers: { 'intent.q1': 2 } });
  });

  it('of two concurrent saves against one version, exactly one wins and the other gets CONFLICT with the server copy', async () => {
    const id = await newDraft();
    const save = (level: 1 | 2) =>
      as('csm', (tx) =>
        saveDraft(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: 1, answers: { 'intent.q1': level }, notes: {} }),
      );
    const outcomes = await Promise.allSettled([save(1), save(2)]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason as AssessmentConflictError;
    expect(conflict).toBeInstanceOf(AssessmentConflictError);
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.reason).toBe('stale');
    const row = await stored(id);
    expect(row.version).toBe(2);
    expect(conflict.current).toEqual({ answers: row.answers, notes: {}, version: 2 });
  });

  it('a save against a stale version is a CONFLICT and changes nothing', async () => {
    const id = await newDraft();
    const body = { accountId: accountA, assessmentId: id, answers: { 'intent.q1': 4 }, notes: {} };
    await as('csm', (tx) => saveDraft(tx, actor('csm'), { ...body, expectedVersion: 1 }));
    const error = await expectAppError(as('csm', (tx) => saveDraft(tx, actor('csm'), { ...body, answers: {}, expectedVersion: 1 })), 'CONFLICT');
    expect((error as AssessmentConflictError).current.answers).toEqual({ 'intent.q1': 4 });
    expect((await stored(id)).answers).toEqual({ 'intent.q1': 4 });
  });
});

describe('submitAssessment', () => {
  const answers = fullAnswers((i) => (i % 7 === 0 ? 'unknown' : i % 11 === 0 ? 'na' : ((i % 5) as Answer)));

  it('stores the assessment, its result (equal to scoreAssessment with the segment targets, latest weights, org thresholds) and the account score', async () => {
    const id = await newDraft();
    const submitted = await as('csm', (tx) =>
      submitAssessment(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: 1, answers, notes: { adoption: 'Two teams only.' } }),
    );
    const row = await stored(id);
    expect(row).toMatchObject({ status: 'SUBMITTED', version: 2, answers, notes: { adoption: 'Two teams only.' } });
    expect(row.submittedAt).toEqual(submitted.submittedAt);

    const targets = { ...Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 90])), ...SEGMENT_TARGETS };
    const expected = scoreAssessment({ framework: DSCE_V1, answers: row.answers as Record<string, Answer>, targets, weights: WEIGHTS_V2, thresholds: THRESHOLDS });
    const result = await db.prisma.assessmentResult.findFirstOrThrow({ where: { assessmentId: id } });
    expect(result.output).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(result).toMatchObject({ score: expected.score, gap: expected.gap, confidence: expected.confidence, band: expected.band, weightConfigVersion: 2, targets });

    const score = await db.prisma.accountScore.findFirstOrThrow({ where: { accountId: accountA } });
    expect(score).toMatchObject({ assessmentId: id, score: expected.score, band: expected.band, weightConfigVersion: 2 });
    expect(score.currentAdoption).toBe(expected.components.adoption?.current ?? null);
    expect(score.leverIntent).toBe(expected.components.intent?.lever ?? null);
    expect(score.submittedAt).toEqual(submitted.submittedAt);
  });

  it('records who started and who submitted it in the audit log, with the state before and after', async () => {
    const id = await newDraft();
    await as('csm', (tx) => submitAssessment(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: 1, answers, notes: {} }));
    const events = await db.prisma.auditEvent.findMany({ where: { organizationId: orgA, entityId: id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => [event.action, event.actorUserId, event.entityType])).toEqual([
      ['assessment.started', people.csm, 'assessment'],
      ['assessment.submitted', people.csm, 'assessment'],
    ]);
    const result = await db.prisma.assessmentResult.findFirstOrThrow({ where: { assessmentId: id } });
    expect(events[1]!.before).toMatchObject({ accountId: accountA, status: 'DRAFT', version: 1 });
    expect(events[1]!.after).toMatchObject({ accountId: accountA, status: 'SUBMITTED', version: 2, score: result.score, band: result.band, weightConfigVersion: 2 });
  });

  it('requires every question answered, and writes nothing otherwise', async () => {
    const id = await newDraft();
    const partial = { ...answers };
    delete partial['journey.q1'];
    const results = await db.prisma.assessmentResult.count();
    const error = await expectAppError(
      as('csm', (tx) => submitAssessment(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: 1, answers: partial, notes: {} })),
      'VALIDATION',
    );
    expect(error.message).toMatch(/1 question has no answer/);
    expect(error.fieldErrors).toEqual({ 'answers.journey.q1': ['needs an answer'] });
    expect(await stored(id)).toMatchObject({ status: 'DRAFT', version: 1, answers: {} });
    expect(await db.prisma.assessmentResult.count()).toBe(results);
  });

  it('a submitted assessment is immutable: save and submit get a CONFLICT that says so', async () => {
    const id = await newDraft('otherCsm', accountA2);
    const body = { accountId: accountA2, assessmentId: id, expectedVersion: 1, answers, notes: {} };
    await as('otherCsm', (tx) => submitAssessment(tx, actor('otherCsm'), body));
    for (const attempt of [saveDraft, submitAssessment] as ((tx: Tx, a: AssessmentActor, raw: unknown) => Promise<unknown>)[]) {
      for (const expectedVersion of [1, 2]) {
        const error = await expectAppError(as('otherCsm', (tx) => attempt(tx, actor('otherCsm'), { ...body, expectedVersion, answers: fullAnswers(() => 4) })), 'CONFLICT');
        expect(error.message).toMatch(/submitted and can no longer be changed/);
      }
    }
    expect((await stored(id)).answers).toEqual(answers);
    expect(await db.prisma.assessmentResult.count({ where: { assessmentId: id } })).toBe(1);
  });

  it('refuses LEADER, a non-owner CSM and another organisation', async () => {
    const id = await newDraft();
    const body = { accountId: accountA, assessmentId: id, expectedVersion: 1, answers, notes: {} };
    await expectAppError(as('leader', (tx) => submitAssessment(tx, actor('leader'), body)), 'FORBIDDEN');
    await expectAppError(as('otherCsm', (tx) => submitAssessment(tx, actor('otherCsm'), body)), 'FORBIDDEN');
    await expectAppError(as('rival', (tx) => submitAssessment(tx, actor('rival'), body)), 'NOT_FOUND');
    expect((await stored(id)).status).toBe('DRAFT');
    await db.prisma.assessment.delete({ where: { organizationId_id: { organizationId: orgA, id } } });
  });

  it('an ADMIN may submit for any account; an older submission never regresses the account score', async () => {
    const newer = await newDraft('admin', accountA2);
    await as('admin', (tx) => submitAssessment(tx, actor('admin'), { accountId: accountA2, assessmentId: newer, expectedVersion: 1, answers: fullAnswers(() => 4), notes: {} }));
    const older = await newDraft('otherCsm', accountA2);
    const past = new Date(Date.now() - 86_400_000);
    await as('otherCsm', (tx) =>
      submitAssessment(tx, actor('otherCsm'), { accountId: accountA2, assessmentId: older, expectedVersion: 1, answers: fullAnswers(() => 0), notes: {} }, { now: past }),
    );
    const score = await db.prisma.accountScore.findFirstOrThrow({ where: { accountId: accountA2 } });
    expect(score.assessmentId).toBe(newer);
    expect(await db.prisma.assessmentResult.count({ where: { assessmentId: older } })).toBe(1);
  });

  it('rolls back the submit when a later step fails (same transaction)', async () => {
    const id = await newDraft();
    const failing = as('csm', async (tx) => {
      await submitAssessment(tx, actor('csm'), { accountId: accountA, assessmentId: id, expectedVersion: 1, answers, notes: {} });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect((await stored(id)).status).toBe('DRAFT');
    expect(await db.prisma.assessmentResult.count({ where: { assessmentId: id } })).toBe(0);
    await db.prisma.assessment.delete({ where: { organizationId_id: { organizationId: orgA, id } } });
  });
});

describe('getAssessmentForm and getAccountOverview', () => {
  it('gives the form the segment targets, latest weights and thresholds; editable only for who may write', async () => {
    const id = await newDraft();
    const form = await as('csm', (tx) => getAssessmentForm(tx, actor('csm'), { accountId: accountA, assessmentId: id }));
    expect(form).toMatchObject({ editable: true, weights: WEIGHTS_V2, thresholds: THRESHOLDS, framework: DSCE_V1 });
    expect(form.targets).toMatchObject({ ...SEGMENT_TARGETS, intent: 90 });
    const asLeader = await as('leader', (tx) => getAssessmentForm(tx, actor('leader'), { accountId: accountA, assessmentId: id }));
    expect(asLeader.editable).toBe(false);
    const asOther = await as('otherCsm', (tx) => getAssessmentForm(tx, actor('otherCsm'), { accountId: accountA, assessmentId: id }));
    expect(asOther.editable).toBe(false);
    await expectAppError(as('rival', (tx) => getAssessmentForm(tx, actor('rival'), { accountId: accountA, assessmentId: id })), 'NOT_FOUND');
    await expectAppError(as('csm', (tx) => getAssessmentForm(tx, actor('csm'), { accountId: accountA, assessmentId: 'not-a-uuid' })), 'NOT_FOUND');
    await expectAppError(as('csm', (tx) => getAssessmentForm(tx, actor('csm'), { accountId: accountA2, assessmentId: id })), 'NOT_FOUND');
  });

  it('the account page shows the latest result, trend, history with deltas and the levers to fix first', async () => {
    const overview = await as('leader', (tx) => getAccountOverview(tx, actor('leader'), accountA2));
    expect(overview.canWrite).toBe(false);
    expect(overview.history.length).toBeGreaterThanOrEqual(3);
    const [latest, previous] = overview.history;
    expect(overview.latest?.assessmentId).toBe(latest!.assessmentId);
    expect(latest!.delta).toBeCloseTo(latest!.score - previous!.score, 12);
    expect(overview.trend.at(-1)!.score).toBe(latest!.score);
    expect(overview.latest?.stale).toBe(false);
    expect(overview.components).toHaveLength(8);

    const mine = await as('csm', (tx) => getAccountOverview(tx, actor('csm'), accountA));
    expect(mine.canWrite).toBe(true);
    expect(mine.myDraftId).not.toBeNull();
    // The account's lookups and the drafts' authors, joined in SQL.
    expect(mine.account).toMatchObject({ id: accountA, name: 'Acme', segment: 'Enterprise', owner: 'csm', stage: null, archived: false });
    expect(mine.drafts.find((d) => d.assessmentId === mine.myDraftId)).toMatchObject({ authorName: 'csm', mine: true });
    expect(overview.account).toMatchObject({ id: accountA2, segment: null, owner: 'otherCsm' });
    expect(mine.history.every((h) => h.authorName.length > 0)).toBe(true);
    const lever = mine.fixFirst[0]!;
    const levers = mine.components.map((c) => c.lever ?? 0);
    expect(lever.lever).toBe(Math.max(...levers));
    expect(lever.lowestQuestions.length).toBeGreaterThan(0);

    await expectAppError(as('rival', (tx) => getAccountOverview(tx, actor('rival'), accountA)), 'NOT_FOUND');
    expect(actorOf({ organization: { id: orgA }, user: { id: people.csm }, role: 'CSM' })).toEqual(actor('csm'));
  });
});

// Keeps the ScoreResult type import honest (the stored output is that shape).
export type StoredOutput = ScoreResult;

describe('score history kept by submit (previous score, month rows)', () => {
  it('equals a rebuild from the history, even when submissions arrive out of order', async () => {
    const account = randomUUID();
    await db.prisma.account.create({ data: { organizationId: orgA, id: account, name: 'History', ownerUserId: people.csm } });
    // Two quarters, several months, one month with two results, and results submitted out of order.
    const times = ['2026-02-10', '2026-01-05', '2026-02-20', '2026-03-01', '2026-01-30', '2026-05-15', '2026-04-02'];
    for (const [i, day] of times.entries()) {
      const id = await newDraft('csm', account);
      await as('csm', (tx) =>
        submitAssessment(tx, actor('csm'), { accountId: account, assessmentId: id, expectedVersion: 1, answers: fullAnswers((q) => (q + i) % 5 as Answer), notes: {} },
          { now: new Date(`${day}T12:00:00Z`) }),
      );
    }
    const snapshot = async () => ({
      latest: await db.prisma.accountScore.findUniqueOrThrow({
        where: { organizationId_accountId: { organizationId: orgA, accountId: account } },
        select: { assessmentId: true, score: true, previousScore: true, previousSubmittedAt: true },
      }),
      months: await db.prisma.accountPeriodScore.findMany({ where: { organizationId: orgA, accountId: account }, orderBy: { periodStart: 'asc' } }),
    });
    const kept = await snapshot();
    expect(kept.months.map((m) => [m.periodStart.toISOString().slice(0, 7), m.latestInQuarter])).toEqual([
      ['2026-01', false], ['2026-02', false], ['2026-03', true], ['2026-04', false], ['2026-05', true],
    ]);
    expect(kept.latest.previousScore).not.toBeNull();

    await db.prisma.$transaction(async (tx) => {
      for (const statement of REBUILD_SCORE_TABLES_SQL) await tx.$executeRawUnsafe(statement, orgA);
    });
    expect(await snapshot()).toEqual(kept);
  });
});
