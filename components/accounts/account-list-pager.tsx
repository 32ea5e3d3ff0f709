import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { accountListSearch, type AccountListParams } from '@/lib/accounts/account-list-params';

/** "Showing 51–100 of 1,234" with previous / next links; each link is the same list state on another page. */
export function AccountListPager({
  params,
  page,
  pageCount,
  pageSize,
  total,
  basePath,
}: {
  params: AccountListParams;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  basePath: string;
}) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = (target: number, text: string, rel: 'prev' | 'next') =>
    target < 1 || target > pageCount ? (
      <span aria-disabled="true" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        {text}
      </span>
    ) : (
      <Link rel={rel} href={`${basePath}${accountListSearch(params, { page: target })}`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        {text}
      </Link>
    );
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm text-ink-muted">
      <p aria-live="polite">
        Showing {from.toLocaleString('en')}–{to.toLocaleString('en')} of {total.toLocaleString('en')} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {link(page - 1, 'Previous', 'prev')}
        {link(page + 1, 'Next', 'next')}
      </div>
    </nav>
  );
}
