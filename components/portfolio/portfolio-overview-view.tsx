import { BAND_LABELS, BandBadge } from '@/components/ui/band-badge';
import { Card } from '@/components/ui/card';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import type { PortfolioOverview } from '@/lib/portfolio/get-portfolio-overview';
import { drillDownParams, type DrillDownFocus } from '@/lib/portfolio/list-portfolio-accounts';
import { PORTFOLIO_BANDS, hasPortfolioFilters, portfolioHref, renewalWindowLinks, type PortfolioFilters } from '@/lib/portfolio/portfolio-filters';
import { ChartCard, tableClasses, tdClasses, thClasses } from './chart-card';
import { formatCount, formatDay, formatDaysAhead, formatMoney, formatPoints, formatSigned } from './format';
import { BandChart, ComponentChart, LeverChart, TrendChart } from './portfolio-charts';
import { PortfolioEmpty } from './portfolio-empty';

const linkClasses = 'plink';

export function PortfolioOverviewView({ slug, overview, filters }: { slug: string; overview: PortfolioOverview; filters: PortfolioFilters }) {
  if (overview.assessed === 0) return <PortfolioEmpty slug={slug} filtered={hasPortfolioFilters(filters)} />;
  const csv = (dataset: string) => portfolioHref(`/api/o/${slug}/portfolio/export`, filters, { dataset });
  const drill = (overrides: Partial<PortfolioFilters>, focus: DrillDownFocus = {}) =>
    portfolioHref(`/o/${slug}/portfolio/accounts`, { ...filters, ...overrides }, drillDownParams(focus));
  const account = (accountId: string) => `/o/${slug}/accounts/${accountId}`;
  const renewalWindows = renewalWindowLinks(overview.renewalWindows, filters);
  // Drill-down links are plain <a> (no next/link client reference, props and viewport prefetch per link).
  const bands = PORTFOLIO_BANDS.map((band) => ({ band, label: BAND_LABELS[band], accounts: overview.bandCounts[band], arr: overview.arrByBand[band] }));
  const components = overview.components.map((c) => ({ ...c, name: COMPONENT_NAMES[c.slug] }));
  // The charts are client components: their props go into the RSC payload, so they get only the fields they draw.
  const componentBars = components.map((c) => ({ name: c.name, meanCurrent: c.meanCurrent, meanGap: c.meanGap }));

  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Kpi label="Portfolio score (mean)" value={formatPoints(overview.meanScore)} href={csv('summary')} />
        <Kpi label="ARR-weighted score" value={formatPoints(overview.arrWeightedScore)} />
        <Kpi label="Accounts assessed" value={`${formatCount(overview.assessed)} of ${formatCount(overview.accounts)}`} />
        <Kpi label="Never assessed" value={formatCount(overview.neverAssessed)} list={overview.neverAssessed > 0 ? drill({}, { assessment: 'never' }) : undefined} />
        <Kpi label="Stale assessments" value={formatCount(overview.stale)} list={overview.stale > 0 ? drill({}, { assessment: 'stale' }) : undefined} />
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        {(['month', 'quarter'] as const).map((period) => (
          <ChartCard
            key={period}
            title={`Score by ${period}`}
            description="Mean of each account's latest score in the period (last 8 quarters)."
            csvHref={csv(`trend-${period}`)}
            chart={<TrendChart points={overview.trend[period]} />}
            table={
              <table className={tableClasses}>
                <thead><tr><th className={thClasses}>Period</th><th className={thClasses}>Accounts</th><th className={thClasses}>Mean score</th></tr></thead>
                <tbody>
                  {overview.trend[period].map((p) => (
                    <tr key={p.period}><td className={tdClasses}>{p.period}</td><td className={tdClasses}>{formatCount(p.accounts)}</td><td className={tdClasses}>{formatPoints(p.meanScore)}</td></tr>
                  ))}
                </tbody>
              </table>
            }
          />
        ))}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title="Accounts and ARR by band"
          description="Bands from each latest score with today's thresholds."
          csvHref={csv('bands')}
          chart={<BandChart bands={bands} />}
          table={
            <table className={tableClasses}>
              <thead><tr><th className={thClasses}>Band</th><th className={thClasses}>Accounts</th><th className={thClasses}>ARR</th></tr></thead>
              <tbody>
                {bands.map((b) => (
                  <tr key={b.band}>
                    <td className={tdClasses}><a href={drill({ band: b.band })} className={linkClasses}>{b.label}</a></td>
                    <td className={tdClasses}>{formatCount(b.accounts)}</td>
                    <td className={tdClasses}>{formatMoney(b.arr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartCard
          title="Portfolio levers"
          description="Score points the book would gain if each component reached its target, summed over accounts. Fix the top one first."
          csvHref={csv('levers')}
          chart={<LeverChart levers={overview.levers.map((l) => ({ name: COMPONENT_NAMES[l.slug], leverSum: l.leverSum }))} />}
          table={
            <table className={tableClasses}>
              <thead><tr><th className={thClasses}>Rank</th><th className={thClasses}>Component</th><th className={thClasses}>Points (summed)</th></tr></thead>
              <tbody>
                {overview.levers.map((l, i) => (
                  <tr key={l.slug}>
                    <td className={tdClasses}>{i + 1}</td>
                    <td className={tdClasses}><a href={drill({}, { component: l.slug })} className={linkClasses}>{COMPONENT_NAMES[l.slug]}</a></td>
                    <td className={tdClasses}>{formatPoints(l.leverSum)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>

      <ChartCard
        title="Components: current vs target"
        description="Mean component score and mean gap to target over assessed accounts (a component marked not applicable is left out)."
        csvHref={csv('components')}
        chart={<ComponentChart components={componentBars} />}
        table={
          <table className={tableClasses}>
            <thead><tr><th className={thClasses}>Component</th><th className={thClasses}>Mean current</th><th className={thClasses}>Mean gap</th><th className={thClasses}>Lever (summed)</th><th className={thClasses}>Accounts</th></tr></thead>
            <tbody>
              {components.map((c) => (
                <tr key={c.slug}>
                  <td className={tdClasses}><a href={drill({}, { component: c.slug })} className={linkClasses}>{c.name}</a></td>
                  <td className={tdClasses}>{formatPoints(c.meanCurrent)}</td>
                  <td className={tdClasses}>{formatPoints(c.meanGap)}</td>
                  <td className={tdClasses}>{formatPoints(c.leverSum)}</td>
                  <td className={tdClasses}>{formatCount(c.included)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title="Renewals at risk"
          description="At-risk or critical accounts renewing soon."
          csvHref={csv('renewals')}
          table={
            <>
              {/* Each count links to exactly its accounts: the drill-down lists one band of one window. None under
                  a band filter that leaves no band at risk (engaged, desired state). */}
              {renewalWindows[0]?.links.length ? <ul className="mb-3 flex flex-col gap-1 text-sm">
                {renewalWindows.map((w) => (
                  <li key={w.days}>
                    <span className="font-medium text-ink">{formatCount(w.accounts)} in {w.days} days</span>{' '}
                    <span className="text-ink-muted">({formatMoney(w.arr)})</span>
                    {w.links.map(({ band, accounts }, i) => (
                      <span key={band}>
                        {i === 0 ? ': ' : ', '}
                        <a href={drill({ renewal: w.days, band })} className={linkClasses}>{formatCount(accounts)} {BAND_LABELS[band].toLowerCase()}</a>
                      </span>
                    ))}
                  </li>
                ))}
              </ul> : null}
              {overview.renewals.length === 0 ? (
                <p className="text-sm text-ink-muted">No at-risk or critical account renews in the next 90 days.</p>
              ) : (
                <table className={tableClasses}>
                  <thead><tr><th className={thClasses}>Account</th><th className={thClasses}>Renews</th><th className={thClasses}>Band</th><th className={thClasses}>Score</th><th className={thClasses}>ARR</th></tr></thead>
                  <tbody>
                    {overview.renewals.map((r) => (
                      <tr key={r.accountId}>
                        <td className={tdClasses}><a href={account(r.accountId)} className={linkClasses}>{r.name}</a><div className="text-xs text-ink-muted">{r.owner ?? 'Unassigned'}</div></td>
                        <td className={tdClasses}>{formatDay(r.renewalDate)}<div className="text-xs text-ink-muted">{formatDaysAhead(r.daysToRenewal)}</div></td>
                        <td className={tdClasses}><BandBadge band={r.band} /></td>
                        <td className={tdClasses}>{formatPoints(r.score)}</td>
                        <td className={tdClasses}>{formatMoney(r.arr)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          }
        />
        <ChartCard
          title="Biggest movers"
          description="Latest score against each account's previous assessment."
          csvHref={csv('movers')}
          table={
            <table className={tableClasses}>
              <thead><tr><th className={thClasses}>Account</th><th className={thClasses}>Previous</th><th className={thClasses}>Latest</th><th className={thClasses}>Change</th></tr></thead>
              <tbody>
                {[...overview.movers.up, ...overview.movers.down].map((m) => (
                  <tr key={m.accountId}>
                    <td className={tdClasses}><a href={account(m.accountId)} className={linkClasses}>{m.name}</a></td>
                    <td className={tdClasses}>{formatPoints(m.previous)}</td>
                    <td className={tdClasses}>{formatPoints(m.latest)}</td>
                    <td className={`${tdClasses} font-medium ${m.delta > 0 ? 'text-band-desired-ink' : 'text-band-critical-ink'}`}>{formatSigned(m.delta)}</td>
                  </tr>
                ))}
                {overview.movers.up.length + overview.movers.down.length === 0 ? (
                  <tr><td className={tdClasses} colSpan={4}>No account has been reassessed yet.</td></tr>
                ) : null}
              </tbody>
            </table>
          }
        />
      </div>
    </div>
  );
}

function Kpi({ label, value, href, list }: { label: string; value: string; href?: string; list?: string }) {
  return (
    <Card className="px-4 py-3">
      <dt className="text-xs font-medium text-ink-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-ink">{value}</dd>
      {href ? <a href={href} download className="text-xs text-brand-700 hover:underline">Export summary CSV</a> : null}
      {list ? <a href={list} className="text-xs text-brand-700 hover:underline" aria-label={`List the accounts: ${label.toLowerCase()}`}>List the accounts</a> : null}
    </Card>
  );
}
