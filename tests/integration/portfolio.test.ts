import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { REBUILD_SCORE_TABLES_SQL } from '@/lib/db/account-score-sql';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';
import { COMPONENT_SLUGS, DSCE_V1, allQuestionIds, type ComponentSlug } from '@/lib/framework';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  BANDS,
  PORTFOLIO_GROUPINGS,
  bandFor,
  groupPortfolio,
  historyByPeriod,
  portfolioLevers,
  portfolioSummary,
  scoreAssessment,
  type Band,
  type PortfolioEntry,
  type ScoreResult,
  type Thresholds,
} from '@/lib/scoring';
import { exportPortfolioCsv } from '@/lib/portfolio/export-portfolio-csv';
import { getPortfolioHeatmap, HEATMAP_ACCOUNT_PAGE_SIZE, sortHeatmapRows, type HeatmapRow } from '@/lib/portfolio/get-portfolio-heatmap';
import { getPortfolioOverview, listMovers, listRenewalsAtRisk } from '@/lib/portfolio/get-portfolio-overview';
import { trendWindowStart } from '@/lib/portfolio/get-portfolio-trend';
import { getTeamView } from '@/lib/portfolio/get-team-view';
import { listPortfolioAccounts } from '@/lib/portfolio/list-portfolio-accounts';
import { parsePortfolioFilters, renewalWindowLinks, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { arrRollupRange, filtersSelectRenewalDays } from '@/lib/portfolio/portfolio-rollups';
import type { PortfolioScope } from '@/lib/portfolio/portfolio-scope';
import { loadScoringConfiguration } from '@/lib/scoring-config/load-scoring-configuration';
import { saveScoringConfiguration } from '@/lib/scoring-config/save-scoring-configuration';
import { saveScoringConfigurationInputSchema } from '@/lib/scoring-config/scoring-config-input';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * Every portfolio figure the database computes equals lib/scoring's reference computed account by account in JS,
 * on the demo portfolio and on a small generated one with known answers, with filters, stale and never-assessed
 * accounts. Queries run as the app role under row-level security (withTenant on appPrisma).
 */

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
let db: TestDatabase;

/** Floating-point sums in another order: equal to within 1e-9 relative. */
function near(actual: number | null | undefined, expected: number | null | undefined, label: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

// ---------------------------------------------------------------------------------------------------------------
// The reference side: everything read as the owner, straight from the tables, then lib/scoring.

interface RefAccount {
  entry: PortfolioEntry;
  name: string;
  renewalDate: Date | null;
  results: { assessmentId: string; submittedAt: Date; score: number }[];
}

interface Reference {
  thresholds: Thresholds;
  reviewIntervalDays: number;
  accounts: RefAccount[];
  targets: { segmentId: string | null; component: ComponentSlug; value: number }[];
}

const camel = (kind: string, slug: string) => `${kind}${slug[0]!.toUpperCase()}${slug.slice(1)}`;

async function loadReference(prisma: PrismaClient, organizationId: string): Promise<Reference> {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const accounts = await prisma.account.findMany({ where: { organizationId, archivedAt: null }, orderBy: { id: 'asc' } });
  const scores = await prisma.accountScore.findMany({ where: { organizationId } });
  const results = await prisma.assessmentResult.findMany({
    where: { organizationId },
    orderBy: [{ submittedAt: 'asc' }, { assessmentId: 'asc' }],
    select: { accountId: true, assessmentId: true, submittedAt: true, score: true },
  });
  const targets = await prisma.target.findMany({ where: { organizationId } });
  const scoreOf = new Map(scores.map((row) => [row.accountId, row]));
  return {
    thresholds: { desired: org.bandDesired, engaged: org.bandEngaged, atRisk: org.bandAtRisk },
    reviewIntervalDays: org.reviewIntervalDays,
    targets: targets.map(({ segmentId, component, value }) => ({ segmentId, component, value })),
    accounts: accounts.map((account) => {
      const row = scoreOf.get(account.id) as unknown as Record<string, number | null> | undefined;
      const latest = row
        ? {
            score: row.score as number,
            components: Object.fromEntries(
              COMPONENT_SLUGS.map((slug) => {
                const current = row[camel('current', slug)];
                return [
                  slug,
                  current === null || current === undefined
                    ? null
                    : { current, gap: row[camel('gap', slug)] as number, lever: row[camel('lever', slug)] as number },
                ];
              }),
            ) as NonNullable<PortfolioEntry['latest']>['components'],
          }
        : null;
      return {
        name: account.name,
        renewalDate: account.renewalDate,
        results: results.filter((r) => r.accountId === account.id),
        entry: {
          accountId: account.id,
          arr: account.arr === null ? null : Number(account.arr.toString()),
          ownerId: account.ownerUserId,
          segmentId: account.segmentId,
          stage: account.journeyStageId,
          latest,
          submittedAt: scoreOf.get(account.id)?.submittedAt ?? null,
        },
      };
    }),
  };
}

const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** The filters in JS, account by account (the definitions documented in lib/portfolio/portfolio-filters.ts). */
function applyFilters(ref: Reference, filters: PortfolioFilters, scope: { ownOnly: boolean; userId: string }): RefAccount[] {
  const owner = scope.ownOnly ? scope.userId : filters.owner;
  const matchId = (value: string | null | undefined, filter: string | undefined) =>
    filter === undefined || (filter === 'none' ? value == null : value === filter);
  return ref.accounts.filter(({ entry, renewalDate }) => {
    if (!matchId(entry.ownerId, owner) || !matchId(entry.segmentId, filters.segment) || !matchId(entry.stage, filters.stage)) return false;
    if (filters.band && (entry.latest === null || bandFor(entry.latest.score, ref.thresholds) !== filters.band)) return false;
    if (filters.renewal) {
      if (!renewalDate) return false;
      const days = (utcDay(renewalDate) - utcDay(NOW)) / DAY;
      if (days < 0 || days > filters.renewal) return false;
    }
    if (filters.arrMin !== undefined && (entry.arr === null || entry.arr < filters.arrMin)) return false;
    if (filters.arrMax !== undefined && (entry.arr === null || entry.arr > filters.arrMax)) return false;
    return true;
  });
}

function targetOf(ref: Reference, segmentId: string | null | undefined, slug: ComponentSlug): number {
  const find = (segment: string | null) => ref.targets.find((t) => t.segmentId === segment && t.component === slug)?.value;
  return (segmentId ? find(segmentId) : undefined) ?? find(null) ?? 100;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by both portfolios.

function run<T>(organizationId: string, userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(db.appPrisma, { organizationId, userId }, work, { timeout: 30_000 });
}

async function expectOverviewMatches(ref: Reference, scope: PortfolioScope, filters: PortfolioFilters): Promise<void> {
  const accounts = applyFilters(ref, filters, scope);
  const entries = accounts.map((a) => a.entry);
  const options = { thresholds: ref.thresholds, reviewIntervalDays: ref.reviewIntervalDays, now: NOW };
  const expected = portfolioSummary(entries, options);
  const actual = await run(scope.organizationId, scope.userId, (tx) => getPortfolioOverview(tx, scope, filters));
  const label = JSON.stringify(filters);

  expect(actual.accounts, label).toBe(expected.accounts);
  expect(actual.assessed, label).toBe(expected.assessed);
  expect(actual.neverAssessed, label).toBe(expected.neverAssessed);
  expect(actual.stale, label).toBe(expected.stale);
  near(actual.meanScore, expected.meanScore, `${label} meanScore`);
  near(actual.arrWeightedScore, expected.arrWeightedScore, `${label} arrWeighted`);
  near(actual.totalArr, entries.reduce((sum, e) => sum + (e.arr ?? 0), 0), `${label} totalArr`);
  expect(actual.bandCounts, label).toEqual(expected.bandCounts);
  for (const band of BANDS) near(actual.arrByBand[band], expected.arrByBand[band], `${label} arr ${band}`);
  for (const component of actual.components) {
    const reference = expected.components[component.slug];
    expect(component.included, `${label} ${component.slug}`).toBe(reference.included);
    near(component.meanCurrent, reference.meanCurrent, `${label} ${component.slug} current`);
    near(component.meanGap, reference.meanGap, `${label} ${component.slug} gap`);
    near(component.leverSum, reference.leverSum, `${label} ${component.slug} lever`);
  }
  // Levers ranked: same order as portfolioLevers (exact sums could differ in the last bit, so compare values).
  const levers = portfolioLevers(expected);
  actual.levers.forEach((lever, i) => near(lever.leverSum, levers[i]!.leverSum, `${label} lever rank ${i}`));
  expect(new Set(actual.levers.map((l) => l.slug)).size).toBe(8);

  // Renewals at risk / critical.
  const atRisk = accounts.filter(({ entry }) => entry.latest && ['at_risk', 'critical'].includes(bandFor(entry.latest.score, ref.thresholds)));
  for (const window of actual.renewalWindows) {
    const inWindow = atRisk.filter(({ renewalDate }) => {
      if (!renewalDate) return false;
      const days = (utcDay(renewalDate) - utcDay(NOW)) / DAY;
      return days >= 0 && days <= window.days;
    });
    expect(window.accounts, `${label} renewals ${window.days}`).toBe(inWindow.length);
    near(window.arr, inWindow.reduce((sum, a) => sum + (a.entry.arr ?? 0), 0), `${label} renewal arr ${window.days}`);
    // Each band's share: what the window's two drill-down links (renewal window + band) list.
    for (const [band, count] of [['at_risk', window.atRisk], ['critical', window.critical]] as const) {
      const inBand = inWindow.filter(({ entry }) => bandFor(entry.latest!.score, ref.thresholds) === band);
      expect(count, `${label} renewals ${window.days} ${band}`).toBe(inBand.length);
    }
  }
  // Every count the page shows links to a drill-down listing exactly that many accounts: stale, never assessed…
  for (const [assessment, count] of [['stale', actual.stale], ['never', actual.neverAssessed]] as const) {
    const drill = await run(scope.organizationId, scope.userId, (tx) => listPortfolioAccounts(tx, scope, filters, { assessment }));
    expect(drill.total, `${label} drill-down of ${assessment} accounts`).toBe(count);
    if (assessment === 'never') expect(drill.rows.every((row) => row.score === null), `${label} never assessed rows`).toBe(true);
    else expect(drill.rows.every((row) => row.stale), `${label} stale rows`).toBe(true);
  }
  // …and the renewals at risk of each window and band.
  for (const window of renewalWindowLinks(actual.renewalWindows, filters)) {
    for (const link of window.links) {
      const drill = await run(scope.organizationId, scope.userId, (tx) =>
        listPortfolioAccounts(tx, scope, { ...filters, renewal: window.days, band: link.band }, {}));
      expect(drill.total, `${label} drill-down of renewals ${window.days} ${link.band}`).toBe(link.accounts);
    }
  }
  const allRenewals = await run(scope.organizationId, scope.userId, (tx) => listRenewalsAtRisk(tx, scope, filters));
  expect(allRenewals.length).toBe(actual.renewalWindows.find((w) => w.days === 90)!.accounts);

  // Trend: historyByPeriod over every result of these accounts inside the window, in submission/id order.
  const windowStart = trendWindowStart(NOW).getTime();
  const points = accounts
    .flatMap((a) => a.results.map((r) => ({ ...r, accountId: a.entry.accountId })))
    .filter((p) => p.submittedAt.getTime() >= windowStart)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.assessmentId < b.assessmentId ? -1 : 1));
  for (const period of ['month', 'quarter'] as const) {
    const reference = historyByPeriod(points, period);
    const trend = actual.trend[period];
    expect(trend.map((p) => [p.period, p.start.toISOString(), p.accounts]), `${label} ${period}`).toEqual(
      reference.map((p) => [p.period, p.start.toISOString(), p.accounts]),
    );
    trend.forEach((point, i) => near(point.meanScore, reference[i]!.meanScore, `${label} ${period} ${point.period}`));
  }

  // Movers: latest vs previous result, top 5 each way, ties by name then id.
  const moves = accounts
    .filter((a) => a.results.length >= 2)
    .map((a) => {
      const latest = a.results.at(-1)!;
      const previous = a.results.at(-2)!;
      return { accountId: a.entry.accountId, name: a.name, delta: latest.score - previous.score };
    });
  const byName = (a: { name: string; accountId: string }, b: { name: string; accountId: string }) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.accountId < b.accountId ? -1 : 1;
  const up = moves.filter((m) => m.delta > 0).sort((a, b) => b.delta - a.delta || byName(a, b)).slice(0, 5);
  const down = moves.filter((m) => m.delta < 0).sort((a, b) => a.delta - b.delta || byName(a, b)).slice(0, 5);
  expect(actual.movers.up.map((m) => m.accountId), `${label} up`).toEqual(up.map((m) => m.accountId));
  expect(actual.movers.down.map((m) => m.accountId), `${label} down`).toEqual(down.map((m) => m.accountId));
  actual.movers.up.forEach((m, i) => near(m.delta, up[i]!.delta, 'mover delta'));
}

async function expectTeamMatches(ref: Reference, scope: PortfolioScope, filters: PortfolioFilters): Promise<void> {
  const entries = applyFilters(ref, filters, scope).map((a) => a.entry);
  const options = { thresholds: ref.thresholds, reviewIntervalDays: ref.reviewIntervalDays, now: NOW };
  const groups = groupPortfolio(entries, PORTFOLIO_GROUPINGS.owner, options);
  const team = await run(scope.organizationId, scope.userId, (tx) => getTeamView(tx, scope, filters));
  expect(team.length).toBe(groups.size);
  for (const book of team) {
    const expected = groups.get(book.ownerId)!;
    expect(expected, `group ${book.ownerId}`).toBeDefined();
    expect([book.accounts, book.assessed, book.neverAssessed, book.stale]).toEqual([expected.accounts, expected.assessed, expected.neverAssessed, expected.stale]);
    expect(book.bandCounts).toEqual(expected.bandCounts);
    near(book.meanScore, expected.meanScore, 'team mean');
    near(book.arrWeightedScore, expected.arrWeightedScore, 'team arr weighted');
    const levers = portfolioLevers(expected);
    book.levers.forEach((lever, i) => near(lever.leverSum, levers[i]!.leverSum, `team lever ${i}`));
    if (book.topLever) expect(book.topLever.leverSum).toBeGreaterThan(0);
    near(book.arr, entries.filter((e) => e.ownerId === book.ownerId).reduce((s, e) => s + (e.arr ?? 0), 0), 'team arr');
  }
}

async function expectHeatmapMatches(ref: Reference, scope: PortfolioScope, filters: PortfolioFilters): Promise<void> {
  const accounts = applyFilters(ref, filters, scope);
  const keyOf = {
    segment: (e: PortfolioEntry) => e.segmentId ?? null,
    owner: (e: PortfolioEntry) => e.ownerId ?? null,
    stage: (e: PortfolioEntry) => e.stage ?? null,
    account: (e: PortfolioEntry) => e.accountId,
  } as const;
  // Account rows: the first page, and every account (what the CSV export reads).
  for (const [by, rows] of [['segment'], ['owner'], ['stage'], ['account'], ['account', 'all']] as const) {
    const heatmap = await run(scope.organizationId, scope.userId, (tx) =>
      getPortfolioHeatmap(tx, scope, filters, { by, sort: 'score', dir: 'asc' }, rows),
    );
    const keys = new Set(accounts.map((a) => keyOf[by](a.entry)));
    expect(heatmap.totalRows, by).toBe(keys.size);
    expect(heatmap.rows.length, by).toBe(by === 'account' && rows !== 'all' ? Math.min(keys.size, HEATMAP_ACCOUNT_PAGE_SIZE) : keys.size);
    expect(heatmap.assessedAccounts, by).toBe(accounts.filter((a) => a.entry.latest).length);
    for (const row of heatmap.rows) {
      const members = accounts.filter((a) => keyOf[by](a.entry) === row.key);
      expect(row.accounts).toBe(members.length);
      for (const cell of row.cells) {
        const included = members.filter((a) => a.entry.latest?.components[cell.slug] != null);
        expect(cell.included).toBe(included.length);
        if (included.length === 0) {
          expect(cell.meanCurrent).toBeNull();
          continue;
        }
        const meanCurrent = included.reduce((s, a) => s + a.entry.latest!.components[cell.slug]!.current, 0) / included.length;
        const meanTarget = included.reduce((s, a) => s + targetOf(ref, a.entry.segmentId, cell.slug), 0) / included.length;
        near(cell.meanCurrent, meanCurrent, `${by} ${row.label} ${cell.slug} current`);
        near(cell.meanTarget, meanTarget, `${by} ${row.label} ${cell.slug} target`);
        near(cell.gap, meanTarget - meanCurrent, `${by} ${row.label} ${cell.slug} gap`);
      }
    }
    // Sorted by mean score ascending, unassessed rows last.
    const scores = heatmap.rows.map((r) => r.meanScore).filter((s): s is number => s !== null);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** The heatmap's account rows as lib/scoring's reference has them (targets aside), in no particular order. */
function accountHeatmapRows(ref: Reference): HeatmapRow[] {
  return ref.accounts.map(
    (a): HeatmapRow => ({
      key: a.entry.accountId,
      label: a.name,
      accounts: 1,
      assessed: a.entry.latest ? 1 : 0,
      meanScore: a.entry.latest?.score ?? null,
      cells: COMPONENT_SLUGS.map((slug) => {
        const current = a.entry.latest?.components[slug]?.current ?? null;
        return { slug, meanCurrent: current, meanTarget: null, gap: null, included: current === null ? 0 : 1 };
      }),
    }),
  );
}

/** Pages of `pageSize` account rows walk the whole list in sortHeatmapRows' order; a page past the last shows the last. */
async function expectAccountPagesWalk(
  organizationId: string,
  userId: string,
  scope: PortfolioScope,
  expected: HeatmapRow[],
  order: { sort: 'adoption' | 'score'; dir: 'asc' | 'desc' },
  pageSize: number,
): Promise<void> {
  const keys = (rows: HeatmapRow[]) => rows.map((row) => row.key);
  const want = sortHeatmapRows(expected, order);
  const lastPage = Math.ceil(expected.length / pageSize);
  const walked: (string | null)[] = [];
  for (let page = 1; page <= lastPage; page += 1) {
    const heatmap = await run(organizationId, userId, (tx) => getPortfolioHeatmap(tx, scope, {}, { by: 'account', ...order }, { page, pageSize }));
    expect(heatmap.page).toBe(page);
    expect([heatmap.totalRows, heatmap.assessedAccounts]).toEqual([expected.length, expected.filter((row) => row.assessed).length]);
    walked.push(...keys(heatmap.rows));
  }
  expect(walked, `${order.sort} ${order.dir}`).toEqual(keys(want));
  for (const page of [lastPage + 1, 10_000]) {
    const past = await run(organizationId, userId, (tx) => getPortfolioHeatmap(tx, scope, {}, { by: 'account', ...order }, { page, pageSize }));
    expect(past.page).toBe(lastPage);
    expect(keys(past.rows)).toEqual(keys(want.slice((lastPage - 1) * pageSize)));
    expect(past.totalRows).toBe(expected.length);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('portfolio on the demo organisation', () => {
  let orgId: string;
  let leaderId: string;
  let csmIds: string[];
  let ref: Reference;
  let leader: PortfolioScope;

  beforeAll(async () => {
    await seedDemoOrganization(db.prisma, { seed: 7, now: new Date(NOW.getTime() - 2 * DAY) });
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'northwind' } });
    orgId = org.id;
    const members = await db.prisma.membership.findMany({ where: { organizationId: orgId } });
    leaderId = members.find((m) => m.role === 'LEADER')!.userId;
    csmIds = members.filter((m) => m.role === 'CSM').map((m) => m.userId);
    ref = await loadReference(db.prisma, orgId);
    leader = { organizationId: orgId, userId: leaderId, ownOnly: false, now: NOW };
  }, 120_000);

  it('is a realistic portfolio: assessed, never-assessed and stale accounts, several periods', async () => {
    const summary = portfolioSummary(ref.accounts.map((a) => a.entry), { thresholds: ref.thresholds, now: NOW });
    expect(summary.assessed).toBeGreaterThan(30);
    expect(summary.neverAssessed).toBeGreaterThan(0);
    expect(summary.stale).toBeGreaterThan(0);
    // Accounts at risk or critical whose renewal date has passed, with an ARR: the ARR-range views read them, and
    // the renewal windows must leave them out.
    const overdueAtRisk = ref.accounts.filter(
      ({ entry, renewalDate }) =>
        renewalDate !== null && renewalDate < NOW && entry.arr !== null && entry.latest !== null &&
        ['at_risk', 'critical'].includes(bandFor(entry.latest.score, ref.thresholds)),
    );
    expect(overdueAtRisk.length).toBeGreaterThan(0);
  });

  it('overview, team and heatmap equal the reference over the whole book', async () => {
    const none = parsePortfolioFilters({});
    await expectOverviewMatches(ref, leader, none);
    await expectTeamMatches(ref, leader, none);
    await expectHeatmapMatches(ref, leader, none);
  });

  it('account rows are sorted and cut in SQL exactly as sortHeatmapRows orders them', async () => {
    const expected = accountHeatmapRows(ref);
    expect(expected.length).toBeGreaterThan(HEATMAP_ACCOUNT_PAGE_SIZE); // so there is a second page
    const keys = (rows: HeatmapRow[]) => rows.map((row) => row.key);
    for (const sort of ['label', 'score', 'accounts', 'adoption'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const label = `${sort} ${dir}`;
        const want = sortHeatmapRows(expected, { sort, dir });
        // The default is page 1 of HEATMAP_ACCOUNT_PAGE_SIZE rows.
        const heatmap = await run(orgId, leaderId, (tx) => getPortfolioHeatmap(tx, leader, {}, { by: 'account', sort, dir }));
        expect(keys(heatmap.rows), label).toEqual(keys(want.slice(0, HEATMAP_ACCOUNT_PAGE_SIZE)));
        expect(heatmap.totalRows).toBe(expected.length);
        expect(heatmap.page).toBe(1);
        // Page 2 continues where page 1 stopped.
        const second = await run(orgId, leaderId, (tx) => getPortfolioHeatmap(tx, leader, {}, { by: 'account', sort, dir, page: 2 }));
        expect(keys(second.rows), `${label} page 2`).toEqual(keys(want.slice(HEATMAP_ACCOUNT_PAGE_SIZE, 2 * HEATMAP_ACCOUNT_PAGE_SIZE)));
        expect(second.page).toBe(2);
        expect(second.totalRows).toBe(expected.length);
        // Every account, in order (the CSV export).
        const all = await run(orgId, leaderId, (tx) => getPortfolioHeatmap(tx, leader, {}, { by: 'account', sort, dir }, 'all'));
        expect(keys(all.rows), `${label} all`).toEqual(keys(want));
        expect(all.totalRows).toBe(expected.length);
      }
    }
    // Small pages walk the whole list in order, without gaps or repeats; a page past the last shows the last one.
    // By score, the pages come from walking the score index, and one page holds the last scored accounts and the
    // first never-assessed ones.
    expect(expected.some((row) => row.meanScore === null)).toBe(true);
    for (const [sort, dir] of [['adoption', 'desc'], ['score', 'asc'], ['score', 'desc']] as const) {
      await expectAccountPagesWalk(orgId, leaderId, leader, expected, { sort, dir }, 7);
    }
    // The CSV export of the heatmap by account has every account, in the page's order.
    const { csv } = await run(orgId, leaderId, (tx) => exportPortfolioCsv(tx, leader, new URLSearchParams('dataset=heatmap&by=account&sort=label&page=2')));
    const names = csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(names).toHaveLength(expected.length);
    expect(new Set(names).size).toBeGreaterThan(HEATMAP_ACCOUNT_PAGE_SIZE);
  });

  it('equals the reference under every filter', async () => {
    const segment = ref.accounts.find((a) => a.entry.segmentId)!.entry.segmentId!;
    const stage = ref.accounts.find((a) => a.entry.stage)!.entry.stage!;
    const arrs = ref.accounts.map((a) => a.entry.arr).filter((arr): arr is number => arr !== null).sort((a, b) => a - b);
    const median = arrs[Math.floor(arrs.length / 2)]!;
    const cases: Record<string, string>[] = [
      { segment },
      { stage },
      { owner: csmIds[0]! },
      { band: 'at_risk' },
      { band: 'critical' },
      { renewal: '90' },
      { renewal: '30' },
      { arrMin: String(median) },
      { arrMax: String(median) },
      { segment, band: 'engaged', arrMin: '1000' },
      // Bands with no renewals at risk by definition (the overview answers those without a query).
      { band: 'desired' },
      { band: 'engaged', renewal: '90' },
      // A renewal window with a band (month rows looked up per account, through account_score) and with an ARR bound.
      { band: 'at_risk', renewal: '90' },
      { renewal: '60', arrMin: '1000' },
      // Renewal windows read from the renewal rollups (their days), also with a band.
      { renewal: '60' },
      { band: 'at_risk', renewal: '60' },
      // ARR ranges read from the ARR rollups: on bucket edges, across them, partly covered buckets, with a band.
      { arrMin: '20000' },
      { arrMin: '1000', arrMax: '100000' },
      { arrMin: '25000', arrMax: '250000' },
      { arrMin: '1', arrMax: String(median) },
      { band: 'at_risk', arrMin: '5000' },
    ];
    // The ARR rollups serve some of these with accounts both in their whole buckets and outside them.
    const arrSplit = cases.map((raw) => {
      const range = arrRollupRange(leader, parsePortfolioFilters(raw));
      const inView = applyFilters(ref, parsePortfolioFilters(raw), leader);
      const whole = inView.filter((a) => range && a.entry.arr! >= range.from && (range.to === null || a.entry.arr! < range.to));
      return [whole.length, range ? inView.length - whole.length : 0];
    });
    expect(arrSplit.some(([whole, outside]) => whole! > 0 && outside! > 0)).toBe(true);
    expect(cases.filter((raw) => filtersSelectRenewalDays(leader, parsePortfolioFilters(raw))).length).toBeGreaterThanOrEqual(4);
    for (const raw of cases) {
      const filters = parsePortfolioFilters(raw);
      // Every case selects accounts (the seed is fixed): an empty view would pass trivially.
      expect(applyFilters(ref, filters, leader).length, JSON.stringify(raw)).toBeGreaterThan(0);
      await expectOverviewMatches(ref, leader, filters);
      await expectTeamMatches(ref, leader, filters);
      await expectHeatmapMatches(ref, leader, filters);
    }
    await expectHeatmapMatches(ref, leader, parsePortfolioFilters({ segment }));
  });

  it('a CSM only ever sees their own book, whatever the owner filter says', async () => {
    const [csm, other] = csmIds as [string, string];
    const scope: PortfolioScope = { organizationId: orgId, userId: csm, ownOnly: true, now: NOW };
    const own = ref.accounts.filter((a) => a.entry.ownerId === csm).length;
    expect(own).toBeGreaterThan(0);
    for (const raw of [{}, { owner: other }, { owner: 'none' }]) {
      const filters = parsePortfolioFilters(raw);
      const overview = await run(orgId, csm, (tx) => getPortfolioOverview(tx, scope, filters));
      expect(overview.accounts).toBe(own);
      await expectOverviewMatches(ref, scope, filters);
      const team = await run(orgId, csm, (tx) => getTeamView(tx, scope, filters));
      expect(team.map((book) => book.ownerId)).toEqual([csm]);
      const heatmap = await run(orgId, csm, (tx) => getPortfolioHeatmap(tx, scope, filters, { by: 'account', sort: 'label', dir: 'asc' }));
      const ownIds = new Set(ref.accounts.filter((a) => a.entry.ownerId === csm).map((a) => a.entry.accountId));
      expect(heatmap.rows.every((row) => ownIds.has(row.key!))).toBe(true);
      const drill = await run(orgId, csm, (tx) => listPortfolioAccounts(tx, scope, filters, { component: 'adoption' }));
      expect(drill.total).toBe(own);
      expect(drill.rows.every((row) => ownIds.has(row.id))).toBe(true);
    }
  });

  it('the drill-down lists exactly the accounts behind a heatmap cell', async () => {
    const heatmap = await run(orgId, leaderId, (tx) => getPortfolioHeatmap(tx, leader, {}, { by: 'segment', sort: 'label', dir: 'asc' }));
    for (const row of heatmap.rows) {
      const filters = parsePortfolioFilters({ segment: row.key ?? 'none' });
      const drill = await run(orgId, leaderId, (tx) => listPortfolioAccounts(tx, leader, filters, { component: 'outcomes' }, 'all'));
      expect(drill.total).toBe(row.accounts);
      const included = drill.rows.filter((r) => r.componentCurrent !== null);
      near(included.reduce((s, r) => s + r.componentCurrent!, 0) / included.length, row.cells.find((c) => c.slug === 'outcomes')!.meanCurrent, 'drill mean');
    }
  });

  it('pages the drill-down in the export’s order, a page past the end showing the last one', async () => {
    // By a component's gap, and by score with never-assessed accounts first.
    for (const component of ['adoption', null] as const) {
      const all = await run(orgId, leaderId, (tx) => listPortfolioAccounts(tx, leader, {}, { component }, 'all'));
      const pageSize = 7;
      const pageCount = Math.ceil(all.total / pageSize);
      expect(pageCount).toBeGreaterThan(2);
      const pages = [];
      for (let page = 1; page <= pageCount; page += 1) {
        const list = await run(orgId, leaderId, (tx) => listPortfolioAccounts(tx, leader, {}, { component }, { page, pageSize }));
        expect(list).toMatchObject({ page, pageSize, total: all.total });
        pages.push(...list.rows.map((row) => row.id));
      }
      expect(pages).toEqual(all.rows.map((row) => row.id));
      const past = await run(orgId, leaderId, (tx) => listPortfolioAccounts(tx, leader, {}, { component }, { page: pageCount + 5, pageSize }));
      expect(past.page).toBe(pageCount);
      expect(past.rows.map((row) => row.id)).toEqual(all.rows.slice((pageCount - 1) * pageSize).map((row) => row.id));
    }
  });

  it('sees nothing without the organisation set (RLS)', async () => {
    const overview = await withTenant(db.appPrisma, { organizationId: randomUUID() }, (tx) => getPortfolioOverview(tx, { ...leader, organizationId: orgId }, {}));
    expect(overview.accounts).toBe(0);
    expect(overview.meanScore).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A small generated portfolio with known answers.

interface Generated {
  orgId: string;
  admin: string;
  leader: string;
  csmA: string;
  csmB: string;
  segment: string;
  accounts: Record<string, string>;
}

/** Deterministic answers: every question of a component at the same level (so C_c = 25 · level). */
function answersAt(levels: Partial<Record<ComponentSlug, number | 'na'>>, fallback: number): Record<string, 0 | 1 | 2 | 3 | 4 | 'na'> {
  return Object.fromEntries(
    allQuestionIds(DSCE_V1).map((id) => {
      const slug = id.split('.')[0] as ComponentSlug;
      return [id, (levels[slug] ?? fallback) as 0 | 1 | 2 | 3 | 4 | 'na'];
    }),
  );
}

/** `tiedAccounts`: that many more accounts, each with the same single assessment, so their scores tie. */
async function createGenerated(prisma: PrismaClient, tiedAccounts = 0): Promise<Generated> {
  const orgId = randomUUID();
  const [admin, leader, csmA, csmB, segment, stage] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const ids = { a1: randomUUID(), a2: randomUUID(), a3: randomUUID(), a4: randomUUID(), a5: randomUUID(), a6: randomUUID(), archived: randomUUID() };
  const targetsEnterprise: Partial<Record<ComponentSlug, number>> = { intent: 80, adoption: 60 };
  const tied = Array.from({ length: tiedAccounts }, () => randomUUID());
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.org_id', ${orgId}, true)`;
    await tx.organization.create({ data: { id: orgId, name: 'Known answers', slug: `known-${orgId.slice(0, 8)}`, reviewIntervalDays: 90 } });
    await tx.user.createMany({
      data: [leader, csmA, csmB, admin].map((id, i) => ({ id, email: `p${i}-${id.slice(0, 8)}@known.example`, name: ['Lea', 'Ann', 'Bob', 'Ada'][i]! })),
    });
    await tx.membership.createMany({
      data: [
        { organizationId: orgId, userId: admin, role: 'ADMIN' },
        { organizationId: orgId, userId: leader, role: 'LEADER' },
        { organizationId: orgId, userId: csmA, role: 'CSM' },
        { organizationId: orgId, userId: csmB, role: 'CSM' },
      ],
    });
    await tx.segment.create({ data: { organizationId: orgId, id: segment, name: 'Enterprise', tier: 1 } });
    await tx.journeyStage.create({ data: { organizationId: orgId, id: stage, name: 'Adoption', position: 1 } });
    await tx.weightConfig.create({ data: { organizationId: orgId, version: 1, weights: {} } });
    await tx.target.createMany({
      data: [
        ...COMPONENT_SLUGS.map((component) => ({ organizationId: orgId, segmentId: null, component, value: 100 })),
        ...Object.entries(targetsEnterprise).map(([component, value]) => ({ organizationId: orgId, segmentId: segment, component: component as ComponentSlug, value })),
      ],
    });
    const renew = (days: number) => new Date(utcDay(NOW) + days * DAY);
    await tx.account.createMany({
      data: [
        { id: ids.a1, name: 'Alpha', ownerUserId: csmA, segmentId: segment, journeyStageId: stage, arr: '100000.00', renewalDate: renew(20) },
        { id: ids.a2, name: 'Bravo', ownerUserId: csmA, segmentId: segment, arr: '50000.50', renewalDate: renew(75) },
        { id: ids.a3, name: 'Charlie', ownerUserId: csmB, arr: null, renewalDate: renew(-3) },
        { id: ids.a4, name: 'Delta', ownerUserId: csmB, arr: '0.00' },
        { id: ids.a5, name: '=HYPERLINK("x")', ownerUserId: null, arr: '25000.00', renewalDate: renew(10) },
        { id: ids.a6, name: 'Foxtrot', ownerUserId: csmA, arr: '10.00' },
        { id: ids.archived, name: 'Zulu (archived)', ownerUserId: csmA, arr: '999999.00', archivedAt: NOW },
        // Created in the reverse of their names' order, so ties cannot come out right by insertion order.
        ...tied.map((id, i) => ({ id, name: `Tie ${String.fromCharCode(96 + tied.length - i)}`, ownerUserId: csmB, arr: '1000.00' })),
      ].map((a) => ({ organizationId: orgId, ...a })),
    });
    // account → [days ago, levels, fallback level] per submitted assessment (oldest first).
    const plan: [string, number, Partial<Record<ComponentSlug, number | 'na'>>, number][] = [
      [ids.a1, 200, {}, 1],
      [ids.a1, 40, { intent: 4 }, 3], // up
      [ids.a2, 10, { journey: 'na' }, 2],
      [ids.a3, 150, {}, 3],
      [ids.a3, 120, {}, 1], // stale (120 days > 90), down
      [ids.a4, 5, {}, 4],
      [ids.a4, 5, {}, 0], // same instant: the greater assessment id wins
      [ids.a5, 60, { adoption: 0, outcomes: 0 }, 2],
      [ids.archived, 3, {}, 4],
      ...tied.map((id): [string, number, Partial<Record<ComponentSlug, number | 'na'>>, number] => [id, 30, { education: 1 }, 2]),
    ];
    for (const [accountId, daysAgo, levels, fallback] of plan) {
      const segmentId = ([ids.a1, ids.a2] as string[]).includes(accountId) ? segment : null;
      const targets = segmentId ? targetsEnterprise : {};
      const result: ScoreResult = scoreAssessment({ framework: DSCE_V1, answers: answersAt(levels, fallback), targets });
      const assessmentId = randomUUID();
      const submittedAt = new Date(NOW.getTime() - daysAgo * DAY);
      await tx.assessment.create({
        data: { organizationId: orgId, id: assessmentId, accountId, authorUserId: csmA, status: 'SUBMITTED', frameworkVersion: DSCE_V1.version, answers: answersAt(levels, fallback), submittedAt },
      });
      await tx.assessmentResult.create({
        data: {
          organizationId: orgId, assessmentId, accountId, weightConfigVersion: 1, targets: targets as Prisma.InputJsonValue,
          score: result.score, gap: result.gap, confidence: result.confidence, band: result.band,
          output: result as unknown as Prisma.InputJsonValue, submittedAt,
        },
      });
    }
    for (const statement of REBUILD_SCORE_TABLES_SQL) await tx.$executeRawUnsafe(statement, orgId);
  });
  // Thresholds change after scoring, the way the app changes them: a scoring-configuration save, which re-scores
  // (and re-bands) every latest result. Bands must follow the new thresholds, not the ones of the submission.
  await saveThresholds(orgId, admin, { desired: 90, engaged: 60, atRisk: 40 });
  return { orgId, admin, leader, csmA, csmB, segment, accounts: ids };
}

/** Saves new band thresholds through the scoring settings' use case (same weights and targets). */
async function saveThresholds(organizationId: string, admin: string, thresholds: Thresholds): Promise<void> {
  const current = await withTenant(db.appPrisma, { organizationId, userId: admin }, (tx) => loadScoringConfiguration(tx, organizationId));
  const config = current.configuration;
  const input = saveScoringConfigurationInputSchema.parse({
    basedOnVersion: current.version,
    reason: 'New band thresholds',
    weights: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, config.weights[s] ?? 1])),
    defaultTargets: Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, config.targets.defaults[s] ?? 100])),
    segmentTargets: Object.fromEntries(current.segments.filter((s) => !s.retired).map((s) => [s.id, config.targets.segments[s.id] ?? {}])),
    thresholds,
  });
  await saveScoringConfiguration(db.appPrisma, { organizationId, userId: admin }, input);
}

