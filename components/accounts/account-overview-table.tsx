import { BandBadge } from '@/components/ui/band-badge';
import type { AccountOverviewRow } from '@/lib/accounts/list-account-overview';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Read-only table of accounts with their latest score. Display rounding only. */
export function AccountOverviewTable({ rows }: { rows: AccountOverviewRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Accounts with their latest DSCE score</caption>
        <thead className="bg-canvas text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">Account</th>
            <th scope="col" className="px-4 py-3">Segment</th>
            <th scope="col" className="px-4 py-3">Owner</th>
            <th scope="col" className="px-4 py-3">Stage</th>
            <th scope="col" className="px-4 py-3 text-right">ARR</th>
            <th scope="col" className="px-4 py-3">Renewal</th>
            <th scope="col" className="px-4 py-3 text-right">Score</th>
            <th scope="col" className="px-4 py-3">Band</th>
            <th scope="col" className="px-4 py-3">Last assessed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-hover">
              <th scope="row" className="px-4 py-2.5 text-left font-medium text-ink">{row.name}</th>
              <td className="px-4 py-2.5 text-ink-muted">{row.segment ?? '—'}</td>
              <td className="px-4 py-2.5 text-ink-muted">{row.owner ?? 'Unassigned'}</td>
              <td className="px-4 py-2.5 text-ink-muted">{row.stage ?? '—'}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{row.arr === null ? '—' : money.format(row.arr)}</td>
              <td className="px-4 py-2.5 tabular-nums text-ink-muted">{row.renewalDate ? day.format(row.renewalDate) : '—'}</td>
              <td className="px-4 py-2.5 text-right font-semibold tabular-nums">{row.score === null ? '—' : row.score.toFixed(1)}</td>
              <td className="px-4 py-2.5">{row.band ? <BandBadge band={row.band} /> : <span className="text-ink-muted">Not assessed</span>}</td>
              <td className="px-4 py-2.5 tabular-nums text-ink-muted">{row.lastAssessedAt ? day.format(row.lastAssessedAt) : 'Never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
