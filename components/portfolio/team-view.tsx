import Link from 'next/link';
import { BAND_LABELS } from '@/components/ui/band-badge';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import type { TeamMemberBook } from '@/lib/portfolio/get-team-view';
import { PORTFOLIO_BANDS, hasPortfolioFilters, portfolioHref, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { ChartCard, tableClasses, tdClasses, thClasses } from './chart-card';
import { formatMoney, formatPoints } from './format';
import { PortfolioEmpty } from './portfolio-empty';

/** Each CSM's book side by side: size, ARR, score, band mix, staleness and the lever worth most. */
export function TeamView({ slug, team, filters }: { slug: string; team: TeamMemberBook[]; filters: PortfolioFilters }) {
  if (team.every((book) => book.assessed === 0)) return <PortfolioEmpty slug={slug} filtered={hasPortfolioFilters(filters)} />;
  const drill = (book: TeamMemberBook, overrides: Partial<PortfolioFilters> = {}, component?: string) =>
    portfolioHref(`/o/${slug}/portfolio/accounts`, { ...filters, owner: book.ownerId ?? 'none', ...overrides }, { component });
  return (
    <ChartCard
      title="Books by CSM"
      description="Scores are means of each account's latest assessment; stale = older than the review interval."
      csvHref={portfolioHref(`/api/o/${slug}/portfolio/export`, filters, { dataset: 'team' })}
      table={
        <table className={tableClasses}>
          <thead>
            <tr>
              <th scope="col" className={thClasses}>CSM</th>
              <th scope="col" className={thClasses}>Accounts</th>
              <th scope="col" className={thClasses}>ARR</th>
              <th scope="col" className={thClasses}>Score</th>
              <th scope="col" className={thClasses}>ARR-weighted</th>
              {PORTFOLIO_BANDS.map((band) => (
                <th key={band} scope="col" className={thClasses}>{BAND_LABELS[band]}</th>
              ))}
              <th scope="col" className={thClasses}>Stale</th>
              <th scope="col" className={thClasses}>Never assessed</th>
              <th scope="col" className={thClasses}>Top lever</th>
            </tr>
          </thead>
          <tbody>
            {team.map((book) => (
              <tr key={book.ownerId ?? 'none'}>
                <th scope="row" className="border-b border-line px-2 py-1.5 text-left font-medium">
                  <Link href={drill(book)} className="text-brand-700 hover:underline">{book.name}</Link>
                </th>
                <td className={tdClasses}>{book.accounts}</td>
                <td className={tdClasses}>{formatMoney(book.arr)}</td>
                <td className={tdClasses}>{formatPoints(book.meanScore)}</td>
                <td className={tdClasses}>{formatPoints(book.arrWeightedScore)}</td>
                {PORTFOLIO_BANDS.map((band) => (
                  <td key={band} className={tdClasses}>
                    {book.bandCounts[band] > 0 ? <Link href={drill(book, { band })} className="hover:underline">{book.bandCounts[band]}</Link> : 0}
                  </td>
                ))}
                <td className={tdClasses}>{book.stale}</td>
                <td className={tdClasses}>{book.neverAssessed}</td>
                <td className={tdClasses}>
                  {book.topLever ? (
                    <Link href={drill(book, {}, book.topLever.slug)} className="hover:underline">
                      {COMPONENT_NAMES[book.topLever.slug]} <span className="text-ink-muted">(+{formatPoints(book.topLever.leverSum)})</span>
                    </Link>
                  ) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
