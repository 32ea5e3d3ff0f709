import Link from '@/components/ui/link';
import { buttonClasses } from '@/components/ui/button';
import { ACCOUNT_PAGE_SIZES, accountListSearch, type AccountListParams } from '@/lib/accounts/account-list-params';

/**
 * "Showing 26–50 of 1,234" with previous / next links and the rows-per-page choice; each link is the same list
 * state on another page (a new page size keeps the first row of this page in view).
 */
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
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-4 text-sm text-ink-muted">
      <p aria-live="polite">
        Showing {from.toLocaleString('en')}–{to.toLocaleString('en')} of {total.toLocaleString('en')} · page {page} of {pageCount}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <p className="flex items-center gap-1">
          <span id="rows-per-page">Rows per page</span>
          {ACCOUNT_PAGE_SIZES.map((size) =>
            size === pageSize ? (
              <span key={size} aria-current="true" className="rounded-md bg-hover px-2 py-1 font-semibold text-ink">
                {size}
              </span>
            ) : (
              <Link
                key={size}
                aria-describedby="rows-per-page"
                href={`${basePath}${accountListSearch(params, { size, page: Math.floor(((page - 1) * pageSize) / size) + 1 })}`}
                className="rounded-md px-2 py-1 text-brand-700 hover:bg-hover hover:underline"
              >
                {size}
              </Link>
            ),
          )}
        </p>
        <div className="flex gap-2">
          {link(page - 1, 'Previous', 'prev')}
          {link(page + 1, 'Next', 'next')}
        </div>
      </div>
    </nav>
  );
}
