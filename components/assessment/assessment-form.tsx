'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  saveAssessmentDraftAction,
  submitAssessmentAction,
  type DraftWriteOutcome,
} from '@/app/o/[slug]/accounts/[accountId]/actions';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { ServerDraft } from '@/lib/assessments/assessment-errors';
import { MAX_NOTE_LENGTH, type Answers, type Notes } from '@/lib/assessments/assessment-input';
import { allQuestionIds, getFramework, type Answer, type ComponentSlug } from '@/lib/framework';
import { BAND_LABELS } from '@/components/ui/band-badge';
import { formatScore, scoreAssessment, type ScoreResult, type Thresholds } from '@/lib/scoring';
import { ConflictPanel } from './conflict-panel';
import { clearLocalDrafts, readLocalDraft, sameContent, writeLocalDraft } from './draft-storage';
import { ANSWER_DESCRIPTIONS, ANSWER_LABELS } from './answer-labels';
import { LevelPicker } from './level-picker';
import { LiveSummary } from './live-summary';

const AUTOSAVE_DELAY_MS = 1_500;
const ANNOUNCE_DELAY_MS = 1_000;
const OFFLINE_RETRY_MS = 5_000;

type SyncStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';
const STATUS_TEXT: Record<SyncStatus, string> = {
  saved: 'Saved',
  pending: 'Unsaved changes',
  saving: 'Saving…',
  offline: 'Offline — changes kept on this device',
  conflict: 'Conflict',
  error: 'Not saved',
};

export interface AssessmentFormProps {
  slug: string;
  accountId: string;
  accountName: string;
  assessmentId: string;
  frameworkVersion: string;
  initial: ServerDraft;
  targets: Partial<Record<ComponentSlug, number>>;
  weights: Partial<Record<ComponentSlug, number>>;
  thresholds: Thresholds;
}

interface Content {
  answers: Answers;
  notes: Notes;
}

interface Conflict {
  reason: 'stale' | 'submitted';
  message: string;
  current: ServerDraft;
}

/** Live preview: the same scoreAssessment the server stores on submit; null when nothing is scorable. */
function preview(props: AssessmentFormProps, answers: Answers): ScoreResult | null {
  try {
    return scoreAssessment({
      framework: getFramework(props.frameworkVersion),
      answers,
      targets: props.targets,
      weights: props.weights,
      thresholds: props.thresholds,
    });
  } catch {
    return null; // e.g. every component N/A: the score is undefined
  }
}

/**
 * The guided assessment: eight components, a level picker per guiding question, a note per component and a
 * live summary. Work is never lost: every change is kept in localStorage (per assessment and server version)
 * at once, autosaved after a pause and re-sent after a reload or when the connection returns. Saves carry the
 * version they were made against; a conflict shows what differs and lets the user choose.
 */
