'use client';

import { BandBadge } from '@/components/ui/band-badge';
import type { AccountListRow } from '@/lib/accounts/list-accounts';
import { formatScore } from '@/lib/scoring/format';

/**
 * What a row shows. Money and dates arrive formatted by the server: Intl's output differs between ICU versions
 * ("Sep" / "Sept"), and the browser's must not disagree with the server's HTML when the rows hydrate.
 */
export type AccountListRowData = Omit<AccountListRow, 'ownerEmail' | 'archivedAt' | 'arr' | 'renewalDate' | 'lastAssessedAt'> & {
  arr: string;
  renewalDate: string;
  /** null: never assessed. */
  lastAssessedAt: string | null;
};

/**
 * The rows of one list page. A client component only so that the RSC payload carries each row's fields instead of
 * its rendered tree as well as the HTML (the server still renders the HTML): the list is the most requested page,
 * and that tree was half of its payload. Cell styles come from `.account-rows` (app/globals.css): one rule each
 * instead of a class list per cell. Plain <a> links: a next/link per row would add a client component per row.
 * Display rounding only.
 */
export function AccountListRows({ rows, basePath }: { rows: AccountListRowData[]; basePath: string }) {
  return (
    <tbody className="account-rows divide-y divide-line">
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row">
            <a href={`${basePath}/${row.id}`}>{row.name}</a>
            {row.externalId ? <span>{row.externalId}</span> : null}
          </th>
          <td>
            {row.segment ?? '—'}
            {row.segmentRetired ? <RetiredMark /> : null}
          </td>
          <td>{row.owner ?? 'Unassigned'}</td>
          <td>
            {row.stage ?? '—'}
            {row.stageRetired ? <RetiredMark /> : null}
          </td>
          <td className="num">{row.arr}</td>
          <td className="date">{row.renewalDate}</td>
          <td className="score">{formatScore(row.score)}</td>
          <td className="gap">{formatScore(row.gap)}</td>
          <td>{row.band ? <BandBadge band={row.band} /> : 'Not assessed'}</td>
          <td className="date">
            {row.lastAssessedAt ?? 'Never'}
            {row.stale ? <span className="stale">Stale</span> : null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/** A segment or stage the organisation has retired: the account keeps it, new assignments cannot choose it. */
function RetiredMark() {
  return <span className="retired">(retired)</span>;
}
