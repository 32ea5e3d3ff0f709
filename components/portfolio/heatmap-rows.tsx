'use client';

import { portfolioHref, type HeatmapDimension, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { formatPoints, formatSigned } from './format';

/** One heatmap row as the server sends it: figures only, each cell `[mean current, gap, accounts included]`. */
export interface HeatmapRowData {
  key: string | null;
  label: string;
  accounts: number;
  meanScore: number | null;
  cells: [meanCurrent: number | null, gap: number | null, included: number][];
}

/**
 * Colour of a cell from its gap to target (one class each, `.heatmap-rows a.g…` in app/globals.css); the value is
 * always printed too, so colour is never the only cue.
 */
function gapClass(gap: number | null): string {
  if (gap === null) return 'gn';
  if (gap <= 0) return 'g0';
  if (gap < 15) return 'g1';
  if (gap < 30) return 'g2';
  return 'g3';
}

/**
 * The heatmap's rows. A client component only so that the RSC payload carries each row's figures (~0.4 kB)
 * instead of its rendered tree of some 30 elements with their labels (~2.6 kB, on top of the same again as HTML):
 * on the account heatmap that payload was most of the page's bytes and of its server render time. The server still
 * renders the HTML. Rows and cells are plain elements styled by `.heatmap-rows`, links plain `<a>` relative to the
 * heatmap's URL (`/o/<slug>/portfolio/heatmap`): `accounts?…` is the drill-down, `../accounts?…` the accounts list.
 */
export function HeatmapRows({
  rows,
  by,
  filters,
  components,
}: {
  rows: HeatmapRowData[];
  by: HeatmapDimension;
  filters: PortfolioFilters;
  /** The components in cell order: slug and display name. */
  components: { slug: string; name: string }[];
}) {
  /** The accounts behind a cell: the same filters narrowed to the row, on the drill-down list, sorted by that component's gap. */
  const rowHref = (row: HeatmapRowData) =>
    by === 'account' ? portfolioHref('../accounts', {}, { q: row.label }) : portfolioHref('accounts', { ...filters, [by]: row.key ?? 'none' });
  const cellHref = (rowLink: string, component: string) =>
    by === 'account' ? rowLink : `${rowLink}${rowLink.includes('?') ? '&' : '?'}component=${component}`;
  return (
    <tbody className="heatmap-rows">
      {rows.map((row) => {
        const rowLink = rowHref(row);
        return (
          <tr key={row.key ?? 'none'}>
            <th scope="row"><a href={rowLink}>{row.label}</a></th>
            <td className="n">{row.accounts}</td>
            <td className="n">{formatPoints(row.meanScore)}</td>
            {row.cells.map(([meanCurrent, gap, included], c) => (
              <td key={components[c]!.slug}>
                <a
                  href={cellHref(rowLink, components[c]!.slug)}
                  aria-label={`${row.label}, ${components[c]!.name}: mean ${formatPoints(meanCurrent)}, gap ${formatSigned(gap)} (${included} accounts)`}
                  className={gapClass(gap)}
                >
                  <span>{formatPoints(meanCurrent)}</span>
                  <span>{gap === null ? '' : formatSigned(-gap)}</span>
                </a>
              </td>
            ))}
          </tr>
        );
      })}
    </tbody>
  );
}
