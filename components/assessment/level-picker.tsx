'use client';

import { memo } from 'react';
import type { Answer, LevelDefinition, Question } from '@/lib/framework';
import { cn } from '@/components/ui/cn';
import { ANSWER_DESCRIPTIONS, ANSWER_LABELS } from './answer-labels';

/**
 * One guiding question as a native radio group (arrow keys move between levels, Tab to the next question):
 * levels 0–4 with their labels, Unknown and N/A. Each option is described by its level's definition, and the
 * chosen one's description is shown under the group.
 */
export const LevelPicker = memo(function LevelPicker({
  question,
  index,
  levels,
  value,
  disabled,
  invalid,
  onChange,
}: {
  question: Question;
  index: number;
  levels: readonly LevelDefinition[];
  value: Answer | undefined;
  disabled?: boolean;
  invalid?: boolean;
  onChange: (questionId: string, answer: Answer) => void;
}) {
  const options: { value: Answer; label: string; short: string; description: string }[] = [
    ...levels.map((l) => ({ value: l.value, label: l.label, short: String(l.value), description: l.description })),
    ...(['unknown', 'na'] as const).map((v) => ({ value: v, label: ANSWER_LABELS[v], short: v === 'unknown' ? '?' : '—', description: ANSWER_DESCRIPTIONS[v] })),
  ];
  const chosen = options.find((o) => o.value === value);
  const describedBy = `${question.id}-chosen`;
  return (
    <fieldset className="min-w-0" aria-describedby={describedBy} data-question={question.id}>
      <legend className="text-sm font-medium text-ink">
        <span className="mr-1 text-ink-muted tabular-nums">{index}.</span>
        {question.text}
      </legend>
      <div className="mt-2 grid grid-cols-4 gap-1.5 sm:grid-cols-7">
        {options.map((option) => (
          <label
            key={String(option.value)}
            title={option.description}
            className={cn(
              'flex h-14 cursor-pointer flex-col items-center justify-center rounded-md border border-line-strong bg-surface px-1 text-center',
              'hover:bg-hover has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600',
              'has-[input:checked]:border-brand-600 has-[input:checked]:bg-brand-50 has-[input:checked]:text-brand-800',
              disabled && 'cursor-default opacity-70',
            )}
          >
            <input
              type="radio"
              className="sr-only"
              name={question.id}
              value={String(option.value)}
              checked={value === option.value}
              disabled={disabled}
              aria-describedby={`level-description-${String(option.value)}`}
              onChange={() => onChange(question.id, option.value)}
            />
            <span aria-hidden="true" className="text-sm font-semibold tabular-nums">{option.short}</span>
            <span className="text-xs leading-tight">{option.label}</span>
          </label>
        ))}
      </div>
      <p id={describedBy} className={cn('mt-1.5 min-h-5 text-xs', invalid && !chosen ? 'text-band-critical' : 'text-ink-muted')}>
        {chosen ? `${chosen.label}: ${chosen.description}` : invalid ? 'Needs an answer before you can submit.' : 'Not answered yet.'}
      </p>
    </fieldset>
  );
});