export function AssessmentForm(props: AssessmentFormProps) {
  const { slug, accountId, assessmentId } = props;
  const framework = getFramework(props.frameworkVersion);
  const router = useRouter();
  const questionIds = useMemo(() => allQuestionIds(framework), [framework]);

  const [content, setContent] = useState<Content>({ answers: props.initial.answers, notes: props.initial.notes });
  const [status, setStatus] = useState<SyncStatus>('saved');
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const contentRef = useRef(content);
  const versionRef = useRef(props.initial.version);
  const dirtyRef = useRef(false);
  const conflictRef = useRef<Conflict | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const showConflict = useCallback((next: Conflict | null) => {
    conflictRef.current = next;
    setConflict(next);
    if (next) setStatus('conflict');
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    if (inFlightRef.current) return inFlightRef.current;
    if (!dirtyRef.current || conflictRef.current) return;
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      setStatus('offline');
      return;
    }
    const sent = contentRef.current;
    const expectedVersion = versionRef.current;
    dirtyRef.current = false;
    setStatus('saving');
    let retryAfter: number | null = null;
    const work = (async () => {
      let outcome: Awaited<ReturnType<typeof saveAssessmentDraftAction>>;
      try {
        outcome = await saveAssessmentDraftAction(slug, { accountId, assessmentId, expectedVersion, ...sent });
      } catch {
        // Network failure: the changes stay on this device; try again shortly (and on the `online` event).
        dirtyRef.current = true;
        setStatus('offline');
        retryAfter = OFFLINE_RETRY_MS;
        return;
      }
      if (!outcome.ok) {
        dirtyRef.current = true;
        setErrorMessage(outcome.error.message);
        setStatus('error');
        if (outcome.error.code === 'INTERNAL') retryAfter = OFFLINE_RETRY_MS;
        return;
      }
      const data: DraftWriteOutcome<{ version: number }> = outcome.data;
      if (data.status === 'conflict') {
        dirtyRef.current = true;
        showConflict({ reason: data.reason, message: data.message, current: data.current });
        return;
      }
      versionRef.current = data.version;
      setErrorMessage(null);
      if (dirtyRef.current) {
        // Changed while the save was in flight: keep those changes against the new version and save again.
        writeLocalDraft(assessmentId, { ...contentRef.current, version: data.version });
        setStatus('pending');
        retryAfter = AUTOSAVE_DELAY_MS;
      } else {
        clearLocalDrafts(assessmentId);
        setStatus('saved');
      }
    })();
    inFlightRef.current = work;
    try {
      await work;
    } finally {
      inFlightRef.current = null;
    }
    if (retryAfter !== null && dirtyRef.current && !conflictRef.current) {
      const delay: number = retryAfter;
      timerRef.current = setTimeout(() => void flushRef.current(), delay);
    }
  }, [slug, accountId, assessmentId, showConflict]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const schedule = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  const update = useCallback(
    (change: (previous: Content) => Content) => {
      const next = change(contentRef.current);
      contentRef.current = next;
      setContent(next);
      dirtyRef.current = true;
      writeLocalDraft(assessmentId, { ...next, version: versionRef.current });
      if (conflictRef.current) return;
      setStatus(typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'pending');
      schedule();
    },
    [assessmentId, schedule],
  );

  const onAnswer = useCallback(
    (questionId: string, answer: Answer) => update((c) => ({ ...c, answers: { ...c.answers, [questionId]: answer } })),
    [update],
  );
  const onNote = (slug: ComponentSlug, text: string) => update((c) => ({ ...c, notes: { ...c.notes, [slug]: text } }));

  // After a reload: unsent changes kept on this device are restored and sent (or shown as a conflict when the
  // server moved on since they were made).
  useEffect(() => {
    const local = readLocalDraft(assessmentId);
    if (!local) return;
    const server = props.initial;
    if (local.version > server.version || sameContent(local, server)) {
      clearLocalDrafts(assessmentId);
      return;
    }
    const restored = { answers: local.answers, notes: local.notes };
    contentRef.current = restored;
    setContent(restored); // eslint-disable-line react-hooks/set-state-in-effect -- restoring browser-only state once
    dirtyRef.current = true;
    if (local.version < server.version) {
      versionRef.current = local.version;
      showConflict({
        reason: 'stale',
        message: 'Changes kept on this device were made to an older version of this draft, which has been saved elsewhere since.',
        current: server,
      });
    } else {
      void flush();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const online = () => void flush();
    const offline = () => {
      if (dirtyRef.current && !conflictRef.current) setStatus('offline');
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      if (timerRef.current) clearTimeout(timerRef.current);
    };
  }, [flush]);

  const result = useMemo(() => preview(props, content.answers), [props, content.answers]);
  const missing = questionIds.filter((id) => content.answers[id] === undefined);
  const answered = questionIds.length - missing.length;

  // Polite, debounced announcement of the live score (answers only; typing a note does not change it).
  useEffect(() => {
    const timer = setTimeout(() => {
      setAnnouncement(
        result
          ? `Live score ${formatScore(result.score)}, ${BAND_LABELS[result.band]}. Confidence ${formatScore(result.confidence)} percent. ${answered} of ${questionIds.length} answered.`
          : `No score yet. ${answered} of ${questionIds.length} answered.`,
      );
    }, ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [result, answered, questionIds.length]);

  const resolveKeepMine = () => {
    if (!conflict || conflict.reason === 'submitted') return;
    versionRef.current = conflict.current.version;
    writeLocalDraft(assessmentId, { ...contentRef.current, version: conflict.current.version });
    dirtyRef.current = true;
    showConflict(null);
    void flush();
  };
  const resolveTakeServer = () => {
    if (!conflict) return;
    const server = { answers: conflict.current.answers, notes: conflict.current.notes };
    contentRef.current = server;
    setContent(server);
    versionRef.current = conflict.current.version;
    dirtyRef.current = false;
    clearLocalDrafts(assessmentId);
    showConflict(null);
    setStatus('saved');
  };

  const submit = async () => {
    if (missing.length > 0) {
      setShowMissing(true);
      document.querySelector<HTMLInputElement>(`fieldset[data-question="${CSS.escape(missing[0]!)}"] input`)?.focus();
      return;
    }
    setSubmitting(true);
    setErrorMessage(null);
    if (timerRef.current) clearTimeout(timerRef.current);
    if (inFlightRef.current) await inFlightRef.current;
    if (conflictRef.current) {
      setSubmitting(false);
      return;
    }
    try {
      const outcome = await submitAssessmentAction(slug, {
        accountId,
        assessmentId,
        expectedVersion: versionRef.current,
        ...contentRef.current,
      });
      if (!outcome.ok) {
        setErrorMessage(outcome.error.message);
        setStatus('error');
      } else if (outcome.data.status === 'conflict') {
        showConflict({ reason: outcome.data.reason, message: outcome.data.message, current: outcome.data.current });
      } else {
        dirtyRef.current = false;
        clearLocalDrafts(assessmentId);
        router.push(`/o/${slug}/accounts/${accountId}?submitted=${assessmentId}`);
        router.refresh();
        return;
      }
    } catch {
      setStatus('offline');
      setErrorMessage('Could not reach the server to submit. Your answers are kept on this device; try again when online.');
    }
    setSubmitting(false);
  };

  const numbers = new Map(questionIds.map((id, i) => [id, i + 1]));
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <div className="min-w-0 space-y-6">
        <div
          aria-hidden="true"
          className="sticky top-0 z-10 -mx-1 flex h-11 items-center gap-4 rounded-md border border-line bg-surface/95 px-3 text-sm shadow-xs backdrop-blur lg:hidden"
        >
          <span className="w-[4.5ch] text-lg font-semibold tabular-nums">{formatScore(result?.score)}</span>
          <span className="w-28 truncate text-ink-muted">{result ? BAND_LABELS[result.band] : 'No score yet'}</span>
          <span className="text-ink-muted tabular-nums">
            {answered}/{questionIds.length} answered
          </span>
          <span className="ml-auto truncate text-ink-muted">{STATUS_TEXT[status]}</span>
        </div>
        {conflict ? (
          <ConflictPanel
            framework={framework}
            conflict={conflict}
            mine={content}
            onKeepMine={resolveKeepMine}
            onTakeServer={resolveTakeServer}
            accountHref={`/o/${slug}/accounts/${accountId}`}
          />
        ) : null}

        <section aria-labelledby="levels-heading" className="rounded-lg border border-line bg-surface p-4 text-sm">
          <h2 id="levels-heading" className="font-semibold text-ink">
            Levels
          </h2>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            {framework.levels.map((level) => (
              <div key={level.value} className="contents">
                <dt className="font-medium tabular-nums">
                  {level.value} · {level.label}
                </dt>
                <dd id={`level-description-${level.value}`} className="text-ink-muted">
                  {level.description}
                </dd>
              </div>
            ))}
            {(['unknown', 'na'] as const).map((value) => (
              <div key={value} className="contents">
                <dt className="font-medium">{ANSWER_LABELS[value]}</dt>
                <dd id={`level-description-${value}`} className="text-ink-muted">
                  {ANSWER_DESCRIPTIONS[value]}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        {framework.components.map((component) => (
          <section
            key={component.slug}
            aria-labelledby={`component-${component.slug}`}
            className="rounded-lg border border-line bg-surface p-4 sm:p-5"
          >
            <h2 id={`component-${component.slug}`} className="text-base font-semibold text-ink">
              {component.name}
            </h2>
            <p className="mt-0.5 text-sm text-ink-muted">{component.description}</p>
            <div className="mt-4 space-y-5">
              {component.questions.map((question) => (
                <LevelPicker
                  key={question.id}
                  question={question}
                  index={numbers.get(question.id) ?? 0}
                  levels={framework.levels}
                  value={content.answers[question.id]}
                  invalid={showMissing && content.answers[question.id] === undefined}
                  onChange={onAnswer}
                />
              ))}
            </div>
            <div className="mt-5">
              <label htmlFor={`note-${component.slug}`} className="text-sm font-medium text-ink">
                Notes and evidence — {component.name}
              </label>
              <textarea
                id={`note-${component.slug}`}
                rows={3}
                maxLength={MAX_NOTE_LENGTH}
                value={content.notes[component.slug] ?? ''}
                onChange={(event) => onNote(component.slug, event.target.value)}
                aria-describedby={`note-${component.slug}-count`}
                className="mt-1 block w-full rounded-md border border-line-strong px-3 py-2 text-sm text-ink"
              />
              <p id={`note-${component.slug}-count`} className="mt-1 text-right text-xs text-ink-muted tabular-nums">
                {(content.notes[component.slug] ?? '').length.toLocaleString('en-US')} / {MAX_NOTE_LENGTH.toLocaleString('en-US')}
              </p>
            </div>
          </section>
        ))}
      </div>

      <aside aria-label="Score and saving" className="order-first lg:order-none">
        <div className="space-y-3 lg:sticky lg:top-4">
          <div className="rounded-lg border border-line bg-surface p-4 shadow-xs">
            <p role="status" className="flex h-5 items-center gap-2 text-sm" data-testid="save-status">
              <span
                aria-hidden="true"
                className={cn(
                  'size-2 shrink-0 rounded-full',
                  status === 'saved' && 'bg-band-desired',
                  (status === 'pending' || status === 'saving') && 'bg-brand-500',
                  status === 'offline' && 'bg-band-at-risk',
                  (status === 'conflict' || status === 'error') && 'bg-band-critical',
                )}
              />
              <span className="truncate">{STATUS_TEXT[status]}</span>
            </p>
            {errorMessage ? <p className="mt-1 text-xs text-band-critical">{errorMessage}</p> : null}
            <div className="mt-3 flex gap-2">
              <Button variant="secondary" size="sm" onClick={() => void flush()} disabled={!!conflict || submitting}>
                Save
              </Button>
              <Button size="sm" onClick={() => void submit()} disabled={missing.length > 0 || !!conflict || submitting}>
                {submitting ? 'Submitting…' : 'Submit assessment'}
              </Button>
            </div>
            <p className="mt-2 h-4 text-xs text-ink-muted tabular-nums">
              {missing.length > 0 ? `${missing.length} ${missing.length === 1 ? 'question' : 'questions'} left to answer` : 'Every question answered'}
            </p>
          </div>
          <LiveSummary framework={framework} result={result} answered={answered} total={questionIds.length} />
        </div>
      </aside>
    </div>
  );
}
