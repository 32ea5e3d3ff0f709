import type { SegmentRow, StageRow } from '@/lib/taxonomy/list-taxonomy';
import type { TaxonomyKind } from '@/lib/taxonomy/taxonomy-input';
import { TaxonomyEntryActions } from './taxonomy-entry-actions';

/** Segments (with tier) or journey stages (in order) with how many accounts use each, and their controls. */
export function TaxonomyTable({ slug, kind, rows }: { slug: string; kind: TaxonomyKind; rows: (SegmentRow | StageRow)[] }) {
  const label = kind === 'segment' ? 'Segments' : 'Journey stages';
  if (rows.length === 0) return <p className="px-5 py-4 text-sm text-ink-muted">None yet. Add the first one below.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-line text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">
              {kind === 'segment' ? 'Tier' : 'Order'}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Accounts
            </th>
            <th scope="col" className="px-5 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row, index) => (
            <tr key={row.id} className="align-top">
              <td className="px-5 py-3 tabular-nums text-ink-muted">{'tier' in row ? row.tier : row.position}</td>
              <th scope="row" className="px-3 py-3 font-medium text-ink">
                {row.name}
                {row.retired ? (
                  <span className="ml-2 rounded-sm border border-line-strong bg-hover px-1.5 py-0.5 text-xs font-normal text-ink-muted">
                    retired
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-3 text-right tabular-nums text-ink-muted">{row.accounts.toLocaleString('en')}</td>
              <td className="px-5 py-3">
                <TaxonomyEntryActions
                  slug={slug}
                  kind={kind}
                  entry={{ id: row.id, name: row.name, version: row.version, retired: row.retired, ...('tier' in row ? { tier: row.tier } : {}) }}
                  move={kind === 'stage' ? { up: index > 0, down: index < rows.length - 1 } : undefined}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
