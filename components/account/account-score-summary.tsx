import { BandBadge } from '@/components/ui/band-badge';
import type { AccountOverview } from '@/lib/assessments/get-account-overview';
import { formatScore } from '@/lib/scoring';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Latest score, band, confidence, change since the previous assessment and staleness. */
export function AccountScoreSummary({ overview }: { overview: AccountOverview }) {
  const { latest } = overview;
  if (!latest) {
    return <p className="text-sm text-ink-muted">Not assessed yet. The first submitted assessment sets the score.</p>;
  }
  const delta = latest.trend?.score ?? null;
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
      <div>
        <dt className="text-xs font-medium text-ink-muted uppercase">DSCE score</dt>
        <dd className="mt-1 text-3xl font-semibold text-ink tabular-nums" data-testid="account-score">
          {formatScore(latest.score)}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-ink-muted uppercase">Band</dt>
        <dd className="mt-2">
          <BandBadge band={latest.band} />
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-ink-muted uppercase">Confidence</dt>
        <dd className="mt-1 text-xl font-medium tabular-nums">{formatScore(latest.confidence)}%</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-ink-muted uppercase">Since previous</dt>
        <dd className="mt-1 text-xl font-medium tabular-nums">
          {delta === null ? '—' : `${delta > 0 ? '+' : ''}${formatScore(delta)}`}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-ink-muted uppercase">Last assessed</dt>
        <dd className="mt-1 text-sm">
          <span className="tabular-nums">{day.format(latest.submittedAt)}</span>
          {latest.stale ? (
            <span className="mt-1 block font-medium text-band-at-risk">Stale — older than {overview.reviewIntervalDays} days</span>
          ) : (
            <span className="mt-1 block text-ink-muted">Within the {overview.reviewIntervalDays}-day review interval</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
