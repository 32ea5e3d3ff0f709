'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { createInvitationAction } from '@/app/o/[slug]/settings/members/actions';
import { Button } from '@/components/ui/button';
import { FieldError, FormMessage, inputClasses, labelClasses, selectClasses } from './form-controls';
import { InvitationLinkPanel, type IssuedInvitationLink } from './invitation-link-panel';
import { ROLE_OPTIONS } from './role-labels';

type FieldErrors = Partial<Record<'email' | 'role', string[]>>;

/** Invite an email with a role; the new link is shown once, to copy and send (there is no mail server yet). */
export function InviteMemberForm({ slug }: { slug: string }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [issued, setIssued] = useState<IssuedInvitationLink | null>(null);
  const [role, setRole] = useState<string>('CSM');
  const roleDescription = ROLE_OPTIONS.find((option) => option.value === role)?.description;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = { email: String(data.get('email') ?? ''), role: String(data.get('role') ?? '') };
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await createInvitationAction(slug, values);
      if (!result.ok) {
        setIssued(null);
        setFieldErrors(result.error.fieldErrors ?? {});
        setError(result.error.message);
        return;
      }
      setIssued(result.data);
      form.reset();
      setRole('CSM');
    });
  }

  const emailErrorId = `${id}-email-error`;
  const roleHintId = `${id}-role-hint`;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} aria-label="Invite someone" aria-busy={pending} className="space-y-4" noValidate>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-email`} className={labelClasses}>
              Email
            </label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="off"
              required
              maxLength={320}
              placeholder="name@company.com"
              aria-invalid={fieldErrors.email?.length ? true : undefined}
              aria-describedby={fieldErrors.email?.length ? emailErrorId : undefined}
              className={`mt-1 ${inputClasses}`}
            />
            <FieldError id={emailErrorId} messages={fieldErrors.email} />
          </div>
          <div className="sm:w-48">
            <label htmlFor={`${id}-role`} className={labelClasses}>
              Role
            </label>
            <select
              id={`${id}-role`}
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value)}
              aria-describedby={roleHintId}
              className={`mt-1 ${selectClasses}`}
            >
              {ROLE_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="sm:pt-6">
            <Button type="submit" disabled={pending} className="w-full sm:w-auto">
              {pending ? 'Creating link…' : 'Create invitation link'}
            </Button>
          </div>
        </div>
        <p id={roleHintId} className="text-xs text-ink-muted">
          {roleDescription}
        </p>
        {error && !fieldErrors.email?.length ? <FormMessage tone="error">{error}</FormMessage> : null}
        {error && fieldErrors.email?.length ? <p role="alert" className="sr-only">{fieldErrors.email.join(' ')}</p> : null}
      </form>
      {issued ? <InvitationLinkPanel key={issued.link} invitation={issued} onDismiss={() => setIssued(null)} /> : null}
    </div>
  );
}
