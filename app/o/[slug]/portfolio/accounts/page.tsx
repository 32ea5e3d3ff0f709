import type { Metadata } from 'next';
import { PortfolioAccountsView } from '@/components/portfolio/portfolio-accounts-view';
import { PortfolioFrame } from '@/components/portfolio/portfolio-frame';
import { drillDownParams, listPortfolioAccounts, parseDrillDownFocus } from '@/lib/portfolio/list-portfolio-accounts';
import { parsePageParam } from '@/lib/portfolio/portfolio-filters';
import { loadPortfolioPage } from '@/lib/portfolio/portfolio-page-context';

export const metadata: Metadata = { title: 'Portfolio accounts' };

/** The drill-down: the accounts behind a heatmap cell, a band, a lever, a CSM's book or a stale / never-assessed count. */
export default async function PortfolioAccountsPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await props.params;
  const searchParams = await props.searchParams;
  const focus = parseDrillDownFocus((name) => {
    const value = searchParams[name];
    return Array.isArray(value) ? value[0] : value;
  });
  const page = parsePageParam(searchParams);
  const { scope, filters, options, data } = await loadPortfolioPage(slug, searchParams, {
    name: 'accounts',
    params: { ...focus, page },
    compute: (tx, s, f) => listPortfolioAccounts(tx, s, f, focus, { page }),
  });
  return (
    <PortfolioFrame slug={slug} tab="accounts" filters={filters} options={options} ownOnly={scope.ownOnly} extra={drillDownParams(focus)}>
      <PortfolioAccountsView slug={slug} list={data} filters={filters} component={focus.component} assessment={focus.assessment} />
    </PortfolioFrame>
  );
}
