import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';
import { AppError } from '@/lib/errors';
import { COMPONENT_SLUGS, DSCE_V1, type Answer } from '@/lib/framework';
import { scoreAssessment, type ScoreResult } from '@/lib/scoring';
import { targetsForSegment, type ScoringConfiguration } from '@/lib/scoring-config/configuration-snapshot';
import { loadScoringConfiguration } from '@/lib/scoring-config/load-scoring-configuration';
import { previewScoringImpact } from '@/lib/scoring-config/preview-scoring-impact';
import { restoreScoringVersion } from '@/lib/scoring-config/restore-scoring-version';
import { saveScoringConfiguration } from '@/lib/scoring-config/save-scoring-configuration';
import {
  reviewIntervalInputSchema,
  saveScoringConfigurationInputSchema,
  type SaveScoringConfigurationInput,
} from '@/lib/scoring-config/scoring-config-input';
import { updateReviewInterval } from '@/lib/scoring-config/update-review-interval';
import { REBUILD_SCORE_TABLES_SQL } from '@/lib/db/account-score-sql';
import { connectionStringOf } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createOrganizationFixture, type OrganizationFixture } from './members-fixture';

/**
 * Scoring settings through the app role (row-level security applies), checked through the owner connection:
 * validation, versioning, the set-based re-score, its atomicity, concurrency and who may do it.
 */

let db: TestDatabase;
let organizationId: string;
let actors: Record<'admin' | 'leader' | 'csm', { organizationId: string; userId: string }>;
let other: OrganizationFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrganization(db.prisma, { seed: 11 });
  const organization = await db.prisma.organization.findFirstOrThrow({ select: { id: true } });
  organizationId = organization.id;
  const member = async (role: 'ADMIN' | 'LEADER' | 'CSM') =>
    ({ organizationId, userId: (await db.prisma.membership.findFirstOrThrow({ where: { organizationId, role } })).userId });
  actors = { admin: await member('ADMIN'), leader: await member('LEADER'), csm: await member('CSM') };
  other = await createOrganizationFixture(db.prisma, 'Other', { admin: 'ADMIN' });
});
afterAll(async () => {
  await db.drop();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const current = () => withTenant(db.appPrisma, actors.admin, (tx) => loadScoringConfiguration(tx, organizationId));

/** The editor's input for a configuration (every active segment's overrides listed). */
async function inputFor(
  change: (config: ScoringConfiguration) => void,
  reason = 'Test change',
): Promise<SaveScoringConfigurationInput> {
  const now = await current();
  const config = structuredClone(now.configuration);
  change(config);
  const segmentTargets = Object.fromEntries(
    now.segments.filter((s) => !s.retired).map((s) => [s.id, config.targets.segments[s.id] ?? {}]),
  );
  return saveScoringConfigurationInputSchema.parse({
    basedOnVersion: now.version,
    reason,
    weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, config.weights[s] ?? 1])),
    defaultTargets: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, config.targets.defaults[s] ?? 100])),
    segmentTargets,
    thresholds: config.thresholds,
  });
}

/** Everything a configuration change may touch, read as the owner. */
async function snapshot() {
  return {
    versions: await db.prisma.weightConfig.findMany({ where: { organizationId }, orderBy: { version: 'asc' } }),
    targets: await db.prisma.target.findMany({ where: { organizationId }, orderBy: [{ segmentId: 'asc' }, { component: 'asc' }], omit: { id: true, updatedAt: true } }),
    organization: await db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    results: await db.prisma.assessmentResult.findMany({ where: { organizationId }, orderBy: { assessmentId: 'asc' } }),
    scores: await db.prisma.accountScore.findMany({ where: { organizationId }, orderBy: { accountId: 'asc' } }),
    audit: await db.prisma.auditEvent.count({ where: { organizationId } }),
  };
}

