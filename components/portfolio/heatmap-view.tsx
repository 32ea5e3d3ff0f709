import Link from '@/components/ui/link';
import { cn } from '@/components/ui/cn';
import { COMPONENT_SLUGS } from '@/lib/framework';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import { HEATMAP_ACCOUNT_PAGE_SIZE, type PortfolioHeatmap } from '@/lib/portfolio/get-portfolio-heatmap';
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
import { HeatmapRows } from './heatmap-rows';
import { PortfolioEmpty } from './portfolio-empty';
import { PortfolioPager } from './portfolio-pager';

const DIMENSION_LABELS: Record<HeatmapDimension, string> = { segment: 'Segment', owner: 'CSM', stage: 'Journey stage', account: 'Account' };

/**
 * The heatmap: row dimension switcher, sortable headers, the rows (HeatmapRows: figures in the RSC payload, the
 * markup rendered from them) and, for accounts, the pager.
 */
export function HeatmapView({ slug, heatmap, filters, params }: { slug: string; heatmap: PortfolioHeatmap; filters: PortfolioFilters; params: HeatmapParams }) {
  const base = `/o/${slug}/portfolio/heatmap`;
  const href = (overrides: Partial<HeatmapParams> & { page?: number }) => {
    const { page, ...rest } = overrides;
    return portfolioHref(base, filters, { ...params, ...rest, page: page && page > 1 ? String(page) : undefined });
  };
  const sortHref = (sort: HeatmapSort) => href({ sort, dir: params.sort === sort && params.dir === 'asc' ? 'desc' : 'asc' });
  const ariaSort = (sort: HeatmapSort) => (params.sort === sort ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const paged = params.by === 'account';

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
      {heatmap.rows.length === 0 || heatmap.assessedAccounts === 0 ? (
        <PortfolioEmpty slug={slug} filtered={hasPortfolioFilters(filters)} />
      ) : (
        <ChartCard
          title={`Components by ${DIMENSION_LABELS[params.by].toLowerCase()}`}
          description={
            <>
              Each cell: the mean component score of the row&apos;s accounts and, below it, the gap to target (target − mean; group rows use the mean
              target of the same accounts). Colour follows the gap: at target, under 15, under 30, 30 or more points short. Click a cell for the accounts behind it.
              {paged ? ` ${HEATMAP_ACCOUNT_PAGE_SIZE} accounts per page; the CSV has all ${heatmap.totalRows.toLocaleString('en')}.` : ''}
            </>
          }
          csvHref={portfolioHref(`/api/o/${slug}/portfolio/export`, filters, { dataset: 'heatmap', ...params })}
          table={
            <>
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
                <HeatmapRows
                  rows={heatmap.rows.map((row) => ({
                    key: row.key,
                    label: row.label,
                    accounts: row.accounts,
                    meanScore: row.meanScore,
                    cells: row.cells.map((cell) => [cell.meanCurrent, cell.gap, cell.included]),
                  }))}
                  by={params.by}
                  filters={filters}
                  components={heatmap.rows[0]!.cells.map((cell) => ({ slug: cell.slug, name: COMPONENT_NAMES[cell.slug] }))}
                />
              </table>
              {paged ? (
                <PortfolioPager label="Heatmap pages" page={heatmap.page} pageSize={HEATMAP_ACCOUNT_PAGE_SIZE} total={heatmap.totalRows} pageHref={(page) => href({ page })} />
              ) : null}
            </>
          }
        />
      )}
    </div>
  );
}
