import Link from '@/components/ui/link';
import { buttonClasses } from '@/components/ui/button';

/**
 * "Showing 51–100 of 50,000 accounts · page 2 of 1,000" with first / previous / next / last links (the caller's
 * `pageHref` keeps its filters and sort).
 */
export function PortfolioPager({
  label,
  page,
  pageSize,
  total,
  pageHref,
}: {
  /** The navigation landmark's name ("Heatmap pages"). */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  pageHref: (page: number) => string;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const button = buttonClasses({ variant: 'secondary', size: 'sm' });
  const link = (target: number, text: string, rel?: 'prev' | 'next') =>
    target < 1 || target > pageCount || target === page ? (
      <span aria-disabled="true" className={button}>{text}</span>
    ) : (
      <Link rel={rel} href={pageHref(target)} className={button}>{text}</Link>
    );
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-4 text-sm text-ink-muted">
      <p aria-live="polite">
        Showing {from.toLocaleString('en')}–{to.toLocaleString('en')} of {total.toLocaleString('en')} accounts · page {page.toLocaleString('en')} of{' '}
        {pageCount.toLocaleString('en')}
      </p>
      <div className="flex gap-2">
        {link(1, 'First')}
        {link(page - 1, 'Previous', 'prev')}
        {link(page + 1, 'Next', 'next')}
        {link(pageCount, 'Last')}
      </div>
    </nav>
  );
}
