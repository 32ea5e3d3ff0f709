import type { Metadata } from 'next';
import { HeatmapView } from '@/components/portfolio/heatmap-view';
import { PortfolioFrame } from '@/components/portfolio/portfolio-frame';
import { getPortfolioHeatmap } from '@/lib/portfolio/get-portfolio-heatmap';
import { parsePageParam, parseHeatmapParams } from '@/lib/portfolio/portfolio-filters';
import { loadPortfolioPage } from '@/lib/portfolio/portfolio-page-context';

export const metadata: Metadata = { title: 'Portfolio heatmap' };

export default async function PortfolioHeatmapPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await props.params;
  const searchParams = await props.searchParams;
  const heatmapParams = parseHeatmapParams(searchParams);
  // Account rows come a page at a time; grouped rows have no pages. A filter change (the filter bar keeps only
  // `extra`) starts again at page 1.
  const page = heatmapParams.by === 'account' ? parsePageParam(searchParams) : 1;
  const { scope, filters, options, data } = await loadPortfolioPage(slug, searchParams, {
    name: 'heatmap',
    params: { ...heatmapParams, page },
    compute: (tx, s, f) => getPortfolioHeatmap(tx, s, f, heatmapParams, { page }),
  });
  return (
    <PortfolioFrame slug={slug} tab="heatmap" filters={filters} options={options} ownOnly={scope.ownOnly} extra={{ ...heatmapParams }}>
      <HeatmapView slug={slug} heatmap={data} filters={filters} params={heatmapParams} />
    </PortfolioFrame>
  );
}
