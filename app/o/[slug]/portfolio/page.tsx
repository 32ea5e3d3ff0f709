import type { Metadata } from 'next';
import { PortfolioOverviewView } from '@/components/portfolio/portfolio-overview-view';
import { PortfolioFrame } from '@/components/portfolio/portfolio-frame';
import { getPortfolioOverview } from '@/lib/portfolio/get-portfolio-overview';
import { loadPortfolioPage } from '@/lib/portfolio/portfolio-page-context';

export const metadata: Metadata = { title: 'Portfolio' };

export default async function PortfolioOverviewPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await props.params;
  const { scope, filters, options, data } = await loadPortfolioPage(slug, await props.searchParams, {
    name: 'overview',
    compute: getPortfolioOverview,
  });
  return (
    <PortfolioFrame slug={slug} tab="overview" filters={filters} options={options} ownOnly={scope.ownOnly}>
      <PortfolioOverviewView slug={slug} overview={data} filters={filters} />
    </PortfolioFrame>
  );
}
