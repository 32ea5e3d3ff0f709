/**
 * `npx tsx scripts/bench/http.ts --base http://127.0.0.1:3300 --password <seed:large password> [--connections 8]
 *   [--amount 160] [--only <text>] [--org-slug large-50000]`
 *
 * The HTTP benchmark of issues 4 and 5: real requests from N concurrent connections (autocannon) against the
 * production server (`npm run build`, then `npm start` on a seed:large cluster), signed in as the organisation's
 * leader (pages) or as CSMs (assessment actions, one CSM and one account per connection). Prints p50 / p95 / max
 * per scenario. It asserts nothing; docs/benchmarks.md records the figures.
 *
 *   DESIRED_STATE_DATA_DIR=/tmp/ds-large EMBEDDED_POSTGRES_PORT=55800 npm run seed:large -- --accounts 50000 --assessments 10
 *   npm run build && DESIRED_STATE_DATA_DIR=/tmp/ds-large EMBEDDED_POSTGRES_PORT=55800 PORT=3300 npm start
 *   DESIRED_STATE_DATA_DIR=/tmp/ds-large EMBEDDED_POSTGRES_PORT=55800 npx tsx scripts/bench/http.ts --base http://127.0.0.1:3300 --password …
 *
 * The database is read directly (owner role) only to pick ids and to clear the benchmark CSMs' drafts first.
 *
 * The portfolio pages are cached per data version (lib/portfolio/portfolio-cache.ts), so the page scenarios above
 * measure warm (cache-hit) requests after their first. `--cold <rounds>` measures misses instead, and only them:
 * each round bumps the organisation's data version (a no-op segment rename as the owner with app.org_id set, which
 * fires the version trigger), then sends a batch of distinct portfolio pages at once (every one a miss), timed per
 * request: 8 different filter combinations of the overview as filter changes (the RSC payload the browser's
 * router fetches; scripts/bench/navigation-request.ts), the same 8 as first loads (HTML documents), then 8 different
 * pages (heatmaps, team views, overview), then one whole-book overview alone (1 client); `--only <text>` keeps the batches whose label contains
 * it (e.g. `--only "8 distinct at once"`: the overview batch). `--warm-up` requests every page scenario's URL(s) once
 * before timing it, so the figures are cache hits only (warm).
 *
 * The accounts list caches its total count and filter choices the same way (lib/accounts/account-list-cache.ts):
 * after a scenario's first request its count is a hit; only its page query runs.
 */
import autocannon, { type Request } from 'autocannon';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { parseEnv } from '@/lib/env';
import { allQuestionIds, DSCE_V1, type Answer } from '@/lib/framework';
import { percentile } from './percentile';
import { arg } from './arg';
import { navigationRequest } from './navigation-request';
import { serverActionIds } from '../../tests/helpers/server-action-ids';

const base = arg('base', 'http://127.0.0.1:3000');
const password = arg('password', process.env.BENCH_PASSWORD ?? '');
const connections = Number(arg('connections', '8'));
const amount = Number(arg('amount', '160'));
const only = arg('only', '');
const slug = arg('org-slug', 'large-50000');
const coldRounds = Number(arg('cold', '0'));
const warmUp = process.argv.includes('--warm-up');

/** Signs in through next-auth's credentials callback and returns the session cookie header. */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(callback);
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { Cookie: header() } })).json()) as { user?: { email?: string } };
  if (session.user?.email !== email) throw new Error(`Signing in as ${email} failed (status ${callback.status}); check --password.`);
  return header();
}

interface Outcome {
  label: string;
  timings: number[];
  errors: number;
}

