'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { updateReviewIntervalAction } from '@/app/o/[slug]/settings/scoring/actions';
import { FieldError, inputClasses, labelClasses } from '@/components/members/form-controls';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** After how many days an assessment counts as stale. Changes no score, so it saves on its own, without a version. */
export function ReviewIntervalForm({ slug, reviewIntervalDays }: { slug: string; reviewIntervalDays: number }) {
  const id = useId();
  const [value, setValue] = useState(String(reviewIntervalDays));
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [errors, setErrors] = useState<string[] | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await updateReviewIntervalAction(slug, { reviewIntervalDays: value });
      if (!result.ok) {
        setErrors(result.error.fieldErrors?.reviewIntervalDays);
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      setErrors(undefined);
      setMessage({
        tone: 'success',
        text: result.data.changed ? `Assessments now count as stale after ${result.data.reviewIntervalDays} days.` : 'No change.',
      });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Review interval" className="space-y-2">
      <label htmlFor={`${id}-days`} className={labelClasses}>
        Review interval (days)
      </label>
      <div className="flex items-start gap-2">
        <input
          id={`${id}-days`}
          name="reviewIntervalDays"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-days-error` : undefined}
          className={`${inputClasses.replace('w-full ', '')} w-28 text-right tabular-nums`}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save interval'}
        </Button>
      </div>
      <FieldError id={`${id}-days-error`} messages={errors} />
      {message ? <FormMessage tone={message.tone} className="max-w-md">{message.text}</FormMessage> : null}
    </form>
  );
}
