import { z } from 'zod';
import { csvLines } from '@/lib/accounts/csv-cell';
import { COMPONENT_SLUGS } from '@/lib/framework';
import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_NAMES } from './component-names';
import { getPortfolioHeatmap } from './get-portfolio-heatmap';
import { getPortfolioOverview, listMovers, listRenewalsAtRisk } from './get-portfolio-overview';
import { getTeamView } from './get-team-view';
import { listPortfolioAccounts, parseDrillDownFocus } from './list-portfolio-accounts';
import { PORTFOLIO_BANDS, parseHeatmapParams, parsePortfolioFilters } from './portfolio-filters';
import type { PortfolioScope } from './portfolio-scope';

/**
 * CSV of every table and of the data behind every chart on the portfolio pages, for the same filters (and, for the
 * heatmap, the same grouping). Figures are unrounded; cells go through csvCell (quoting, formula-injection guard).
 */

export const PORTFOLIO_DATASETS = [
  'summary', 'bands', 'components', 'levers', 'trend-month', 'trend-quarter', 'renewals', 'movers', 'heatmap', 'team', 'accounts',
] as const;
export type PortfolioDataset = (typeof PORTFOLIO_DATASETS)[number];

const datasetSchema = z.enum(PORTFOLIO_DATASETS).catch('summary');

export function parseDataset(search: URLSearchParams): PortfolioDataset {
  return datasetSchema.parse(search.get('dataset') ?? 'summary');
}

type Cell = string | number | null | undefined;
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function exportPortfolioCsv(tx: Tx, scope: PortfolioScope, search: URLSearchParams): Promise<{ dataset: PortfolioDataset; csv: string }> {
  const dataset = parseDataset(search);
  const filters = parsePortfolioFilters(search);
  const rows = await datasetRows(tx, scope, search, dataset, filters);
  return { dataset, csv: csvLines(rows) };
}

async function datasetRows(
  tx: Tx,
  scope: PortfolioScope,
  search: URLSearchParams,
  dataset: PortfolioDataset,
  filters: ReturnType<typeof parsePortfolioFilters>,
): Promise<Cell[][]> {
  switch (dataset) {
    case 'renewals': {
      const renewals = await listRenewalsAtRisk(tx, scope, filters);
      return [
        ['account', 'owner', 'renewal_date', 'days_to_renewal', 'score', 'band', 'arr'],
        ...renewals.map((r) => [r.name, r.owner, day(r.renewalDate), r.daysToRenewal, r.score, r.band, r.arr]),
      ];
    }
    case 'movers': {
      const movers = await listMovers(tx, scope, filters);
      return [
        ['direction', 'account', 'previous_score', 'latest_score', 'delta', 'submitted_at'],
        ...movers.up.map((m) => ['up', m.name, m.previous, m.latest, m.delta, m.submittedAt.toISOString()]),
        ...movers.down.map((m) => ['down', m.name, m.previous, m.latest, m.delta, m.submittedAt.toISOString()]),
      ];
    }
    case 'heatmap': {
      const params = parseHeatmapParams(search);
      // Every row, also by account (the page shows the accounts a page at a time).
      const heatmap = await getPortfolioHeatmap(tx, scope, filters, params, 'all');
      return [
        [params.by, 'accounts', 'assessed', 'mean_score', ...COMPONENT_SLUGS.flatMap((s) => [`${s}_current`, `${s}_target`, `${s}_gap`])],
        ...heatmap.rows.map((row) => [
          row.label, row.accounts, row.assessed, row.meanScore,
          ...row.cells.flatMap((cell) => [cell.meanCurrent, cell.meanTarget, cell.gap]),
        ]),
      ];
    }
    case 'team': {
      const team = await getTeamView(tx, scope, filters);
      return [
        ['csm', 'accounts', 'assessed', 'never_assessed', 'stale', 'arr', 'mean_score', 'arr_weighted_score', ...PORTFOLIO_BANDS, 'top_lever', 'top_lever_points'],
        ...team.map((book) => [
          book.name, book.accounts, book.assessed, book.neverAssessed, book.stale, book.arr, book.meanScore, book.arrWeightedScore,
          ...PORTFOLIO_BANDS.map((band) => book.bandCounts[band]),
          book.topLever ? COMPONENT_NAMES[book.topLever.slug] : null, book.topLever?.leverSum ?? null,
        ]),
      ];
    }
    case 'accounts': {
      const focus = parseDrillDownFocus((name) => search.get(name));
      const component = focus.component;
      const { rows } = await listPortfolioAccounts(tx, scope, filters, focus, 'all');
      return [
        ['account', 'owner', 'segment', 'stage', 'arr', 'renewal_date', 'score', 'band', 'submitted_at', 'stale',
          ...(component ? [`${component}_current`, `${component}_target`] : [])],
        ...rows.map((r) => [
          r.name, r.owner, r.segment, r.stage, r.arr, day(r.renewalDate), r.score, r.band, r.submittedAt?.toISOString() ?? null,
          r.stale ? 'yes' : 'no', ...(component ? [r.componentCurrent, r.componentTarget] : []),
        ]),
      ];
    }
    default:
      return overviewRows(await getPortfolioOverview(tx, scope, filters), dataset);
  }
}

function overviewRows(overview: Awaited<ReturnType<typeof getPortfolioOverview>>, dataset: PortfolioDataset): Cell[][] {
  switch (dataset) {
    case 'bands':
      return [['band', 'accounts', 'arr'], ...PORTFOLIO_BANDS.map((band) => [band, overview.bandCounts[band], overview.arrByBand[band]])];
    case 'components':
      return [
        ['component', 'mean_current', 'mean_gap', 'lever_sum', 'accounts_included'],
        ...overview.components.map((c) => [COMPONENT_NAMES[c.slug], c.meanCurrent, c.meanGap, c.leverSum, c.included]),
      ];
    case 'levers':
      return [['rank', 'component', 'lever_sum', 'accounts_included'], ...overview.levers.map((l, i) => [i + 1, COMPONENT_NAMES[l.slug], l.leverSum, l.included])];
    case 'trend-month':
    case 'trend-quarter': {
      const points = dataset === 'trend-month' ? overview.trend.month : overview.trend.quarter;
      return [['period', 'start', 'accounts', 'mean_score'], ...points.map((p) => [p.period, p.start.toISOString(), p.accounts, p.meanScore])];
    }
    default:
      return [
        ['metric', 'value'],
        ['accounts', overview.accounts],
        ['assessed', overview.assessed],
        ['never_assessed', overview.neverAssessed],
        ['stale', overview.stale],
        ['mean_score', overview.meanScore],
        ['arr_weighted_score', overview.arrWeightedScore],
        ['total_arr', overview.totalArr],
        ...overview.renewalWindows.map((w) => [`renewals_at_risk_${w.days}d`, w.accounts]),
        ...overview.renewalWindows.map((w) => [`renewals_at_risk_${w.days}d_arr`, w.arr]),
        ...overview.renewalWindows.flatMap((w) => [[`renewals_at_risk_${w.days}d_band_at_risk`, w.atRisk], [`renewals_at_risk_${w.days}d_band_critical`, w.critical]]),
      ];
  }
}
