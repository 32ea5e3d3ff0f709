'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { deleteOrganizationAction } from '@/app/o/[slug]/settings/organization/actions';
import { FieldError, FormMessage, inputClasses, labelClasses } from '@/components/members/form-controls';

/** A destructive action: white on red (contrast 6.4:1), visibly inactive until the name matches. */
const DANGER_BUTTON =
  'inline-flex h-10 items-center justify-center rounded-md bg-band-critical px-4 text-sm font-medium text-white shadow-sm ' +
  'transition-colors hover:bg-band-critical-ink disabled:cursor-not-allowed disabled:opacity-50';

/**
 * Deletes the organisation once its exact name is typed. The button stays disabled until the name matches (a
 * convenience; the server checks the name again), and afterwards the admin goes to /o: another organisation of
 * theirs, or the page that says they have none.
 */
export function DeleteOrganizationForm({ slug, organizationName }: { slug: string; organizationName: string }) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<string[] | undefined>();
  const matches = typed.trim() === organizationName.trim();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFieldErrors(undefined);
    startTransition(async () => {
      const result = await deleteOrganizationAction(slug, { confirmationName: typed });
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors?.confirmationName);
        setError(result.error.message);
        return;
      }
      router.replace('/o');
      router.refresh();
    });
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form onSubmit={onSubmit} aria-label="Delete organisation" aria-busy={pending} className="space-y-3" noValidate>
      <div>
        <label htmlFor={`${id}-name`} className={labelClasses}>
          Type <span className="font-semibold">{organizationName}</span> to confirm
        </label>
        <p id={hintId} className="mt-1 text-sm text-ink-muted">
          This deletes every account, assessment, score, setting, invitation and audit event of the organisation, for
          every member, and cannot be undone. People keep their sign-in for their other organisations.
        </p>
        <input
          id={`${id}-name`}
          name="confirmationName"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-invalid={fieldErrors?.length ? true : undefined}
          aria-describedby={fieldErrors?.length ? `${hintId} ${errorId}` : hintId}
          className={`mt-2 max-w-md ${inputClasses}`}
        />
        <FieldError id={errorId} messages={fieldErrors} />
      </div>
      <button type="submit" disabled={pending || !matches} className={DANGER_BUTTON}>
        {pending ? 'Deleting…' : 'Delete this organisation'}
      </button>
      {error && !fieldErrors?.length ? <FormMessage tone="error">{error}</FormMessage> : null}
      {error && fieldErrors?.length ? <p role="alert" className="sr-only">{fieldErrors.join(' ')}</p> : null}
    </form>
  );
}
