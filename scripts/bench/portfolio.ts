/**
 * `npx tsx scripts/bench/portfolio.ts [--org-slug large-50000] [--clients 8] [--requests 200] [--only <label>]`
 *
 * Benchmarks the portfolio (issue 5) on a seed:large organisation: overview, heatmap and team view, whole book and
 * with filters, each as the page runs it (inside the RLS tenant transaction, as the app role, as a LEADER) from N
 * concurrent clients: p50 / p95 / max. Beside it, the bare SQL: the summed EXPLAIN ANALYZE execution time of the
 * statements the view runs (owner connection, one client). Use a throwaway cluster, never the development one:
 *
 *   DESIRED_STATE_DATA_DIR=/tmp/pbench EMBEDDED_POSTGRES_PORT=55492 npm run seed:large -- --accounts 50000 --assessments 10
 *   DESIRED_STATE_DATA_DIR=/tmp/pbench EMBEDDED_POSTGRES_PORT=55492 npx tsx scripts/bench/portfolio.ts
 *
 * `--bare-only` skips the concurrent runs and prints only the bare SQL per statement; `--jit-off` runs the bare SQL
 * with `SET LOCAL jit = off`; `--repeat N` times the Nth of N runs of the bare SQL (warm backend); `--parallel` lets it use parallel
 * workers (the app's computations do not); `--plain` times each statement itself (median of five runs) instead of its
 * EXPLAIN ANALYZE.
 *
 * A benchmark prints figures; it asserts nothing (docs/benchmarks.md records the results).
 */
