'use client';

import { BandBadge } from '@/components/ui/band-badge';
import type { Framework } from '@/lib/framework';
import { formatScore, type ScoreResult } from '@/lib/scoring';

/**
 * The sticky summary beside the form: live DSCE score, band, confidence, each component's current vs target and
 * the largest levers. Every figure sits in a fixed-size box with tabular numerals, so nothing moves as numbers
 * change. Screen readers hear a debounced summary from the form's live region, not every figure.
 */
export function LiveSummary({
  framework,
  result,
  answered,
  total,
  title = 'Live score',
}: {
  title?: string;
  framework: Framework;
  result: ScoreResult | null;
  answered: number;
  total: number;
}) {
  const levers = result
    ? framework.components
        .map((c) => ({ slug: c.slug, name: c.name, lever: result.components[c.slug]?.lever ?? 0 }))
        .filter((l) => l.lever > 0)
        .sort((a, b) => b.lever - a.lever)
        .slice(0, 3)
    : [];
  return (
    <div className="rounded-lg border border-line bg-surface p-4 shadow-xs">
      <h2 className="text-sm font-semibold text-ink">{title}</h2>
      <div className="mt-2 flex items-end gap-3">
        <p className="w-[4.5ch] text-4xl leading-none font-semibold text-ink tabular-nums" data-testid="live-score">
          {formatScore(result?.score)}
        </p>
        <div className="h-6 w-32">{result ? <BandBadge band={result.band} /> : null}</div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">Confidence</dt>
        <dd className="text-right font-medium tabular-nums">{formatScore(result?.confidence)}%</dd>
        <dt className="text-ink-muted">Answered</dt>
        <dd className="text-right font-medium tabular-nums">
          {answered} / {total}
        </dd>
      </dl>

      <h3 className="mt-4 text-xs font-semibold tracking-wide text-ink-muted uppercase">Current vs target</h3>
      <ul className="mt-2 space-y-1.5">
        {framework.components.map((c) => {
          const score = result?.components[c.slug] ?? null;
          return (
            <li key={c.slug} className="text-xs">
              <div className="flex justify-between gap-2">
                <span className="truncate text-ink">{c.name}</span>
                <span className="shrink-0 text-ink-muted tabular-nums">
                  {score ? `${formatScore(score.current)} / ${formatScore(score.target)}` : 'n/a'}
                </span>
              </div>
              <div aria-hidden="true" className="relative mt-0.5 h-1.5 rounded-full bg-hover">
                {score ? (
                  <>
                    <div className="absolute inset-y-0 left-0 rounded-full bg-brand-600" style={{ width: `${score.current}%` }} />
                    <div className="absolute -top-0.5 h-2.5 w-0.5 bg-ink" style={{ left: `calc(${score.target}% - 1px)` }} />
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>

      <h3 className="mt-4 text-xs font-semibold tracking-wide text-ink-muted uppercase">Largest levers</h3>
      <ol className="mt-2 h-16 space-y-1 text-xs">
        {levers.length === 0 ? (
          <li className="text-ink-muted">{result ? 'Every component is at its target.' : 'Answer questions to see levers.'}</li>
        ) : (
          levers.map((l) => (
            <li key={l.slug} className="flex justify-between gap-2">
              <span className="truncate">{l.name}</span>
              <span className="shrink-0 font-medium tabular-nums">+{formatScore(l.lever)} pts</span>
            </li>
          ))
        )}
      </ol>
    </div>
  );
}
