import { BAND_LABELS } from '@/components/ui/band-badge';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import type { TeamMemberBook } from '@/lib/portfolio/get-team-view';
import { PORTFOLIO_BANDS, hasPortfolioFilters, portfolioHref, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { ChartCard, tableClasses, thClasses } from './chart-card';
import { formatMoney, formatPoints } from './format';
import { PortfolioEmpty } from './portfolio-empty';

/**
 * Each CSM's book side by side: size, ARR, score, band mix, staleness and the lever worth most. Rows are plain
 * elements styled by `.team-rows` (app/globals.css) with plain `<a>` links (no class list or `next/link` per cell),
 * relative to the team view's URL (`/o/<slug>/portfolio/team`): `accounts?…` is the drill-down.
 */
export function TeamView({ slug, team, filters }: { slug: string; team: TeamMemberBook[]; filters: PortfolioFilters }) {
  if (team.every((book) => book.assessed === 0)) return <PortfolioEmpty slug={slug} filtered={hasPortfolioFilters(filters)} />;
  const drill = (book: TeamMemberBook, overrides: Partial<PortfolioFilters> = {}, component?: string) =>
    portfolioHref('accounts', { ...filters, owner: book.ownerId ?? 'none', ...overrides }, { component });
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
          <tbody className="team-rows">
            {team.map((book) => (
              <tr key={book.ownerId ?? 'none'}>
                <th scope="row"><a href={drill(book)}>{book.name}</a></th>
                <td>{book.accounts}</td>
                <td>{formatMoney(book.arr)}</td>
                <td>{formatPoints(book.meanScore)}</td>
                <td>{formatPoints(book.arrWeightedScore)}</td>
                {PORTFOLIO_BANDS.map((band) => (
                  <td key={band}>
                    {book.bandCounts[band] > 0 ? <a href={drill(book, { band })}>{book.bandCounts[band]}</a> : 0}
                  </td>
                ))}
                <td>{book.stale}</td>
                <td>{book.neverAssessed}</td>
                <td>
                  {book.topLever ? (
                    <a href={drill(book, {}, book.topLever.slug)}>
                      {COMPONENT_NAMES[book.topLever.slug]} <span>(+{formatPoints(book.topLever.leverSum)})</span>
                    </a>
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
