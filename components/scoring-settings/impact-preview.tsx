'use client';

import Link from '@/components/ui/link';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartTable } from '@/components/charts/chart-table';
import { BAND_LABELS, BandBadge } from '@/components/ui/band-badge';
import { formatScore } from '@/lib/scoring';
import type { NamedImpactAccount, ScoringImpactPreview } from '@/lib/scoring-config/preview-scoring-impact';

/** The largest rise or fall in points, or "none". */
function largestMove(preview: ScoringImpactPreview): string {
  const moves = [...preview.moversUp, ...preview.moversDown].map((a) => a.after.score - a.before.score);
  if (moves.length === 0) return 'none';
  return signed(moves.reduce((best, d) => (Math.abs(d) > Math.abs(best) ? d : best), 0));
}

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatScore(Math.abs(value))}`;

/** The preview of a proposed configuration: distribution before/after (chart + table), band moves, largest movers. */
export function ImpactPreview(props: {
  slug: string;
  preview: ScoringImpactPreview | null;
  state: 'idle' | 'loading' | 'error';
  error: string | null;
}) {
  const { slug, preview, state, error } = props;
  return (
    <div className="space-y-4 text-sm">
      <p role="status" aria-live="polite" className="text-xs text-ink-muted">
        {state === 'loading' ? 'Updating the preview…' : state === 'error' ? error : preview ? 'Preview up to date.' : ''}
      </p>
      {preview === null ? null : preview.accounts === 0 ? (
        <p className="text-ink-muted">No account has a submitted assessment yet, so no score would change.</p>
      ) : (
        <div className={state === 'idle' ? 'space-y-4' : 'space-y-4 opacity-60'}>
          <dl className="grid grid-cols-3 gap-3">
            <div>
              <dt className="text-xs text-ink-muted">Mean score</dt>
              <dd className="font-semibold tabular-nums text-ink" data-testid="preview-mean">
                {formatScore(preview.meanBefore ?? 0)} → {formatScore(preview.meanAfter ?? 0)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-muted">Accounts that change band</dt>
              <dd className="font-semibold tabular-nums text-ink" data-testid="preview-band-changes">
                {preview.bandChanges.toLocaleString('en')} of {preview.accounts.toLocaleString('en')}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-muted">Largest move</dt>
              <dd className="font-semibold tabular-nums text-ink">{largestMove(preview)}</dd>
            </div>
          </dl>

          <figure>
            <figcaption className="text-xs font-medium text-ink">Score distribution (accounts per 10 points)</figcaption>
            <div aria-hidden="true" className="mt-1 h-44 w-full">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={preview.buckets} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
                  <CartesianGrid stroke="var(--color-line)" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 10, fill: 'var(--color-ink-muted)' }} interval={0} />
                  <YAxis width={40} tick={{ fontSize: 10, fill: 'var(--color-ink-muted)' }} allowDecimals={false} />
                  <Legend wrapperStyle={{ fontSize: 11 }} />
                  <Bar dataKey="before" name="Now" fill="#94a3b8" isAnimationActive={false} />
                  <Bar dataKey="after" name="With these settings" fill="#4f46e5" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ChartTable caption="Accounts per score bucket, now and with these settings">
              <thead>
                <tr className="text-left text-ink-muted">
                  <th scope="col" className="pr-3">Score</th>
                  <th scope="col" className="pr-3 text-right">Now</th>
                  <th scope="col" className="pr-3 text-right">With these settings</th>
                </tr>
              </thead>
              <tbody>
                {preview.buckets.map((b) => (
                  <tr key={b.label}>
                    <th scope="row" className="pr-3 text-left font-normal">{b.label}</th>
                    <td className="pr-3 text-right tabular-nums">{b.before}</td>
                    <td className="pr-3 text-right tabular-nums">{b.after}</td>
                  </tr>
                ))}
              </tbody>
            </ChartTable>
          </figure>

          <table className="min-w-full text-xs">
            <caption className="mb-1 text-left text-xs font-medium text-ink">Accounts per band</caption>
            <thead>
              <tr className="text-left text-ink-muted">
                <th scope="col" className="py-1 pr-3 font-medium">Band</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Now</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">With these settings</th>
                <th scope="col" className="py-1 text-right font-medium">Change</th>
              </tr>
            </thead>
            <tbody>
              {preview.bands.map((b) => (
                <tr key={b.band} className="border-t border-line">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <BandBadge band={b.band} />
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{b.before.toLocaleString('en')}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{b.after.toLocaleString('en')}</td>
                  <td className="py-1 text-right tabular-nums">{b.after - b.before > 0 ? '+' : ''}{(b.after - b.before).toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <MoverTable slug={slug} caption="Largest rises" accounts={preview.moversUp} empty="No score would rise." />
          <MoverTable slug={slug} caption="Largest falls" accounts={preview.moversDown} empty="No score would fall." />
          {preview.bandChanges > 0 ? (
            <MoverTable
              slug={slug}
              caption={`Accounts that change band${preview.bandChanges > preview.bandChangers.length ? ` (largest ${preview.bandChangers.length} of ${preview.bandChanges})` : ''}`}
              accounts={preview.bandChangers}
              empty=""
            />
          ) : null}
        </div>
      )}
    </div>
  );
}

function MoverTable({ slug, caption, accounts, empty }: { slug: string; caption: string; accounts: NamedImpactAccount[]; empty: string }) {
  if (accounts.length === 0) return <p className="text-xs text-ink-muted">{empty}</p>;
  return (
    <table className="min-w-full text-xs">
      <caption className="mb-1 text-left text-xs font-medium text-ink">{caption}</caption>
      <thead>
        <tr className="text-left text-ink-muted">
          <th scope="col" className="py-1 pr-3 font-medium">Account</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">Score now → then</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">Change</th>
          <th scope="col" className="py-1 font-medium">Band</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.accountId} className="border-t border-line">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              <Link href={`/o/${slug}/accounts/${a.accountId}`} className="text-brand-700 hover:underline">
                {a.name}
              </Link>
            </th>
            <td className="py-1 pr-3 text-right tabular-nums">
              {formatScore(a.before.score)} → {formatScore(a.after.score)}
            </td>
            <td className="py-1 pr-3 text-right tabular-nums">{signed(a.after.score - a.before.score)}</td>
            <td className="py-1">
              {a.before.band === a.after.band ? BAND_LABELS[a.after.band] : `${BAND_LABELS[a.before.band]} → ${BAND_LABELS[a.after.band]}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