/** Runs `requests` round-robin on every connection; timings are grouped by the request's `label`. */
async function run(
  requests: (Request & { label: string })[],
  options: {
    headersFor?: (connection: number) => Record<string, string>;
    /** Per-connection variants of `requests` (same labels, same order). */
    requestsFor?: (connection: number) => Request[];
    total?: number;
  },
): Promise<Outcome[]> {
  const outcomes = new Map<string, Outcome>();
  for (const request of requests) outcomes.set(request.label, { label: request.label, timings: [], errors: 0 });
  const sent = new Map<unknown, number>();
  const connectionOf = new Map<unknown, number>();
  let finished!: Promise<void>;
  if (warmUp) {
    for (const request of requests) {
      const headers = { ...(request.headers as Record<string, string> | undefined), ...options.headersFor?.(0) };
      await (await fetch(`${base}${request.path}`, { headers })).arrayBuffer();
    }
  }
  await warmUpClient(requests[0]!, options.headersFor?.(0) ?? {});
  const instance = autocannon({
    url: base,
    connections,
    amount: options.total ?? amount,
    timeout: 60,
    requests, // autocannon ignores the extra `label`
    setupClient: (client) => {
      const connection = connectionOf.size;
      connectionOf.set(client, connection);
      if (options.headersFor) client.setHeaders(options.headersFor(connection));
      if (options.requestsFor) (client as { setRequests(requests: Request[]): void }).setRequests(options.requestsFor(connection));
    },
  }, (error) => {
    finished = error ? Promise.reject(error) : Promise.resolve();
  });
  instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    const n = sent.get(client) ?? 0;
    sent.set(client, n + 1);
    const outcome = outcomes.get(requests[n % requests.length]!.label)!;
    if (statusCode >= 400) outcome.errors += 1;
    else outcome.timings.push(responseTime);
  });
  await new Promise<void>((resolve) => instance.on('done', () => resolve()));
  await finished;
  return [...outcomes.values()];
}

let clientWarm = false;

/**
 * Whatever scenario ran first in this process had a p95 of 300-700 ms against the same warm server whose later
 * scenarios answered in 150-200 ms (measured: put "sort score" first and it was the slow one). That is this
 * process warming up (autocannon's client code is not yet compiled), not the server, so one untimed autocannon
 * run comes first.
 */
