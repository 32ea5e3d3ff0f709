/**
 * `npx tsx scripts/bench/assessments.ts [--org-slug large-50000] [--clients 8] [--rounds 25]`
 *
 * Benchmarks the assessment use cases (issue 4) on a seed:large organisation, directly on the use-case functions
 * inside the RLS tenant transaction as the app role (not through HTTP): N concurrent clients, each a CSM on one
 * of their own accounts, repeat start → 3 draft saves → submit → account page. Prints p50 / p95 / max per
 * operation, then EXPLAIN ANALYZE of the account page's history query. Use a throwaway cluster:
 *
 *   DESIRED_STATE_DATA_DIR=/tmp/ds-bench-a EMBEDDED_POSTGRES_PORT=55611 npm run seed:large -- --accounts 50000 --assessments 10
 *   DESIRED_STATE_DATA_DIR=/tmp/ds-bench-a EMBEDDED_POSTGRES_PORT=55611 npx tsx scripts/bench/assessments.ts
 *
 * A benchmark prints figures; it asserts nothing (docs/benchmarks.md records the results).
 */
import type { AssessmentActor } from '@/lib/assessments/assessment-actor';
import { getAccountOverview } from '@/lib/assessments/get-account-overview';
import { saveDraft } from '@/lib/assessments/save-draft';
import { startAssessment } from '@/lib/assessments/start-assessment';
import { submitAssessment } from '@/lib/assessments/submit-assessment';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { withTenant } from '@/lib/db/tenant';
import { parseEnv } from '@/lib/env';
import { allQuestionIds, DSCE_V1, type Answer } from '@/lib/framework';
import { percentile } from './percentile';
import { arg } from './arg';

async function main(): Promise<void> {
  const slug = arg('org-slug', 'large-50000');
  const clients = Number(arg('clients', '8'));
  const rounds = Number(arg('rounds', '25'));
  const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
  const owner = createPrismaClient(database.ownerUrl, { max: 2 });
  const app = createPrismaClient(database.appUrl, { max: clients });
  const timings: Record<'start' | 'save' | 'submit' | 'accountPage', number[]> = { start: [], save: [], submit: [], accountPage: [] };
  const time = async <T>(kind: keyof typeof timings, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    timings[kind].push(performance.now() - t0);
    return result;
  };
  try {
    const org = await owner.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const accounts = await owner.$queryRaw<{ id: string; owner_user_id: string }[]>`
      SELECT DISTINCT ON (a.owner_user_id) a.id::text, a.owner_user_id::text FROM account a
        JOIN membership m ON m.organization_id = a.organization_id AND m.user_id = a.owner_user_id AND m.role = 'CSM'
       WHERE a.organization_id = ${org.id}::uuid AND a.archived_at IS NULL ORDER BY a.owner_user_id, a.id LIMIT ${clients}`;
    const ids = allQuestionIds(DSCE_V1);
    const answers = (r: number, upTo: number): Record<string, Answer> =>
      Object.fromEntries(ids.slice(0, upTo).map((id, i) => [id, ((i + r) % 5) as Answer]));

    const t0 = performance.now();
    await Promise.all(
      accounts.map(async (account) => {
        const actor: AssessmentActor = { organizationId: org.id, userId: account.owner_user_id, role: 'CSM' };
        const tenant = { organizationId: org.id, userId: actor.userId };
        for (let r = 0; r < rounds; r++) {
          const { assessmentId } = await time('start', () =>
            withTenant(app, tenant, (tx) => startAssessment(tx, actor, { accountId: account.id, source: 'previous' })),
          );
          let version = (await owner.assessment.findFirstOrThrow({ where: { organizationId: org.id, id: assessmentId }, select: { version: true } })).version;
          for (const upTo of [10, 20, 31]) {
            const saved = await time('save', () =>
              withTenant(app, tenant, (tx) =>
                saveDraft(tx, actor, { accountId: account.id, assessmentId, expectedVersion: version, answers: answers(r, upTo), notes: { intent: `round ${r}` } }),
              ),
            );
            version = saved.version;
          }
          await time('submit', () =>
            withTenant(app, tenant, (tx) =>
              submitAssessment(tx, actor, { accountId: account.id, assessmentId, expectedVersion: version, answers: answers(r, ids.length), notes: {} }),
            ),
          );
          await time('accountPage', () => withTenant(app, tenant, (tx) => getAccountOverview(tx, actor, account.id)));
        }
      }),
    );
    const wall = performance.now() - t0;
    console.log(`${accounts.length} concurrent clients × ${rounds} rounds in ${(wall / 1000).toFixed(1)} s (use cases, app role, RLS)`);
    console.log('operation      n     p50 ms   p95 ms   max ms');
    for (const [kind, values] of Object.entries(timings)) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(`${kind.padEnd(12)} ${String(sorted.length).padStart(4)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${sorted.at(-1)!.toFixed(1).padStart(8)}`);
    }
    const sample = accounts[0]!;
    const plan = await owner.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT assessment_id, submitted_at, score, band, confidence, output FROM assessment_result
        WHERE organization_id = $1::uuid AND account_id = $2::uuid ORDER BY submitted_at DESC, assessment_id DESC LIMIT 60`,
      org.id, sample.id,
    );
    console.log('\nEXPLAIN ANALYZE account history:\n' + plan.map((row) => row['QUERY PLAN']).join('\n'));
    const draftPlan = await owner.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM assessment WHERE organization_id = $1::uuid AND account_id = $2::uuid
        AND author_user_id = $3::uuid AND status = 'DRAFT' ORDER BY created_at DESC LIMIT 1`,
      org.id, sample.id, sample.owner_user_id,
    );
    console.log('\nEXPLAIN ANALYZE own draft lookup:\n' + draftPlan.map((row) => row['QUERY PLAN']).join('\n'));
  } finally {
    await owner.$disconnect();
    await app.$disconnect();
    await database.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
