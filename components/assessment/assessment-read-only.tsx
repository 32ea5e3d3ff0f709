import type { AssessmentForm } from '@/lib/assessments/get-assessment-form';
import { allQuestionIds } from '@/lib/framework';
import { scoreAssessment, type ScoreResult } from '@/lib/scoring';
import { answerLabel } from './answer-labels';
import { LiveSummary } from './live-summary';

/**
 * A read-only assessment: a submitted one shows its stored result (never recomputed); a draft the viewer may not
 * edit shows the same preview the form would.
 */
export function AssessmentReadOnly({ form }: { form: AssessmentForm }) {
  const { framework, answers, notes } = form;
  let result: ScoreResult | null = form.result;
  if (!result) {
    try {
      result = scoreAssessment({ framework, answers, targets: form.targets, weights: form.weights, thresholds: form.thresholds });
    } catch {
      result = null;
    }
  }
  const total = allQuestionIds(framework).length;
  const answered = allQuestionIds(framework).filter((id) => answers[id] !== undefined).length;
  const numbers = new Map(allQuestionIds(framework).map((id, i) => [id, i + 1]));
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        {form.assessment.status === 'DRAFT' ? (
          <p className="rounded-md border border-line bg-canvas px-4 py-3 text-sm text-ink-muted">
            This is a draft you can read but not edit.
          </p>
        ) : null}
        {framework.components.map((component) => (
          <section key={component.slug} aria-labelledby={`component-${component.slug}`} className="rounded-lg border border-line bg-surface p-4 sm:p-5">
            <h2 id={`component-${component.slug}`} className="text-base font-semibold text-ink">
              {component.name}
            </h2>
            <dl className="mt-3 divide-y divide-line text-sm">
              {component.questions.map((question) => {
                const n = numbers.get(question.id);
                return (
                  <div key={question.id} className="grid gap-1 py-2 sm:grid-cols-[minmax(0,1fr)_9rem] sm:gap-4">
                    <dt className="text-ink">
                      <span className="mr-1 text-ink-muted tabular-nums">{n}.</span>
                      {question.text}
                    </dt>
                    <dd className="font-medium text-ink sm:text-right">{answerLabel(answers[question.id], framework.levels)}</dd>
                  </div>
                );
              })}
            </dl>
            <h3 className="mt-3 text-sm font-medium text-ink">Notes and evidence</h3>
            <p className="mt-1 text-sm whitespace-pre-wrap text-ink-muted">{notes[component.slug]?.trim() || 'No notes.'}</p>
          </section>
        ))}
      </div>
      <aside aria-label="Score" className="order-first lg:order-none">
        <div className="lg:sticky lg:top-4">
          <LiveSummary title={form.result ? 'Score' : 'Draft score (preview)'} framework={framework} result={result} answered={answered} total={total} />
        </div>
      </aside>
    </div>
  );
}