async function warmUpClient(request: Request, headers: Record<string, string>): Promise<void> {
  if (clientWarm) return;
  clientWarm = true;
  // Never repeat an action (a POST) just to warm up: it would change the data the timed run starts from.
  if ((request.method ?? 'GET') !== 'GET') request = { method: 'GET', path: '/api/health' };
  await new Promise<void>((resolve, reject) => {
    autocannon({ url: base, connections, amount: connections * 5, timeout: 60, requests: [{ ...request, headers: { ...request.headers, ...headers } }] }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
}

function report(outcomes: Outcome[]): void {
  for (const { label, timings, errors } of outcomes) {
    timings.sort((a, b) => a - b);
    const cell = (p: number) => (timings.length ? percentile(timings, p).toFixed(1) : '—');
    console.log(`| ${label} | ${timings.length} | ${cell(50)} | ${cell(95)} | ${timings.length ? timings.at(-1)!.toFixed(1) : '—'} | ${errors} |`);
  }
}

async function main(): Promise<void> {
  if (!password) throw new Error('Pass the seed:large password with --password (or BENCH_PASSWORD).');
  const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
  const owner = createPrismaClient(database.ownerUrl, { max: 2 });
  try {
    const org = await owner.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const leader = await owner.membership.findFirstOrThrow({
      where: { organizationId: org.id, role: 'LEADER' }, select: { user: { select: { email: true } } },
    });
    const segment = await owner.segment.findFirstOrThrow({ where: { organizationId: org.id, name: 'Enterprise' }, select: { id: true } });
    const stage = await owner.journeyStage.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { position: 'asc' }, select: { id: true } });
    const sampleAccounts = await owner.$queryRaw<{ id: string }[]>`
      SELECT account_id AS id FROM account_score WHERE organization_id = ${org.id}::uuid ORDER BY md5(account_id::text) LIMIT 400`;
    const leaderCookie = await signIn(leader.user.email);
    const o = `/o/${slug}`;
    console.log(`HTTP benchmark on ${base}, '${slug}': ${connections} connections, ${amount} requests per scenario`);
    console.log('| scenario | n | p50 ms | p95 ms | max ms | errors |');
    console.log('|---|---|---|---|---|---|');

    const pages: [string, string][] = [
      ['accounts: sort name', `${o}/accounts`],
      ['accounts: sort score', `${o}/accounts?sort=score`],
      ['accounts: sort score desc', `${o}/accounts?sort=score&dir=desc`],
      ['accounts: sort gap', `${o}/accounts?sort=gap`],
      ['accounts: sort ARR', `${o}/accounts?sort=arr`],
      ['accounts: sort renewal', `${o}/accounts?sort=renewal`],
      ['accounts: sort last assessed', `${o}/accounts?sort=assessed`],
      ['accounts: search "acme"', `${o}/accounts?q=acme`],
      ['accounts: segment, sort ARR', `${o}/accounts?segment=${segment.id}&sort=arr`],
      ['accounts: stage, sort renewal', `${o}/accounts?stage=${stage.id}&sort=renewal`],
      ['accounts: band critical, sort gap', `${o}/accounts?band=critical&sort=gap`],
      ['accounts: stale', `${o}/accounts?stale=1`],
      ['accounts: renewal 30 days', `${o}/accounts?renewal=30&sort=renewal`],
      ['accounts: page 20', `${o}/accounts?page=20`],
      ['portfolio: overview, whole book', `${o}/portfolio`],
      ['portfolio: overview, segment', `${o}/portfolio?segment=${segment.id}`],
      ['portfolio: overview, band at risk', `${o}/portfolio?band=at_risk`],
      ['portfolio: overview, stage + renewal 90 + ARR ≥ 50k', `${o}/portfolio?stage=${stage.id}&renewal=90&arrMin=50000`],
      ['portfolio: heatmap by segment', `${o}/portfolio/heatmap?by=segment`],
      ['portfolio: heatmap by CSM', `${o}/portfolio/heatmap?by=owner`],
      ['portfolio: heatmap by stage', `${o}/portfolio/heatmap?by=stage`],
      ['portfolio: heatmap by account', `${o}/portfolio/heatmap?by=account`],
      ['portfolio: heatmap by account, page 7 by adoption', `${o}/portfolio/heatmap?by=account&sort=adoption&dir=desc&page=7`],
      ['portfolio: team view', `${o}/portfolio/team`],
      ['portfolio: team view, band critical', `${o}/portfolio/team?band=critical`],
    ];
    if (coldRounds > 0) {
      const filterQueries = ['', `segment=${segment.id}`, 'band=critical', `stage=${stage.id}`, 'renewal=60', 'arrMin=20000', 'band=engaged', `segment=${segment.id}&band=at_risk`];
      const pageMix = [
        `${o}/portfolio`, `${o}/portfolio/heatmap?by=segment`, `${o}/portfolio/heatmap?by=owner`, `${o}/portfolio/heatmap?by=stage`,
        `${o}/portfolio/heatmap?by=account`, `${o}/portfolio/team`, `${o}/portfolio/team?band=critical`, `${o}/portfolio?band=at_risk`,
      ];
      const batches: [label: string, urls: string[], kind?: 'navigation'][] = [
        // As the browser sends a filter change: the new page's RSC payload, not an HTML document.
        ['cold: overview filter changes (8 distinct at once)', filterQueries.map((query) => `${o}/portfolio?${query}`), 'navigation'],
        // The same eight views as first loads (typed or shared links): whole HTML documents.
        ['cold: overview first loads (8 distinct at once)', filterQueries.map((query) => `${o}/portfolio?${query}`)],
        ['cold: page mix (8 distinct pages at once)', pageMix],
        ['cold: overview whole book (1 client)', [`${o}/portfolio`]],
        // Each filter set alone: what one miss costs without the others competing for the two cores.
        ...(process.argv.includes('--each')
          ? filterQueries.slice(1).map((query): [string, string[]] => [`cold: overview ${query.replace(segment.id, 'S').replace(stage.id, 'T')} (1 client)`, [`${o}/portfolio?${query}`]])
          : []),
      ];
      for (const [label, urls, kind] of batches) {
        if (only && !label.includes(only)) continue;
        const outcome: Outcome = { label, timings: [], errors: 0 };
        for (let round = 0; round < coldRounds; round += 1) {
          await owner.$transaction(async (tx) => {
            await tx.$executeRaw`SELECT set_config('app.org_id', ${org.id}, true)`;
            await tx.$executeRaw`UPDATE segment SET name = name WHERE organization_id = ${org.id}::uuid AND id = ${segment.id}::uuid`;
          });
          await Promise.all(urls.map(async (url) => {
            const request = kind === 'navigation' ? await navigationRequest(url) : { url, headers: {} };
            const started = performance.now();
            const response = await fetch(`${base}${request.url}`, { headers: { ...request.headers, cookie: leaderCookie }, redirect: 'manual' });
            await response.arrayBuffer();
            if (response.status !== 200) outcome.errors += 1;
            else outcome.timings.push(performance.now() - started);
          }));
        }
        report([outcome]);
      }
      return;
    }

    for (const [label, url] of pages) {
      if (only && !label.includes(only)) continue;
      report(await run([{ label, method: 'GET', path: url }], { headersFor: () => ({ cookie: leaderCookie }) }));
    }

    // A filter change: every request a different filter combination, as a leader clicking through filters. Sent as
    // the browser sends it (the RSC payload of the new view); checked once first, as a redirect would time nothing.
    const filterUrls = ['', `segment=${segment.id}`, 'band=critical', `stage=${stage.id}`, 'renewal=60', 'arrMin=20000', 'band=engaged', `segment=${segment.id}&band=at_risk`];
    if (!only || 'portfolio: filter changes'.includes(only)) {
      const navigations = await Promise.all(filterUrls.map((query) => navigationRequest(`${o}/portfolio?${query}`)));
      const probe = await fetch(`${base}${navigations[0]!.url}`, { headers: { ...navigations[0]!.headers, cookie: leaderCookie }, redirect: 'manual' });
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`A filter change answered ${probe.status}, not an RSC payload.`);
      report(await run(
        // Each request carries all its headers: autocannon does not merge a request's own headers with the client's.
        navigations.map(({ url, headers }) => ({ label: 'portfolio: filter changes (8 combinations, round-robin)', method: 'GET' as const, path: url, headers: { ...headers, cookie: leaderCookie } })),
        {},
      ));
    }

    if (!only || 'account page'.includes(only)) {
      const accountPages = sampleAccounts.slice(0, 40).map((account) => ({ label: 'account page (40 accounts, round-robin)', method: 'GET' as const, path: `${o}/accounts/${account.id}` }));
      report(await run(accountPages, { headersFor: () => ({ cookie: leaderCookie }), total: amount }));
    }

    if (!only || 'assessment'.includes(only)) await benchAssessments(owner, org.id, o);
  } finally {
    await owner.$disconnect();
    await database.close();
  }
}