describe('validation: bad input gives a clear error naming the field and changes nothing', () => {
  const bad: [string, (input: Record<string, unknown>) => void, RegExp][] = [
    ['a negative weight', (i) => ((i.weights as Record<string, unknown>).intent = -1), /weight of Customer intent cannot be negative/i],
    ['all-zero weights', (i) => (i.weights = Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, 0]))), /at least one weight must be more than 0/i],
    ['a weight that is not a number', (i) => ((i.weights as Record<string, unknown>).adoption = 'lots'), /weight of .* must be a number/i],
    ['a blank weight', (i) => ((i.weights as Record<string, unknown>).adoption = ''), /weight of .* must be a number/i],
    ['a default target of 0', (i) => ((i.defaultTargets as Record<string, unknown>).outcomes = 0), /default target of .* must be more than 0/i],
    ['a default target over 100', (i) => ((i.defaultTargets as Record<string, unknown>).outcomes = 101), /default target of .* must be at most 100/i],
    ['a segment target of 0', (i) => {
      const segments = i.segmentTargets as Record<string, Record<string, unknown>>;
      segments[Object.keys(segments)[0]!]!.journey = 0;
    }, /segment's target of .* must be more than 0/i],
    ['unordered thresholds', (i) => (i.thresholds = { desired: 70, engaged: 80, atRisk: 50 }), /strictly ordered/i],
    ['overlapping thresholds', (i) => (i.thresholds = { desired: 85, engaged: 85, atRisk: 50 }), /strictly ordered/i],
    ['a threshold outside 0–100', (i) => (i.thresholds = { desired: 120, engaged: 70, atRisk: 50 }), /desired-state threshold must be between 0 and 100/i],
    ['no reason', (i) => (i.reason = '   '), /give a reason/i],
  ];

  it.each(bad)('%s', async (_, mutate, message) => {
    const before = await snapshot();
    const raw = structuredClone(await inputFor(() => undefined)) as unknown as Record<string, unknown>;
    mutate(raw);
    const parsed = saveScoringConfigurationInputSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((issue) => issue.message).join(' ');
    expect(messages).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('review interval: not a positive whole number of days', () => {
    for (const [value, message] of [[0, /at least 1 day/], [1.5, /whole number/], ['soon', /number of days/], [-3, /at least 1 day/]] as const) {
      const parsed = reviewIntervalInputSchema.safeParse({ reviewIntervalDays: value });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(message);
    }
  });

  it('a segment of another organisation is refused and nothing changes', async () => {
    const otherSegment = await db.prisma.segment.create({ data: { organizationId: other.organizationId, name: 'Foreign', tier: 1 } });
    const before = await snapshot();
    const input = await inputFor(() => undefined);
    input.segmentTargets[otherSegment.id] = { intent: 50 };
    input.weights.intent = 3;
    expect((await rejection(saveScoringConfiguration(db.appPrisma, actors.admin, input))).code).toBe('VALIDATION');
    expect(await snapshot()).toEqual(before);
  });

  it('saving the configuration already in force is refused', async () => {
    const before = await snapshot();
    const error = await rejection(saveScoringConfiguration(db.appPrisma, actors.admin, await inputFor(() => undefined)));
    expect(error.message).toMatch(/nothing to save/i);
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may change scoring settings', () => {
  it('LEADER and CSM are refused (403) and another organisation gets 404; nothing changes', async () => {
    const before = await snapshot();
    const input = await inputFor((c) => (c.weights.intent = 5));
    for (const actor of [actors.leader, actors.csm]) {
      expect((await rejection(saveScoringConfiguration(db.appPrisma, actor, input))).code).toBe('FORBIDDEN');
      expect((await rejection(restoreScoringVersion(db.appPrisma, actor, { version: 1, basedOnVersion: input.basedOnVersion }))).code).toBe('FORBIDDEN');
      expect((await rejection(updateReviewInterval(db.appPrisma, actor, { reviewIntervalDays: 30 }))).code).toBe('FORBIDDEN');
      expect((await rejection(previewScoringImpact(db.appPrisma, actor, input))).code).toBe('FORBIDDEN');
    }
    // The other organisation's admin, aiming at this organisation: not a member → NOT_FOUND, like a missing one.
    const outsider = { organizationId, userId: other.users.admin!.id };
    expect((await rejection(saveScoringConfiguration(db.appPrisma, outsider, input))).code).toBe('NOT_FOUND');
    expect((await rejection(previewScoringImpact(db.appPrisma, outsider, input))).code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('restoring a version that does not exist (or is another organisation\'s) is NOT_FOUND', async () => {
    const { version } = await current();
    const error = await rejection(restoreScoringVersion(db.appPrisma, actors.admin, { version: version + 50, basedOnVersion: version }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('saving a new configuration', () => {
  it('creates a version, updates the live settings, re-scores only the latest results and audits before/after', async () => {
    const before = await snapshot();
    const segmentId = Object.keys((await current()).configuration.targets.segments)[0]!;
    const input = await inputFor((c) => {
      c.weights.intent = 3;
      c.weights.education = 0;
      c.targets.defaults.adoption = 80;
      c.targets.segments[segmentId] = { ...c.targets.segments[segmentId], outcomes: 60 };
      c.thresholds = { desired: 80, engaged: 60, atRisk: 40 };
    }, 'Intent matters more this year');
    const saved = await saveScoringConfiguration(db.appPrisma, actors.admin, input, { chunkSize: 7 });
    const after = await snapshot();

    expect(saved.version).toBe(before.versions.at(-1)!.version + 1);
    expect(saved.rescored).toBe(before.scores.length);
    const version = after.versions.at(-1)!;
    expect(version).toMatchObject({ version: saved.version, reason: 'Intent matters more this year', createdByUserId: actors.admin.userId });
    expect(version.thresholds).toEqual({ desired: 80, engaged: 60, atRisk: 40 });
    expect(after.organization).toMatchObject({ bandDesired: 80, bandEngaged: 60, bandAtRisk: 40 });
    expect(after.targets.find((t) => t.segmentId === null && t.component === 'adoption')?.value).toBe(80);
    expect(after.targets.find((t) => t.segmentId === segmentId && t.component === 'outcomes')?.value).toBe(60);

    // Latest results equal scoreAssessment on their stored answers with the new configuration and the account's
    // segment targets; earlier results are untouched.
    const config = (await current()).configuration;
    const latestIds = new Set(before.scores.map((s) => s.assessmentId));
    const answers = new Map(
      (await db.prisma.assessment.findMany({ where: { organizationId, id: { in: [...latestIds] } }, select: { id: true, answers: true, account: { select: { segmentId: true } } } }))
        .map((a) => [a.id, a]),
    );
    for (const result of after.results) {
      const earlier = before.results.find((r) => r.assessmentId === result.assessmentId)!;
      if (!latestIds.has(result.assessmentId)) {
        expect(result).toEqual(earlier);
        continue;
      }
      const assessment = answers.get(result.assessmentId)!;
      const targets = targetsForSegment(config.targets, assessment.account.segmentId);
      const expected = scoreAssessment({
        framework: DSCE_V1,
        answers: assessment.answers as Record<string, Answer>,
        weights: config.weights,
        targets,
        thresholds: config.thresholds,
      });
      expect(result.output).toEqual(expected);
      expect(result).toMatchObject({ score: expected.score, gap: expected.gap, band: expected.band, confidence: expected.confidence, weightConfigVersion: saved.version });
      expect(result.targets).toEqual(targets);
      const score = after.scores.find((s) => s.assessmentId === result.assessmentId)!;
      expect(score).toMatchObject({ score: expected.score, gap: expected.gap, band: expected.band, confidence: earlier.confidence, weightConfigVersion: saved.version });
      expect(score.leverIntent).toBe(expected.components.intent?.lever ?? null);
      expect(score.gapAdoption).toBe(expected.components.adoption?.gap ?? null);
    }
    expect(after.results.some((r) => !latestIds.has(r.assessmentId))).toBe(true);

    // The derived tables equal a rebuild from the re-scored history (the trend's month rows, the previous score).
    const derived = async () => ({
      scores: await db.prisma.accountScore.findMany({ where: { organizationId }, orderBy: { accountId: 'asc' } }),
      months: await db.prisma.accountPeriodScore.findMany({ where: { organizationId }, orderBy: [{ accountId: 'asc' }, { periodStart: 'asc' }] }),
    });
    const kept = await derived();
    await db.prisma.$transaction(async (tx) => {
      for (const statement of REBUILD_SCORE_TABLES_SQL) await tx.$executeRawUnsafe(statement, organizationId);
    });
    expect(await derived()).toEqual(kept);

    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId, action: 'scoring.configuration_saved' }, orderBy: { createdAt: 'desc' } });
    expect(event).toMatchObject({ actorUserId: actors.admin.userId, entityType: 'weight_config', entityId: String(saved.version) });
    expect(event.before).toMatchObject({ version: saved.version - 1, 'Weight: Customer intent': expect.any(Number) });
    expect(event.after).toMatchObject({ version: saved.version, 'Weight: Customer intent': 3, 'Threshold: desired state': 80, reason: 'Intent matters more this year' });
  });

  it('the preview predicts exactly what the save then stores', async () => {
    const input = await inputFor((c) => (c.weights.relationships = 4));
    const preview = await previewScoringImpact(db.appPrisma, actors.admin, input);
    const before = await snapshot();
    await saveScoringConfiguration(db.appPrisma, actors.admin, input);
    const after = await snapshot();
    // The preview covers the portfolio's accounts: archived ones are re-scored but not counted.
    const active = new Set(
      (await db.prisma.account.findMany({ where: { organizationId, archivedAt: null }, select: { id: true } })).map((a) => a.id),
    );
    const activeAfter = after.scores.filter((s) => active.has(s.accountId));
    expect(activeAfter.length).toBeLessThan(after.scores.length); // the demo has archived, scored accounts
    const changed = after.scores.filter((s, i) => active.has(s.accountId) && s.band !== before.scores[i]!.band);
    expect(preview.accounts).toBe(activeAfter.length);
    expect(preview.bandChanges).toBe(changed.length);
    expect(preview.meanAfter).toBeCloseTo(activeAfter.reduce((sum, s) => sum + s.score, 0) / activeAfter.length, 9);
    for (const mover of [...preview.moversUp, ...preview.moversDown]) {
      expect(after.scores.find((s) => s.accountId === mover.accountId)!.score).toBe(mover.after.score);
    }
  });

  it('restoring a version creates a new version with its settings and re-scores back to its scores', async () => {
    const first = await db.prisma.weightConfig.findFirstOrThrow({ where: { organizationId, version: 1 } });
    const { version } = await current();
    const restored = await restoreScoringVersion(db.appPrisma, actors.admin, { version: 1, basedOnVersion: version });
    expect(restored.version).toBe(version + 1);
    const latest = await db.prisma.weightConfig.findFirstOrThrow({ where: { organizationId, version: restored.version } });
    expect({ weights: latest.weights, targets: latest.targets, thresholds: latest.thresholds }).toEqual({
      weights: first.weights, targets: first.targets, thresholds: first.thresholds,
    });
    expect(latest.reason).toBe('Restored version 1');
    // The demo seed scored every result with version 1: every latest score is back to its stored output's score.
    const results = await db.prisma.assessmentResult.findMany({ where: { organizationId, weightConfigVersion: restored.version } });
    for (const result of results) {
      const output = result.output as unknown as ScoreResult;
      const answers = await db.prisma.assessment.findUniqueOrThrow({ where: { organizationId_id: { organizationId, id: result.assessmentId } }, select: { answers: true, account: { select: { segmentId: true } } } });
      const config = (await current()).configuration;
      expect(output).toEqual(scoreAssessment({
        framework: DSCE_V1, answers: answers.answers as Record<string, Answer>, weights: config.weights,
        targets: targetsForSegment(config.targets, answers.account.segmentId), thresholds: config.thresholds,
      }));
    }
    expect(await db.prisma.auditEvent.count({ where: { organizationId, action: 'scoring.configuration_restored' } })).toBe(1);
  });

  it('keeps each latest result\'s confidence and unanswered count, which come from the answers, not the configuration', async () => {
    // The app refuses a submission with unanswered questions, so every demo result has 0; a result stored with
    // some (and its account_score row, which carries them into the re-score) stands for data from elsewhere.
    const latest = await db.prisma.accountScore.findFirstOrThrow({ where: { organizationId }, orderBy: { accountId: 'asc' } });
    const setStoredFigures = async (confidence: number, unanswered: number) => {
      await db.prisma.$executeRaw`UPDATE assessment_result SET confidence = ${confidence},
        output = (output::jsonb || jsonb_build_object('confidence', ${confidence}::float8, 'unanswered', ${unanswered}::int))::json
        WHERE organization_id = ${organizationId}::uuid AND assessment_id = ${latest.assessmentId}::uuid`;
      await db.prisma.accountScore.update({ where: { organizationId_accountId: { organizationId, accountId: latest.accountId } }, data: { confidence, unanswered } });
    };
    const original = (await db.prisma.assessmentResult.findUniqueOrThrow({ where: { organizationId_assessmentId: { organizationId, assessmentId: latest.assessmentId } } }));
    const originalOutput = original.output as unknown as ScoreResult;
    await setStoredFigures(62.5, 3);

    await saveScoringConfiguration(db.appPrisma, actors.admin, await inputFor((c) => (c.weights.journey = 5)));
    const result = await db.prisma.assessmentResult.findUniqueOrThrow({ where: { organizationId_assessmentId: { organizationId, assessmentId: latest.assessmentId } } });
    expect(result.output).toMatchObject({ confidence: 62.5, unanswered: 3 });
    expect(result.confidence).toBe(62.5);
    expect((result.output as unknown as ScoreResult).score).toBe(result.score);

    await setStoredFigures(originalOutput.confidence, originalOutput.unanswered);
  });
});

describe('atomicity and concurrency', () => {
  /**
   * Runs `work` while a row trigger on `table` (BEFORE `event`) raises `message` for the eighth assessment id: with
   * chunkSize 5 and chunks in assessment id order, that is the second chunk's third row.
   */
  async function failingOnSecondChunk(table: string, event: 'INSERT' | 'UPDATE', message: string, work: () => Promise<void>) {
    const scores = await db.prisma.accountScore.findMany({ where: { organizationId }, orderBy: { assessmentId: 'asc' } });
    const victim = scores[7]!.assessmentId;
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_fail_midway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.assessment_id = '${victim}'::uuid THEN RAISE EXCEPTION '${message}'; END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER test_fail_midway BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION test_fail_midway()`);
    try {
      await work();
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_midway ON ${table}`);
      await db.prisma.$executeRawUnsafe('DROP FUNCTION test_fail_midway()');
    }
  }

  it('a re-score that fails midway (second chunk) leaves the previous version, targets and every score in place', async () => {
    await failingOnSecondChunk('assessment_result', 'UPDATE', 'test: re-score fails midway', async () => {
      const before = await snapshot();
      const input = await inputFor((c) => {
        c.weights.intent = 9;
        c.targets.defaults.journey = 50;
        c.thresholds = { desired: 90, engaged: 75, atRisk: 55 };
      });
      await expect(saveScoringConfiguration(db.appPrisma, actors.admin, input, { chunkSize: 5 })).rejects.toThrow(/re-score fails midway/);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('a staging insert that fails while the previous chunk is being applied leaves everything in place', async () => {
    // The second connection stages chunk 2 while this transaction applies chunk 1: that insert fails.
    await failingOnSecondChunk('rescore_staging', 'INSERT', 'test: staging fails midway', async () => {
      const before = await snapshot();
      const input = await inputFor((c) => {
        c.weights.outcomes = 7;
        c.targets.defaults.education = 55;
      });
      await expect(saveScoringConfiguration(db.appPrisma, actors.admin, input, { chunkSize: 5 })).rejects.toThrow(/staging fails midway/);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('a re-score whose staging connection misses latest scores is refused and changes nothing', async () => {
    // The staging connection reads the latest scores. Here a restrictive policy hides half of them from it (as a
    // connection that lost its organisation setting would all of them): the save must not commit with those
    // accounts left on the old version.
    const marker = 'rescore-test-partial-reader';
    await db.prisma.$executeRawUnsafe(`
      CREATE POLICY test_partial_reader ON account_score AS RESTRICTIVE FOR SELECT
       USING (current_setting('application_name') <> '${marker}' OR account_id::text < '8')`);
    try {
      const before = await snapshot();
      const input = await inputFor((c) => (c.weights.relationships = 4));
      const url = new URL(connectionStringOf(db.appPrisma)!);
      url.searchParams.set('application_name', marker);
      await expect(saveScoringConfiguration(db.appPrisma, actors.admin, input, { chunkSize: 5, connectionString: url.toString() }))
        .rejects.toThrow(/covered \d+ of \d+ latest scores/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.prisma.$executeRawUnsafe('DROP POLICY test_partial_reader ON account_score');
    }
  });

  it('the next save removes what a failed one left in rescore_staging', async () => {
    const staged = async () => (await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM rescore_staging WHERE organization_id = ${organizationId}::uuid`)[0]!.n;
    // The saves above failed after chunks had been committed on the staging connection.
    expect(await staged()).toBeGreaterThan(0);
    await saveScoringConfiguration(db.appPrisma, actors.admin, await inputFor((c) => (c.weights.outcomes = 6)), { chunkSize: 5 });
    expect(await staged()).toBe(0);
  });

  it('a save based on an earlier version is refused (CONFLICT) and changes nothing', async () => {
    const stale = await inputFor((c) => (c.weights.engagement = 2));
    await saveScoringConfiguration(db.appPrisma, actors.admin, await inputFor((c) => (c.weights.engagement = 3)));
    const before = await snapshot();
    const error = await rejection(saveScoringConfiguration(db.appPrisma, actors.admin, stale));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/reload/i);
    expect(await snapshot()).toEqual(before);
  });

  it('two concurrent saves based on the same version: exactly one wins', async () => {
    const a = await inputFor((c) => (c.weights.anticipation = 2), 'Admin A');
    const b = await inputFor((c) => (c.weights.anticipation = 5), 'Admin B');
    const outcomes = await Promise.allSettled([
      saveScoringConfiguration(db.appPrisma, actors.admin, a),
      saveScoringConfiguration(db.appPrisma, actors.admin, b),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect((failed.reason as AppError).code).toBe('CONFLICT');
    const versions = await db.prisma.weightConfig.findMany({ where: { organizationId, version: { gt: a.basedOnVersion } } });
    expect(versions).toHaveLength(1);
  });
});

describe('review interval', () => {
  it('changes staleness only: audited, no new version, no score changes', async () => {
    const before = await snapshot();
    const result = await updateReviewInterval(db.appPrisma, actors.admin, { reviewIntervalDays: before.organization.reviewIntervalDays + 30 });
    expect(result.changed).toBe(true);
    const after = await snapshot();
    expect(after.organization.reviewIntervalDays).toBe(before.organization.reviewIntervalDays + 30);
    expect(after.versions).toEqual(before.versions);
    expect(after.scores).toEqual(before.scores);
    expect(after.audit).toBe(before.audit + 1);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId, action: 'organization.review_interval_changed' } });
    expect(event.before).toEqual({ 'Review interval (days)': before.organization.reviewIntervalDays });
  });
});

describe('the other organisation', () => {
  it('is untouched by every change above', async () => {
    expect(await db.prisma.weightConfig.count({ where: { organizationId: other.organizationId } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: other.organizationId } })).toBe(0);
  });
});
