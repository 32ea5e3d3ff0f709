import Link from '@/components/ui/link';
import { cn } from '@/components/ui/cn';
import { accountListSearch, DEFAULT_DIRECTION, type AccountListParams, type AccountSort } from '@/lib/accounts/account-list-params';
import type { AccountListRow } from '@/lib/accounts/list-accounts';
import { AccountListRows } from './account-list-rows';
import { formatArr, formatDay } from './format';

type Column = { label: string; sort?: AccountSort; align?: 'right' };
const COLUMNS: Column[] = [
  { label: 'Account', sort: 'name' },
  { label: 'Segment' },
  { label: 'Owner' },
  { label: 'Stage' },
  { label: 'ARR', sort: 'arr', align: 'right' },
  { label: 'Renewal', sort: 'renewal' },
  { label: 'Score', sort: 'score', align: 'right' },
  { label: 'Gap', sort: 'gap', align: 'right' },
  { label: 'Band' },
  { label: 'Last assessed', sort: 'assessed' },
];

/** A sortable column header: a link to the same list sorted by it (first click uses its natural direction). */
function SortHeader({ column, params, basePath }: { column: Column; params: AccountListParams; basePath: string }) {
  const active = column.sort === params.sort;
  const ariaSort = active ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const align = column.align === 'right' ? 'text-right' : 'text-left';
  if (!column.sort) {
    return (
      <th scope="col" className={cn('px-3 py-3', align)}>
        {column.label}
      </th>
    );
  }
  const nextDir = active ? (params.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[column.sort];
  const href = `${basePath}${accountListSearch(params, { sort: column.sort, dir: nextDir, page: 1 })}`;
  return (
    <th scope="col" aria-sort={ariaSort} className={cn('px-3 py-3', align)}>
      <Link href={href} className={cn('inline-flex items-center gap-1 rounded hover:text-ink', active && 'text-ink')}>
        {column.label}
        <span aria-hidden="true" className="w-3 text-[10px]">
          {active ? (params.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
        <span className="sr-only">{active ? `, sorted ${ariaSort}` : ', sort'}</span>
      </Link>
    </th>
  );
}

/** The accounts of one list page: sortable headers and the rows (AccountListRows). Each account's name links to its page. */
export function AccountListTable({
  rows,
  params,
  basePath,
}: {
  rows: AccountListRow[];
  params: AccountListParams;
  /** /o/[slug]/accounts */
  basePath: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Accounts with their latest DSCE score; column headers sort the list</caption>
        <thead className="bg-canvas text-xs font-semibold tracking-wide text-ink-muted uppercase">
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.label} column={column} params={params} basePath={basePath} />
            ))}
          </tr>
        </thead>
        <AccountListRows
          rows={rows.map((row) => ({
            id: row.id, name: row.name, externalId: row.externalId, segment: row.segment, segmentRetired: row.segmentRetired,
            owner: row.owner, stage: row.stage, stageRetired: row.stageRetired, arr: formatArr(row.arr), renewalDate: formatDay(row.renewalDate),
            score: row.score, gap: row.gap, band: row.band, lastAssessedAt: row.lastAssessedAt ? formatDay(row.lastAssessedAt) : null, stale: row.stale,
          }))}
          basePath={basePath}
        />
      </table>
    </div>
  );
}
