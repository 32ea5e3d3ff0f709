import { BandBadge } from '@/components/ui/band-badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { ComponentSlug } from '@/lib/framework';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import { drillDownParams, type DrillDownAssessment, type PortfolioAccountList } from '@/lib/portfolio/list-portfolio-accounts';
import { portfolioHref, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { ChartCard, rowHeaderClasses, tableClasses, tdClasses, thClasses } from './chart-card';
import { formatDay, formatMoney, formatPoints } from './format';
import { PortfolioPager } from './portfolio-pager';

export function PortfolioAccountsView({
  slug,
  list,
  filters,
  component,
  assessment = null,
}: {
  slug: string;
  list: PortfolioAccountList;
  filters: PortfolioFilters;
  component: ComponentSlug | null;
  assessment?: DrillDownAssessment | null;
}) {
  if (list.total === 0) {
    return <EmptyState title="No accounts match these filters" body={<p>Widen or clear the filters above.</p>} />;
  }
  const name = component ? COMPONENT_NAMES[component] : null;
  const focus = drillDownParams({ component, assessment });
  const title = name
    ? `Accounts behind ${name}`
    : assessment === 'stale'
      ? 'Accounts with a stale assessment'
      : assessment === 'never'
        ? 'Accounts never assessed'
        : 'Accounts behind this figure';
  return (
    <ChartCard
      title={title}
      description={`${list.total.toLocaleString('en')} account${list.total === 1 ? '' : 's'}; ${name ? `largest ${name} gap first` : assessment === 'never' ? 'by name' : assessment === 'stale' ? 'lowest score first' : 'lowest score first, never assessed at the top'}.${list.total > list.pageSize ? ` ${list.pageSize} per page; the CSV has all of them.` : ''}`}
      csvHref={portfolioHref(`/api/o/${slug}/portfolio/export`, filters, { dataset: 'accounts', ...focus })}
      table={
        <>
          <table className={tableClasses}>
            <thead>
              <tr>
                <th scope="col" className={thClasses}>Account</th>
                <th scope="col" className={thClasses}>CSM</th>
                <th scope="col" className={thClasses}>Segment</th>
                <th scope="col" className={thClasses}>Stage</th>
                <th scope="col" className={thClasses}>ARR</th>
                <th scope="col" className={thClasses}>Renewal</th>
                <th scope="col" className={thClasses}>Score</th>
                <th scope="col" className={thClasses}>Band</th>
                {name ? <th scope="col" className={thClasses}>{name}: current / target</th> : null}
                <th scope="col" className={thClasses}>Assessed</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={rowHeaderClasses}>
                    <a href={`/o/${slug}/accounts/${row.id}`}>{row.name}</a>
                  </th>
                  <td className={tdClasses}>{row.owner ?? 'Unassigned'}</td>
                  <td className={tdClasses}>{row.segment ?? '—'}</td>
                  <td className={tdClasses}>{row.stage ?? '—'}</td>
                  <td className={tdClasses}>{formatMoney(row.arr)}</td>
                  <td className={tdClasses}>{formatDay(row.renewalDate)}</td>
                  <td className={tdClasses}>{formatPoints(row.score)}</td>
                  <td className={tdClasses}>{row.band ? <BandBadge band={row.band} /> : 'Never assessed'}</td>
                  {name ? (
                    <td className={tdClasses}>
                      {formatPoints(row.componentCurrent)} / {formatPoints(row.componentTarget)}
                    </td>
                  ) : null}
                  <td className={tdClasses}>
                    {formatDay(row.submittedAt)}
                    {row.stale ? <span className="ml-1 text-xs text-band-at-risk-ink">(stale)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.total > list.pageSize ? (
            <PortfolioPager
              label="Account pages"
              page={list.page}
              pageSize={list.pageSize}
              total={list.total}
              pageHref={(page) =>
                portfolioHref(`/o/${slug}/portfolio/accounts`, filters, { ...focus, page: page > 1 ? String(page) : undefined })
              }
            />
          ) : null}
        </>
      }
    />
  );
}
