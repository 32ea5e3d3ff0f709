'use client';

import Link from '@/components/ui/link';
import { Button } from '@/components/ui/button';
import type { ServerDraft } from '@/lib/assessments/assessment-errors';
import type { Answers, Notes } from '@/lib/assessments/assessment-input';
import type { Framework } from '@/lib/framework';
import { differingNotes, differingQuestions } from './draft-storage';
import { answerLabel } from './answer-labels';

const excerpt = (text: string | undefined) => {
  const value = (text ?? '').trim();
  if (!value) return '(empty)';
  return value.length > 140 ? `${value.slice(0, 140)}…` : value;
};

/**
 * Shown when a save was rejected because the draft changed elsewhere: which answers and notes differ between
 * this device and the server, and a choice between keeping one's own (saved over the server's new version) or
 * taking the server's. Never a silent overwrite.
 */
export function ConflictPanel({
  framework,
  conflict,
  mine,
  onKeepMine,
  onTakeServer,
  accountHref,
}: {
  framework: Framework;
  conflict: { reason: 'stale' | 'submitted'; message: string; current: ServerDraft };
  mine: { answers: Answers; notes: Notes };
  onKeepMine: () => void;
  onTakeServer: () => void;
  accountHref: string;
}) {
  const questions = new Map(framework.components.flatMap((c) => c.questions.map((q) => [q.id, q.text] as const)));
  const componentNames = new Map(framework.components.map((c) => [c.slug, c.name] as const));
  const changedQuestions = differingQuestions(mine.answers, conflict.current.answers);
  const changedNotes = differingNotes(mine.notes, conflict.current.notes);
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="rounded-lg border border-band-critical-line bg-band-critical-soft p-4 text-sm text-band-critical-ink"
    >
      <h2 id="conflict-heading" className="text-base font-semibold">
        {conflict.reason === 'submitted' ? 'This assessment was submitted' : 'Your changes conflict with a newer version'}
      </h2>
      <p className="mt-1">{conflict.message}</p>
      {conflict.reason === 'submitted' ? (
        <p className="mt-3">
          <Link href={accountHref} className="font-medium text-brand-700 underline">
            Back to the account
          </Link>
        </p>
      ) : (
        <>
          {changedQuestions.length + changedNotes.length === 0 ? (
            <p className="mt-2">Both versions have the same answers and notes.</p>
          ) : (
            <div className="mt-3 overflow-x-auto rounded-md border border-band-critical-line bg-surface text-ink">
              <table className="min-w-full text-xs">
                <caption className="sr-only">Differences between your version and the saved version</caption>
                <thead className="bg-canvas text-left text-ink-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2">Question or note</th>
                    <th scope="col" className="px-3 py-2">Yours</th>
                    <th scope="col" className="px-3 py-2">Saved version</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {changedQuestions.map((id) => (
                    <tr key={id}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">{questions.get(id) ?? id}</th>
                      <td className="px-3 py-2 font-medium">{answerLabel(mine.answers[id], framework.levels)}</td>
                      <td className="px-3 py-2">{answerLabel(conflict.current.answers[id], framework.levels)}</td>
                    </tr>
                  ))}
                  {changedNotes.map((slug) => (
                    <tr key={slug}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">Note — {componentNames.get(slug) ?? slug}</th>
                      <td className="px-3 py-2 font-medium">{excerpt(mine.notes[slug])}</td>
                      <td className="px-3 py-2">{excerpt(conflict.current.notes[slug])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <Button size="sm" onClick={onKeepMine}>Keep mine and save</Button>
            <Button size="sm" variant="secondary" onClick={onTakeServer}>Take the saved version</Button>
          </div>
        </>
      )}
    </section>
  );
}
