import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { COMPONENT_SLUGS } from '@/lib/framework';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import { HEATMAP_ACCOUNT_ROW_LIMIT, type HeatmapRow, type PortfolioHeatmap } from '@/lib/portfolio/get-portfolio-heatmap';
import {
  HEATMAP_DIMENSIONS,
  hasPortfolioFilters,
  portfolioHref,
  type HeatmapDimension,
  type HeatmapParams,
  type HeatmapSort,
  type PortfolioFilters,
} from '@/lib/portfolio/portfolio-filters';
import { ChartCard, tableClasses, thClasses } from './chart-card';
import { formatPoints, formatSigned } from './format';
import { PortfolioEmpty } from './portfolio-empty';

const DIMENSION_LABELS: Record<HeatmapDimension, string> = { segment: 'Segment', owner: 'CSM', stage: 'Journey stage', account: 'Account' };

/** Colour of a cell from its gap to target; the value is always printed too, so colour is never the only cue. */
function gapClasses(gap: number | null): string {
  if (gap === null) return 'bg-surface text-ink-subtle';
  if (gap <= 0) return 'bg-band-desired-soft text-band-desired-ink';
  if (gap < 15) return 'bg-band-engaged-soft text-band-engaged-ink';
  if (gap < 30) return 'bg-band-at-risk-soft text-band-at-risk-ink';
  return 'bg-band-critical-soft text-band-critical-ink';
}

export function HeatmapView({ slug, heatmap, filters, params }: { slug: string; heatmap: PortfolioHeatmap; filters: PortfolioFilters; params: HeatmapParams }) {
  const base = `/o/${slug}/portfolio/heatmap`;
  const href = (overrides: Partial<HeatmapParams>) => portfolioHref(base, filters, { ...params, ...overrides });
  const sortHref = (sort: HeatmapSort) => href({ sort, dir: params.sort === sort && params.dir === 'asc' ? 'desc' : 'asc' });
  const ariaSort = (sort: HeatmapSort) => (params.sort === sort ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  /** The accounts behind a cell: the same filters narrowed to the row, on the drill-down list, sorted by that component's gap. */
  const cellHref = (row: HeatmapRow, component?: string) => {
    if (params.by === 'account') return portfolioHref(`/o/${slug}/accounts`, {}, { q: row.label });
    return portfolioHref(`/o/${slug}/portfolio/accounts`, { ...filters, [params.by]: row.key ?? 'none' }, { component });
  };

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Heatmap rows" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-ink-muted">Rows:</span>
        {HEATMAP_DIMENSIONS.map((by) => (
          <Link
            key={by}
            href={href({ by })}
            aria-current={params.by === by ? 'page' : undefined}
            className={cn('rounded-full border px-3 py-1', params.by === by ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-line-strong text-ink-muted hover:text-ink')}
          >
            {DIMENSION_LABELS[by]}
          </Link>
        ))}
      </nav>
      {heatmap.rows.length === 0 || heatmap.rows.every((row) => row.assessed === 0) ? (
        <PortfolioEmpty slug={slug} filtered={hasPortfolioFilters(filters)} />
      ) : (
        <ChartCard
          title={`Components by ${DIMENSION_LABELS[params.by].toLowerCase()}`}
          description={
            <>
              Each cell: the mean component score of the row&apos;s accounts and, below it, the gap to target (target − mean; group rows use the mean
              target of the same accounts). Colour follows the gap: at target, under 15, under 30, 30 or more points short. Click a cell for the accounts behind it.
              {params.by === 'account' && heatmap.totalRows > HEATMAP_ACCOUNT_ROW_LIMIT ? ` Showing ${HEATMAP_ACCOUNT_ROW_LIMIT} of ${heatmap.totalRows} accounts.` : ''}
            </>
          }
          csvHref={portfolioHref(`/api/o/${slug}/portfolio/export`, filters, { dataset: 'heatmap', ...params })}
          table={
            <table className={tableClasses}>
              <caption className="sr-only">Mean component score and gap to target per {DIMENSION_LABELS[params.by].toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClasses} aria-sort={ariaSort('label')}><Link href={sortHref('label')}>{DIMENSION_LABELS[params.by]}</Link></th>
                  <th scope="col" className={thClasses} aria-sort={ariaSort('accounts')}><Link href={sortHref('accounts')}>Accounts</Link></th>
                  <th scope="col" className={thClasses} aria-sort={ariaSort('score')}><Link href={sortHref('score')}>Score</Link></th>
                  {COMPONENT_SLUGS.map((slugName) => (
                    <th key={slugName} scope="col" className={thClasses} aria-sort={ariaSort(slugName)}>
                      <Link href={sortHref(slugName)}>{COMPONENT_NAMES[slugName]}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {heatmap.rows.map((row) => (
                  <tr key={row.key ?? 'none'}>
                    <th scope="row" className="border-b border-line px-2 py-1.5 text-left font-medium">
                      <Link href={cellHref(row)} className="text-brand-700 hover:underline">{row.label}</Link>
                    </th>
                    <td className="border-b border-line px-2 py-1.5 tabular-nums">{row.accounts}</td>
                    <td className="border-b border-line px-2 py-1.5 tabular-nums">{formatPoints(row.meanScore)}</td>
                    {row.cells.map((cell) => (
                      <td key={cell.slug} className="border-b border-line p-0.5">
                        <Link
                          href={cellHref(row, cell.slug)}
                          aria-label={`${row.label}, ${COMPONENT_NAMES[cell.slug]}: mean ${formatPoints(cell.meanCurrent)}, gap ${formatSigned(cell.gap)} (${cell.included} accounts)`}
                          className={cn('block rounded px-2 py-1 text-center tabular-nums hover:ring-2 hover:ring-brand-500', gapClasses(cell.gap))}
                        >
                          <span className="block font-medium">{formatPoints(cell.meanCurrent)}</span>
                          <span className="block text-xs">{cell.gap === null ? '' : formatSigned(-cell.gap)}</span>
                        </Link>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </div>
  );
}