import { createPrismaClient, type PrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseEnv } from '@/lib/env';
import { getPortfolioHeatmap } from '@/lib/portfolio/get-portfolio-heatmap';
import { getPortfolioOverview } from '@/lib/portfolio/get-portfolio-overview';
import { getTeamView } from '@/lib/portfolio/get-team-view';
import { parseHeatmapParams, parsePortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import type { PortfolioScope } from '@/lib/portfolio/portfolio-scope';
import { percentile } from './percentile';
import { arg } from './arg';

/**
 * Runs `work` on a transaction that records every SQL statement, so the same statements can be EXPLAIN ANALYZEd.
 */
function recordingTx(tx: Tx, statements: Prisma.Sql[]): Tx {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === '$queryRaw') {
        return (query: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
          const sql = Array.isArray(query) ? Prisma.sql(query as TemplateStringsArray, ...values) : (query as Prisma.Sql);
          statements.push(sql);
          return target.$queryRaw(sql);
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

async function bareSql(owner: PrismaClient, organizationId: string, statements: Prisma.Sql[]): Promise<number[]> {
  const times: number[] = [];
  await withTenant(owner, { organizationId }, async (tx) => {
    if (process.argv.includes('--jit-off')) await tx.$executeRaw`SET LOCAL jit = off`;
    // As the app computes them (readPortfolioViews: parallelQuery false); --parallel keeps the server's setting.
    if (!process.argv.includes('--parallel')) await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`;
    // --repeat N: run the statements N times and keep the last: a new backend's first read of each shared buffer
    // page-faults it into its address space (measured: a first count(*) of account_score 45 ms, then 6 ms), which
    // the pool's long-lived connections of a running app have paid long before.
    for (let run = 1; run < Number(arg('repeat', '1')); run += 1) {
      for (const statement of statements) await tx.$queryRaw(Prisma.sql`EXPLAIN (ANALYZE) ${statement}`);
    }
    for (const statement of statements) {
      if (process.argv.includes('--plain')) {
        // Wall time of the statement itself (one round trip), without EXPLAIN ANALYZE's per-row clock reads, which
        // inflate plans with many rows per node unevenly: the median of five runs.
        const runs: number[] = [];
        for (let run = 0; run < 5; run += 1) {
          const started = performance.now();
          await tx.$queryRaw(statement);
          runs.push(performance.now() - started);
        }
        times.push(percentile(runs.sort((a, b) => a - b), 50));
        continue;
      }
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      const plan = rows.map((row) => row['QUERY PLAN']);
      if (process.argv.includes('--explain')) console.log(plan.join('\n'));
      const line = plan.find((text) => text.startsWith('Execution Time'));
      times.push(Number(/([\d.]+) ms/.exec(line ?? '')?.[1] ?? NaN));
    }
  }, { timeout: 120_000 });
  return times;
}

async function main(): Promise<void> {
  const slug = arg('org-slug', 'large-50000');
  const clients = Number(arg('clients', '8'));
  const requests = Number(arg('requests', '200'));
  const only = arg('only', '');
  const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
  const owner = createPrismaClient(database.ownerUrl, { max: 2 });
  const app = createPrismaClient(database.appUrl, { max: clients });
  try {
    const org = await owner.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const leader = await owner.membership.findFirstOrThrow({ where: { organizationId: org.id, role: { in: ['LEADER', 'ADMIN'] } }, select: { userId: true } });
    const csm = await owner.membership.findFirstOrThrow({ where: { organizationId: org.id, role: 'CSM', ownedAccounts: { some: {} } }, select: { userId: true } });
    const segment = await owner.segment.findFirstOrThrow({ where: { organizationId: org.id, name: 'Enterprise' }, select: { id: true } });
    const stage = await owner.journeyStage.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { position: 'asc' }, select: { id: true } });
    const counts = await owner.$queryRaw<{ accounts: number; results: number }[]>`
      SELECT (SELECT count(*)::int FROM account WHERE organization_id = ${org.id}::uuid) AS accounts,
             (SELECT count(*)::int FROM assessment_result WHERE organization_id = ${org.id}::uuid) AS results`;
    const leaderScope: PortfolioScope = { organizationId: org.id, userId: leader.userId, ownOnly: false };
    const csmScope: PortfolioScope = { organizationId: org.id, userId: csm.userId, ownOnly: true };

    type View = (tx: Tx, scope: PortfolioScope) => Promise<unknown>;
    const overview = (raw: Record<string, string>): View => (tx, scope) => getPortfolioOverview(tx, scope, parsePortfolioFilters(raw));
    const heatmap = (raw: Record<string, string>): View => (tx, scope) => getPortfolioHeatmap(tx, scope, parsePortfolioFilters(raw), parseHeatmapParams(raw));
    const team = (raw: Record<string, string>): View => (tx, scope) => getTeamView(tx, scope, parsePortfolioFilters(raw));
    const scenarios: [string, PortfolioScope, View][] = [
      ['overview, whole book', leaderScope, overview({})],
      ['overview, segment Enterprise', leaderScope, overview({ segment: segment.id })],
      ['overview, band at risk', leaderScope, overview({ band: 'at_risk' })],
      ['overview, band engaged', leaderScope, overview({ band: 'engaged' })],
      ['overview, stage + renewal 90 + ARR ≥ 50k', leaderScope, overview({ stage: stage.id, renewal: '90', arrMin: '50000' })],
      ['overview, renewal 60', leaderScope, overview({ renewal: '60' })],
      ['overview, ARR ≥ 20k', leaderScope, overview({ arrMin: '20000' })],
      ['overview, one CSM (own book)', csmScope, overview({})],
      ['heatmap by segment', leaderScope, heatmap({ by: 'segment' })],
      ['heatmap by CSM', leaderScope, heatmap({ by: 'owner' })],
      ['heatmap by stage, segment Enterprise', leaderScope, heatmap({ by: 'stage', segment: segment.id })],
      ['heatmap by CSM, ARR ≥ 20k', leaderScope, heatmap({ by: 'owner', arrMin: '20000' })],
      ['heatmap by account (top 200 of the book)', leaderScope, heatmap({ by: 'account' })],
      ['heatmap by account, page 7 by adoption', leaderScope, (tx, scope) => getPortfolioHeatmap(tx, scope, {}, parseHeatmapParams({ by: 'account', sort: 'adoption', dir: 'desc' }), { page: 7 })],
      ['team view, whole book', leaderScope, team({})],
      ['team view, band critical', leaderScope, team({ band: 'critical' })],
      ['team view, ARR ≥ 20k', leaderScope, team({ arrMin: '20000' })],
    ];
    console.log(`Portfolio on '${slug}' (${counts[0]!.accounts.toLocaleString('en')} accounts, ${counts[0]!.results.toLocaleString('en')} results): ${clients} concurrent clients, ${requests} requests per scenario`);
    console.log('| scenario | p50 ms | p95 ms | max ms | bare SQL ms (1 client) |');
    console.log('|---|---|---|---|---|');
    for (const [label, scope, view] of scenarios) {
      if (only && !label.includes(only)) continue;
      const run = () => withTenant(app, { organizationId: org.id, userId: scope.userId }, (tx) => view(tx, scope), { timeout: 60_000 });
      const bareOnly = process.argv.includes('--bare-only');
      if (!process.argv.includes('--explain') && !bareOnly) for (let warm = 0; warm < 3; warm += 1) await run();
      const timings: number[] = [];
      let next = bareOnly ? requests : 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < requests) {
            next += 1;
            const started = performance.now();
            await run();
            timings.push(performance.now() - started);
          }
        }),
      );
      timings.sort((a, b) => a - b);
      const statements: Prisma.Sql[] = [];
      if (process.argv.includes('--explain')) {
        await withTenant(app, { organizationId: org.id, userId: scope.userId }, (tx) => view(recordingTx(tx, statements), scope), { timeout: 60_000 });
        console.log(label, (await bareSql(owner, org.id, statements)).map((t) => t.toFixed(1)).join(' + '));
        continue;
      }
      await withTenant(app, { organizationId: org.id, userId: scope.userId }, (tx) => view(recordingTx(tx, statements), scope), { timeout: 60_000 });
      const bare = await bareSql(owner, org.id, statements);
      const sum = bare.reduce((a, b) => a + b, 0);
      if (bareOnly) {
        console.log(`| ${label} | ${sum.toFixed(1)} (${bare.map((t) => t.toFixed(1)).join(' + ')}) |`);
        continue;
      }
      console.log(`| ${label} | ${percentile(timings, 50).toFixed(1)} | ${percentile(timings, 95).toFixed(1)} | ${timings.at(-1)!.toFixed(1)} | ${sum.toFixed(1)} (${bare.map((t) => t.toFixed(0)).join(' + ')}) |`);
    }
  } finally {
    await owner.$disconnect();
    await app.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