describe('portfolio on a generated book with known answers', () => {
  let gen: Generated;
  let ref: Reference;
  let scope: PortfolioScope;

  beforeAll(async () => {
    gen = await createGenerated(db.prisma);
    ref = await loadReference(db.prisma, gen.orgId);
    scope = { organizationId: gen.orgId, userId: gen.leader, ownOnly: false, now: NOW };
  });

  it('has the known figures', async () => {
    const overview = await run(gen.orgId, gen.leader, (tx) => getPortfolioOverview(tx, scope, {}));
    expect(overview.accounts).toBe(6); // the archived account is not in the portfolio
    expect(overview.assessed).toBe(5);
    expect(overview.neverAssessed).toBe(1); // Foxtrot
    expect(overview.stale).toBe(1); // Charlie
    // Delta: two results at the same instant; the greater assessment id is the latest.
    const delta = await db.prisma.accountScore.findUniqueOrThrow({ where: { organizationId_accountId: { organizationId: gen.orgId, accountId: gen.accounts.a4! } } });
    expect(overview.movers.up.map((m) => m.name)).toContain('Alpha');
    expect(overview.movers.down.map((m) => m.name)).toContain('Charlie');
    expect([0, 100]).toContain(delta.score);
    // Bands from the new thresholds (90 / 60 / 40), never the band of the submission.
    const expectedBands: Record<Band, number> = { desired: 0, engaged: 0, at_risk: 0, critical: 0 };
    for (const a of ref.accounts) if (a.entry.latest) expectedBands[bandFor(a.entry.latest.score, { desired: 90, engaged: 60, atRisk: 40 })] += 1;
    expect(overview.bandCounts).toEqual(expectedBands);
    // Alpha's second assessment: intent 4 (100), the rest at 3 (75), with Enterprise targets intent 80 / adoption 60.
    expect(overview.trend.month.length).toBeGreaterThan(2);
  });

  it('every figure equals the reference, with and without filters', async () => {
    for (const raw of [{}, { owner: gen.csmA }, { owner: 'none' }, { segment: gen.segment }, { segment: 'none' }, { renewal: '30' }, { arrMin: '1', arrMax: '60000' }, { arrMin: '0' }, { arrMax: '50000.50' }, { band: 'critical' }]) {
      const filters = parsePortfolioFilters(raw);
      await expectOverviewMatches(ref, scope, filters);
      await expectTeamMatches(ref, scope, filters);
      await expectHeatmapMatches(ref, scope, filters);
    }
  });

  it('counts a renewal window’s first and last days (the renewal rollups read whole days)', async () => {
    const dates = async (renewals: [string, Date | null][]) => {
      await withTenant(db.appPrisma, { organizationId: gen.orgId, userId: gen.admin }, async (tx) => {
        for (const [id, date] of renewals) await tx.account.update({ where: { organizationId_id: { organizationId: gen.orgId, id } }, data: { renewalDate: date } });
      });
      ref = await loadReference(db.prisma, gen.orgId);
    };
    const before = ref.accounts.map((a): [string, Date | null] => [a.entry.accountId, a.renewalDate]);
    const today = utcDay(NOW);
    await dates([[gen.accounts.a1!, new Date(today)], [gen.accounts.a2!, new Date(today + 30 * DAY)], [gen.accounts.a3!, new Date(today + 60 * DAY)], [gen.accounts.a4!, new Date(today + 61 * DAY)]]);
    for (const raw of [{ renewal: '30' }, { renewal: '60' }, { renewal: '90' }, { renewal: '60', band: 'critical' }]) {
      await expectOverviewMatches(ref, scope, parsePortfolioFilters(raw));
    }
    await dates(before);
  });

  it('counts two renewals at risk on one day, the last of 90, and none on the day after', async () => {
    // Without an owner, segment or stage filter, the overview reads the renewals at risk from the renewal rollups
    // (accounts per day and band), not one row per account.
    const before = ref.accounts.map((a): [string, Date | null] => [a.entry.accountId, a.renewalDate]);
    const risky = ref.accounts.filter(({ entry }) => entry.latest && ['at_risk', 'critical'].includes(bandFor(entry.latest.score, ref.thresholds)));
    const bandOf = (account: (typeof risky)[number]) => bandFor(account.entry.latest!.score, ref.thresholds);
    const pairBand = (['at_risk', 'critical'] as const).find((band) => risky.filter((a) => bandOf(a) === band).length >= 2);
    expect(pairBand, 'two at-risk or critical accounts of one band').toBeDefined();
    const sameBand = risky.filter((a) => bandOf(a) === pairBand).slice(0, 2);
    const others = risky.filter((account) => !sameBand.includes(account));
    expect(others.length, 'a third at-risk or critical account').toBeGreaterThanOrEqual(1);
    const today = utcDay(NOW);
    const on = (days: number) => new Date(today + days * DAY);
    await withTenant(db.appPrisma, { organizationId: gen.orgId, userId: gen.admin }, async (tx) => {
      const moves: [string, Date][] = [
        [sameBand[0]!.entry.accountId, on(90)], [sameBand[1]!.entry.accountId, on(90)], [others[0]!.entry.accountId, on(91)],
      ];
      for (const [id, date] of moves) await tx.account.update({ where: { organizationId_id: { organizationId: gen.orgId, id } }, data: { renewalDate: date } });
    });
    ref = await loadReference(db.prisma, gen.orgId);
    for (const raw of [{}, { band: 'at_risk' }, { band: 'critical' }, { renewal: '90' }, { renewal: '60', band: pairBand! }]) {
      await expectOverviewMatches(ref, scope, parsePortfolioFilters(raw));
    }
    await withTenant(db.appPrisma, { organizationId: gen.orgId, userId: gen.admin }, async (tx) => {
      for (const [id, date] of before) await tx.account.update({ where: { organizationId_id: { organizationId: gen.orgId, id } }, data: { renewalDate: date } });
    });
    ref = await loadReference(db.prisma, gen.orgId);
  });

  it('a CSM sees their own book only', async () => {
    const csm: PortfolioScope = { ...scope, userId: gen.csmB, ownOnly: true };
    const overview = await run(gen.orgId, gen.csmB, (tx) => getPortfolioOverview(tx, csm, parsePortfolioFilters({ owner: gen.csmA })));
    expect(overview.accounts).toBe(2);
    await expectOverviewMatches(ref, csm, {});
    const movers = await run(gen.orgId, gen.csmB, (tx) => listMovers(tx, csm, {}));
    // Charlie fell (75 → 25); Delta moved ±100 depending on which of its same-instant results is the latest.
    expect(movers.down.map((m) => m.name)).toContain('Charlie');
    expect([...movers.up, ...movers.down].map((m) => m.name).sort()).toEqual(['Charlie', 'Delta']);
  });

  it('exports every dataset as CSV, with formulas neutralised', async () => {
    const csv = (query: string) => run(gen.orgId, gen.leader, (tx) => exportPortfolioCsv(tx, scope, new URLSearchParams(query)));
    const renewals = await csv('dataset=renewals');
    expect(renewals.dataset).toBe('renewals');
    expect(renewals.csv.split('\r\n')[0]).toBe('account,owner,renewal_date,days_to_renewal,score,band,arr');
    expect(renewals.csv).toContain(`"'=HYPERLINK(""x"")"`);
    const headers: Record<string, string> = {
      summary: 'metric,value', bands: 'band,accounts,arr', components: 'component,mean_current,mean_gap,lever_sum,accounts_included',
      levers: 'rank,component,lever_sum,accounts_included', 'trend-month': 'period,start,accounts,mean_score',
      'trend-quarter': 'period,start,accounts,mean_score', movers: 'direction,account,previous_score,latest_score,delta,submitted_at',
      team: 'csm,accounts,assessed,never_assessed,stale,arr,mean_score,arr_weighted_score,desired,engaged,at_risk,critical,top_lever,top_lever_points',
      accounts: 'account,owner,segment,stage,arr,renewal_date,score,band,submitted_at,stale',
    };
    for (const [dataset, header] of Object.entries(headers)) {
      expect((await csv(`dataset=${dataset}`)).csv.split('\r\n')[0], dataset).toBe(header);
    }
    expect((await csv('dataset=heatmap&by=stage')).csv.split('\r\n')[0]).toMatch(/^stage,accounts,assessed,mean_score,intent_current,intent_target,intent_gap,/);
    expect((await csv('dataset=nonsense')).dataset).toBe('summary');
    // The CSV follows the filters: team rows for csmA only.
    const team = (await csv(`dataset=team&owner=${gen.csmA}`)).csv.trim().split('\r\n');
    expect(team).toHaveLength(2);
    expect(team[1]).toMatch(/^Ann,3,/);
  });

  it('bad filter params fall back to no filter', () => {
    expect(parsePortfolioFilters({ segment: 'x', owner: '1', band: 'great', renewal: '45', arrMin: '-5', arrMax: 'lots', stage: ['a', 'b'] })).toEqual({});
  });
});

