import Link from '@/components/ui/link';
import { cn } from '@/components/ui/cn';
import { portfolioHref, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';

export type PortfolioTab = 'overview' | 'heatmap' | 'team' | 'accounts';

const TABS: { tab: Exclude<PortfolioTab, 'accounts'>; label: string; path: string }[] = [
  { tab: 'overview', label: 'Overview', path: '' },
  { tab: 'heatmap', label: 'Heatmap', path: '/heatmap' },
  { tab: 'team', label: 'Team', path: '/team' },
];

/** The portfolio's views; switching keeps the filters. */
export function PortfolioTabs({ slug, active, filters }: { slug: string; active: PortfolioTab; filters: PortfolioFilters }) {
  return (
    <nav aria-label="Portfolio views" className="mb-4 flex gap-1 border-b border-line">
      {TABS.map(({ tab, label, path }) => (
        <Link
          key={tab}
          href={portfolioHref(`/o/${slug}/portfolio${path}`, filters)}
          aria-current={active === tab ? 'page' : undefined}
          className={cn(
            '-mb-px inline-flex h-9 items-center border-b-2 px-3 text-sm font-medium',
            active === tab ? 'border-brand-600 text-ink' : 'border-transparent text-ink-muted hover:text-ink',
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
