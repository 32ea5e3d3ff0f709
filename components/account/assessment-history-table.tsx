import Link from '@/components/ui/link';
import { BandBadge } from '@/components/ui/band-badge';
import type { AccountOverview } from '@/lib/assessments/get-account-overview';
import { formatScore } from '@/lib/scoring';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Submitted assessments, newest first: when, who, score, band, change; each opens read-only. */
export function AssessmentHistoryTable({ history, hrefFor }: { history: AccountOverview['history']; hrefFor: (assessmentId: string) => string }) {
  if (history.length === 0) return <p className="text-sm text-ink-muted">No submitted assessments yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Submitted assessments, newest first</caption>
        <thead className="text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className="py-2 pr-4">Submitted</th>
            <th scope="col" className="py-2 pr-4">By</th>
            <th scope="col" className="py-2 pr-4 text-right">Score</th>
            <th scope="col" className="py-2 pr-4 text-right">Change</th>
            <th scope="col" className="py-2 pr-4">Band</th>
            <th scope="col" className="py-2 pr-4 text-right">Confidence</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line" data-testid="history-body">
          {history.map((h) => (
            <tr key={h.assessmentId}>
              <th scope="row" className="py-2 pr-4 text-left font-medium whitespace-nowrap">
                <Link href={hrefFor(h.assessmentId)} className="text-brand-700 hover:underline">
                  {day.format(h.submittedAt)}
                </Link>
              </th>
              <td className="py-2 pr-4 text-ink-muted">{h.authorName}</td>
              <td className="py-2 pr-4 text-right font-semibold tabular-nums">{formatScore(h.score)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {h.delta === null ? '—' : `${h.delta > 0 ? '+' : ''}${formatScore(h.delta)}`}
              </td>
              <td className="py-2 pr-4">
                <BandBadge band={h.band} />
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatScore(h.confidence)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
