import type { Metadata } from 'next';
import { PortfolioAccountsView } from '@/components/portfolio/portfolio-accounts-view';
import { PortfolioFrame } from '@/components/portfolio/portfolio-frame';
import { isComponentSlug, listPortfolioAccounts } from '@/lib/portfolio/list-portfolio-accounts';
import { parsePageParam } from '@/lib/portfolio/portfolio-filters';
import { loadPortfolioPage } from '@/lib/portfolio/portfolio-page-context';

export const metadata: Metadata = { title: 'Portfolio accounts' };

/** The drill-down: the accounts behind a heatmap cell, a band, a lever or a CSM's book (same filters). */
export default async function PortfolioAccountsPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await props.params;
  const searchParams = await props.searchParams;
  const raw = Array.isArray(searchParams.component) ? searchParams.component[0] : searchParams.component;
  const component = isComponentSlug(raw) ? raw : null;
  const page = parsePageParam(searchParams);
  const { scope, filters, options, data } = await loadPortfolioPage(slug, searchParams, {
    name: 'accounts',
    params: { component, page },
    compute: (tx, s, f) => listPortfolioAccounts(tx, s, f, component, { page }),
  });
  return (
    <PortfolioFrame slug={slug} tab="accounts" filters={filters} options={options} ownOnly={scope.ownOnly} extra={{ component: component ?? undefined }}>
      <PortfolioAccountsView slug={slug} list={data} filters={filters} component={component} />
    </PortfolioFrame>
  );
}
