import type { Metadata } from 'next';
import { PortfolioFrame } from '@/components/portfolio/portfolio-frame';
import { TeamView } from '@/components/portfolio/team-view';
import { getTeamView } from '@/lib/portfolio/get-team-view';
import { loadPortfolioPage } from '@/lib/portfolio/portfolio-page-context';

export const metadata: Metadata = { title: 'Portfolio by CSM' };

export default async function PortfolioTeamPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await props.params;
  const { scope, filters, options, data } = await loadPortfolioPage(slug, await props.searchParams, { name: 'team', compute: getTeamView });
  return (
    <PortfolioFrame slug={slug} tab="team" filters={filters} options={options} ownOnly={scope.ownOnly}>
      <TeamView slug={slug} team={data} filters={filters} />
    </PortfolioFrame>
  );
}
