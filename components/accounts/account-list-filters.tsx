import Link from '@/components/ui/link';
import { buttonClasses } from '@/components/ui/button';
import { BAND_LABELS } from '@/components/ui/band-badge';
import { ACCOUNT_BANDS, ACCOUNTS_PAGE_SIZE, DEFAULT_DIRECTION, RENEWAL_WINDOWS, type AccountListParams } from '@/lib/accounts/account-list-params';
import type { AccountOptions } from '@/lib/accounts/list-account-options';

const field = 'h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink';
const label = 'flex flex-col gap-1 text-xs font-medium text-ink-muted';

/**
 * The list's filters as a plain GET form: applying it writes the state into the URL (bookmarkable, works without
 * JavaScript); the sort is kept, the page goes back to 1.
 */
export function AccountListFilters({
  params,
  options,
  basePath,
}: {
  params: AccountListParams;
  options: Pick<AccountOptions, 'segments' | 'stages'>;
  basePath: string;
}) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter accounts" className="mb-4 flex flex-wrap items-end gap-3">
      <label className={label}>
        Search
        <input type="search" name="q" defaultValue={params.q ?? ''} placeholder="Name or external id" className={`${field} w-56`} />
      </label>
      <label className={label}>
        Owner
        <select name="owner" defaultValue={params.owner} className={field}>
          <option value="all">All accounts</option>
          <option value="mine">My accounts</option>
        </select>
      </label>
      <label className={label}>
        Segment
        <select name="segment" defaultValue={params.segment ?? ''} className={field}>
          <option value="">Any segment</option>
          {options.segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
              {segment.retired ? ' (retired)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Stage
        <select name="stage" defaultValue={params.stage ?? ''} className={field}>
          <option value="">Any stage</option>
          {options.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
              {stage.retired ? ' (retired)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Band
        <select name="band" defaultValue={params.band ?? ''} className={field}>
          <option value="">Any band</option>
          {ACCOUNT_BANDS.map((band) => (
            <option key={band} value={band}>
              {BAND_LABELS[band]}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Renewal
        <select name="renewal" defaultValue={params.renewal ? String(params.renewal) : ''} className={field}>
          <option value="">Any date</option>
          {RENEWAL_WINDOWS.map((days) => (
            <option key={days} value={days}>
              In the next {days} days
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Status
        <select name="status" defaultValue={params.status} className={field}>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
        </select>
      </label>
      <label className="flex h-9 items-center gap-2 text-sm text-ink">
        <input type="checkbox" name="stale" value="1" defaultChecked={params.stale} className="size-4" />
        Stale or never assessed
      </label>
      {params.sort !== 'name' ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir !== DEFAULT_DIRECTION[params.sort] ? <input type="hidden" name="dir" value={params.dir} /> : null}
      {params.size !== ACCOUNTS_PAGE_SIZE ? <input type="hidden" name="size" value={params.size} /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses({ size: 'sm', className: 'h-9' })}>
          Apply filters
        </button>
        <Link href={basePath} className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'h-9' })}>
          Reset
        </Link>
      </div>
    </form>
  );
}
