import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import type { PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { PortfolioFilterBar, type FilterOptions } from './portfolio-filter-bar';
import { PortfolioTabs, type PortfolioTab } from './portfolio-tabs';

/** Header, view tabs and the shared filter bar of every portfolio page. */
export function PortfolioFrame({
  slug,
  tab,
  filters,
  options,
  ownOnly,
  extra,
  actions,
  children,
}: {
  slug: string;
  tab: PortfolioTab;
  filters: PortfolioFilters;
  options: FilterOptions;
  ownOnly: boolean;
  extra?: Record<string, string | undefined>;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title="Portfolio"
        description={
          ownOnly
            ? 'Your book of business against the desired state, and where to act first.'
            : 'How the whole book of business stands against the desired state, and where to act first.'
        }
        actions={actions}
      />
      <PortfolioTabs slug={slug} active={tab} filters={filters} />
      <PortfolioFilterBar filters={filters} options={options} extra={extra} />
      {children}
    </>
  );
}

export function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      {label}
    </a>
  );
}
