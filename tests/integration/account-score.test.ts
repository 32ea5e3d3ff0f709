import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { ScoreResult } from '@/lib/scoring';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** account_score must always be exactly the latest submitted result of each account. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrganization(db.prisma, { seed: 7 });
});
afterAll(async () => {
  await db.drop();
});

const camel = (kind: string, slug: string) => `${kind}${slug[0]!.toUpperCase()}${slug.slice(1)}`;

describe('account_score after the demo seed', () => {
  it('has one row per assessed account, equal to its latest stored result', async () => {
    const results = await db.prisma.assessmentResult.findMany({ orderBy: [{ submittedAt: 'asc' }, { assessmentId: 'asc' }] });
    const latest = new Map<string, (typeof results)[number]>();
    for (const result of results) latest.set(result.accountId, result);
    const scores = await db.prisma.accountScore.findMany();
    expect(scores.length).toBe(latest.size);
    expect(scores.length).toBeGreaterThan(50);
    for (const row of scores) {
      const expected = latest.get(row.accountId)!;
      expect(row.assessmentId).toBe(expected.assessmentId);
      const output = expected.output as unknown as ScoreResult;
      expect(row).toMatchObject({ score: expected.score, gap: expected.gap, band: expected.band, confidence: expected.confidence, unanswered: output.unanswered });
      for (const slug of COMPONENT_SLUGS) {
        const component = output.components[slug];
        for (const kind of ['current', 'gap', 'lever'] as const) {
          expect((row as unknown as Record<string, number | null>)[camel(kind, slug)], `${slug}.${kind}`).toBe(component ? component[kind] : null);
        }
      }
    }
  });

  it('is invisible to the app role without the organisation set (RLS)', async () => {
    expect(await db.appPrisma.accountScore.count()).toBe(0);
  });
});
