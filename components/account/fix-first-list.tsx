import { answerLabel } from '@/components/assessment/answer-labels';
import type { AccountOverview } from '@/lib/assessments/get-account-overview';
import { DSCE_V1 } from '@/lib/framework';
import { formatScore } from '@/lib/scoring';

/** The largest levers (points the score gains if the component reached its target) and their weakest questions. */
export function FixFirstList({ items }: { items: AccountOverview['fixFirst'] }) {
  if (items.length === 0) return <p className="text-sm text-ink-muted">No gaps: every component is at its target.</p>;
  return (
    <ol className="space-y-4">
      {items.map((item, i) => (
        <li key={item.slug}>
          <div className="flex items-baseline justify-between gap-3">
            <h3 className="text-sm font-semibold text-ink">
              {i + 1}. {item.name}
            </h3>
            <span className="shrink-0 text-sm font-medium text-brand-700 tabular-nums">+{formatScore(item.lever)} pts</span>
          </div>
          <p className="text-xs text-ink-muted tabular-nums">
            Current {formatScore(item.current)} of target {formatScore(item.target)}
          </p>
          {item.lowestQuestions.length > 0 ? (
            <ul className="mt-1.5 space-y-1 text-sm">
              {item.lowestQuestions.map((q) => (
                <li key={q.id} className="flex gap-2">
                  <span className="w-24 shrink-0 text-xs font-medium text-ink-muted">{answerLabel(q.answer, DSCE_V1.levels)}</span>
                  <span className="text-ink">{q.text}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
