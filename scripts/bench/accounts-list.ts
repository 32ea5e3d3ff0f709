/**
 * `npx tsx scripts/bench/accounts-list.ts [--org-slug large-50000] [--clients 8] [--requests 200]`
 *
 * Benchmarks the account list (issue 4) on a seed:large organisation: for every sort and a few filters, runs
 * `listAccounts` (count + page query, inside the RLS tenant transaction, as the app role) from N concurrent
 * clients and prints p50 / p95 / max, then the bare SQL of the same list (EXPLAIN ANALYZE execution time of the
 * page query and the count query). Use a throwaway cluster, never the development one:
 *
 *   DESIRED_STATE_DATA_DIR=/tmp/bench EMBEDDED_POSTGRES_PORT=55491 npm run seed:large -- --accounts 50000 --assessments 10
 *   DESIRED_STATE_DATA_DIR=/tmp/bench EMBEDDED_POSTGRES_PORT=55491 npx tsx scripts/bench/accounts-list.ts
 *
 * A benchmark prints figures; it asserts nothing (docs/benchmarks.md records the results).
 */
import { parseAccountListParams } from '@/lib/accounts/account-list-params';
import { accountListRowsSql, accountListWhere, listAccounts, type ResolvedScope } from '@/lib/accounts/list-accounts';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { withTenant } from '@/lib/db/tenant';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseEnv } from '@/lib/env';
import { percentile } from './percentile';
import { arg } from './arg';

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
    const csm = await owner.membership.findFirstOrThrow({ where: { organizationId: org.id, role: 'CSM' }, select: { userId: true } });
    const segment = await owner.segment.findFirstOrThrow({ where: { organizationId: org.id, name: 'Enterprise' }, select: { id: true } });
    const stage = await owner.journeyStage.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { position: 'asc' }, select: { id: true } });
    const { reviewIntervalDays } = await owner.organization.findUniqueOrThrow({ where: { id: org.id }, select: { reviewIntervalDays: true } });
    const scope: ResolvedScope = { organizationId: org.id, userId: csm.userId, now: new Date(), reviewIntervalDays };
    const scenarios: [string, Record<string, string>][] = [
      ['sort name (default)', {}],
      ['sort name desc, page 500', { dir: 'desc', page: '500' }],
      ['sort score', { sort: 'score' }],
      ['sort score desc', { sort: 'score', dir: 'desc' }],
      ['sort gap', { sort: 'gap' }],
      ['sort arr', { sort: 'arr' }],
      ['sort renewal', { sort: 'renewal' }],
      ['sort last assessed', { sort: 'assessed' }],
      ['search "acme" (name/external id)', { q: 'acme' }],
      ['mine (one CSM), sort score', { owner: 'mine', sort: 'score' }],
      ['segment Enterprise, sort arr', { segment: segment.id, sort: 'arr' }],
      ['stage, sort renewal', { stage: stage.id, sort: 'renewal' }],
      ['band critical, sort gap', { band: 'critical', sort: 'gap' }],
      ['stale, sort assessed', { stale: '1', sort: 'assessed' }],
      ['renewal in 30 days, sort renewal', { renewal: '30', sort: 'renewal' }],
      ['everything at once', { owner: 'mine', segment: segment.id, band: 'at_risk', renewal: '90', stale: '1', sort: 'score', q: 'a' }],
    ];
    console.log(`Account list on '${slug}': ${clients} concurrent clients, ${requests} requests per scenario`);
    console.log('| scenario | rows | p50 ms | p95 ms | max ms | bare SQL page / count ms |');
    console.log('|---|---|---|---|---|---|');
    for (const [label, raw] of scenarios) {
      if (only && !label.includes(only)) continue;
      const params = parseAccountListParams(raw);
      const run = () => withTenant(app, { organizationId: org.id, userId: csm.userId }, (tx) => listAccounts(tx, scope, params));
      for (let warm = 0; warm < 3; warm += 1) await run();
      const timings: number[] = [];
      let total = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < requests) {
            next += 1;
            const started = performance.now();
            const page = await run();
            timings.push(performance.now() - started);
            total = page.total;
          }
        }),
      );
      timings.sort((a, b) => a - b);
      const bare = await bareSql(owner, scope, params);
      console.log(
        `| ${label} | ${total.toLocaleString('en')} | ${percentile(timings, 50).toFixed(1)} | ${percentile(timings, 95).toFixed(1)} | ${timings.at(-1)!.toFixed(1)} | ${bare} |`,
      );
    }
    if (process.argv.includes('--explain')) {
      const params = parseAccountListParams(Object.fromEntries(new URLSearchParams(arg('explain', ''))));
      const plan = await owner.$queryRaw<{ 'QUERY PLAN': string }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${accountListRowsSql(scope, params, 50, (params.page - 1) * 50)}`,
      );
      console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
    }
  } finally {
    await owner.$disconnect();
    await app.$disconnect();
    await database.close();
  }
}

/** EXPLAIN ANALYZE execution time of the page query and the count query (owner connection, no RLS, one client). */
async function bareSql(owner: ReturnType<typeof createPrismaClient>, scope: ResolvedScope, params: ReturnType<typeof parseAccountListParams>) {
  const time = async (sql: Prisma.Sql) => {
    const rows = await owner.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE) ${sql}`);
    const line = rows.map((row) => row['QUERY PLAN']).find((text) => text.startsWith('Execution Time'));
    return Number(/([\d.]+) ms/.exec(line ?? '')?.[1] ?? NaN);
  };
  const page = await time(accountListRowsSql(scope, params, 50, (params.page - 1) * 50));
  const count = await time(Prisma.sql`SELECT count(*) FROM account a
    LEFT JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id ${accountListWhere(scope, params)}`);
  return `${page.toFixed(1)} / ${count.toFixed(1)}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