/**
 * Each connection is one CSM on one of their own accounts and repeats: start a draft, save it three times (10,
 * 20, 31 answers), submit. Versions and the draft id come from each response, as the browser's form reads them.
 */
async function benchAssessments(owner: ReturnType<typeof createPrismaClient>, organizationId: string, o: string): Promise<void> {
  const ids = serverActionIds();
  const actionId = (key: string) => {
    const id = ids[key];
    if (!id) throw new Error(`No server action ${key} in .next; run npm run build first.`);
    return id;
  };
  const start = actionId('o/[slug]/accounts/[accountId]/actions.ts#startAssessmentAction');
  const save = actionId('o/[slug]/accounts/[accountId]/actions.ts#saveAssessmentDraftAction');
  const submit = actionId('o/[slug]/accounts/[accountId]/actions.ts#submitAssessmentAction');
  const csms = await owner.$queryRaw<{ userId: string; email: string; accountId: string }[]>`
    SELECT DISTINCT ON (m.user_id) m.user_id AS "userId", u.email, a.id AS "accountId"
      FROM membership m JOIN "user" u ON u.id = m.user_id
      JOIN account a ON a.organization_id = m.organization_id AND a.owner_user_id = m.user_id AND a.archived_at IS NULL
     WHERE m.organization_id = ${organizationId}::uuid AND m.role = 'CSM'
     ORDER BY m.user_id, a.id
     LIMIT ${connections}`;
  await owner.assessment.deleteMany({ where: { organizationId, status: 'DRAFT', authorUserId: { in: csms.map((c) => c.userId) } } });
  const cookies = await Promise.all(csms.map((csm) => signIn(csm.email)));
  const questions = allQuestionIds(DSCE_V1);
  const answers = (count: number): Record<string, Answer> =>
    Object.fromEntries(questions.slice(0, count).map((id, i) => [id, ((i * 7) % 5) as Answer]));

  type Context = { assessmentId?: string; version?: number };
  // Each connection is one CSM. Not derived from autocannon's context: it hands every connection a fresh context
  // object at the start of each round, so a context-keyed CSM moved between connections and two connections could
  // work on the same CSM's draft at once (the conflicts and ok:false the earlier runs counted).
  /** Server actions answer 200 with { ok: false } or a conflict; those count as errors, not timings. */
  const failed = (body: string) => /"ok":false|"status":"conflict"/.test(body);
  // Each action is posted to the page the browser posts it from: start from the account page, save and submit from
  // the assessment form (an action that revalidates re-renders that page into its response).
  const pageOf = (csm: number, context: Context, form: boolean) => {
    const account = `${o}/accounts/${csms[csm]!.accountId}`;
    return form && context.assessmentId ? `${account}/assessments/${context.assessmentId}` : account;
  };
  const action = (csm: number, label: string, id: string, input: (context: Context) => object, read: (body: string, context: Context) => void) => ({
    label,
    method: 'POST' as const,
    path: `${o}/accounts`,
    setupRequest: (request: Request, context: Context) => ({
      ...request,
      path: pageOf(csm, context, label !== 'assessment: start'),
      headers: { 'Next-Action': id, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8', cookie: cookies[csm]! },
      body: JSON.stringify([o.slice(3), { accountId: csms[csm]!.accountId, ...input(context) }]),
    }),
    onResponse: (_status: number, body: string, context: Context) => {
      if (failed(body)) actionFailures.set(label, (actionFailures.get(label) ?? 0) + 1);
      read(body, context);
    },
  });
  const content = (count: number) => (context: Context) => ({ assessmentId: context.assessmentId, expectedVersion: context.version, answers: answers(count), notes: {} });
  const readVersion = (body: string, context: Context) => {
    const match = /"version":(\d+)/.exec(body);
    if (match) context.version = Number(match[1]);
  };
  const actionFailures = new Map<string, number>();
  const rounds = Math.max(1, Math.floor(amount / 5 / connections)) * connections;
  const requestsFor = (connection: number) => {
    const csm = connection % csms.length;
    return [
      action(csm, 'assessment: start', start, () => ({ source: 'previous' }), (body, context) => {
        context.assessmentId = /"assessmentId":"([0-9a-f-]{36})"/.exec(body)?.[1];
        context.version = 1;
      }),
      action(csm, 'assessment: save draft (10 answers)', save, content(10), readVersion),
      action(csm, 'assessment: save draft (20 answers)', save, content(20), readVersion),
      action(csm, 'assessment: save draft (31 answers)', save, content(questions.length), readVersion),
      action(csm, 'assessment: submit', submit, content(questions.length), () => undefined),
    ];
  };
  const outcomes = await run(requestsFor(0), { requestsFor, total: rounds * 5 });
  for (const outcome of outcomes) outcome.errors += actionFailures.get(outcome.label) ?? 0;
  const saves = outcomes.filter((outcome) => outcome.label.startsWith('assessment: save'));
  report([
    outcomes[0]!,
    { label: 'assessment: save draft (all three)', timings: saves.flatMap((s) => s.timings), errors: saves.reduce((n, s) => n + s.errors, 0) },
    outcomes.at(-1)!,
  ]);
}

await main();