describe('the heatmap by account with tied scores', () => {
  it('orders accounts of equal score by name, then id, across pages, both ways', async () => {
    const gen = await createGenerated(db.prisma, 5);
    const ref = await loadReference(db.prisma, gen.orgId);
    const expected = accountHeatmapRows(ref);
    const tiedScores = expected.filter((row) => row.label.startsWith('Tie ')).map((row) => row.meanScore);
    expect(new Set(tiedScores).size).toBe(1);
    const scope: PortfolioScope = { organizationId: gen.orgId, userId: gen.leader, ownOnly: false, now: NOW };
    for (const dir of ['asc', 'desc'] as const) await expectAccountPagesWalk(gen.orgId, gen.leader, scope, expected, { sort: 'score', dir }, 2);
  });
});

describe('the stored band (what the band filter and band counts read)', () => {
  it('equals the band recomputed from the score with the current thresholds after every threshold change', async () => {
    const gen = await createGenerated(db.prisma);
    const scope: PortfolioScope = { organizationId: gen.orgId, userId: gen.leader, ownOnly: false, now: NOW };
    const expectStoredBandsCurrent = async (thresholds: Thresholds) => {
      const rows = await db.prisma.accountScore.findMany({ where: { organizationId: gen.orgId }, select: { score: true, band: true } });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.band, `score ${row.score}`).toBe(bandFor(row.score, thresholds));
    };
    await expectStoredBandsCurrent({ desired: 90, engaged: 60, atRisk: 40 });
    // Thresholds that move accounts between bands in both directions.
    const before = await db.prisma.accountScore.findMany({ where: { organizationId: gen.orgId }, select: { accountId: true, band: true } });
    const stricter: Thresholds = { desired: 99, engaged: 80, atRisk: 30 };
    await saveThresholds(gen.orgId, gen.admin, stricter);
    await expectStoredBandsCurrent(stricter);
    const after = await db.prisma.accountScore.findMany({ where: { organizationId: gen.orgId }, select: { accountId: true, band: true } });
    const moved = after.filter((row) => before.find((b) => b.accountId === row.accountId)!.band !== row.band);
    expect(moved.length).toBeGreaterThan(0);
    // And the portfolio's band counts and band filter follow them: every figure equals the reference again.
    const ref = await loadReference(db.prisma, gen.orgId);
    expect(ref.thresholds).toEqual(stricter);
    for (const raw of [{}, { band: 'critical' }, { band: 'at_risk' }, { band: 'engaged' }]) {
      await expectOverviewMatches(ref, scope, parsePortfolioFilters(raw));
      await expectTeamMatches(ref, scope, parsePortfolioFilters(raw));
    }
  });
});
