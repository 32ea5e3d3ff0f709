'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/http/organization-action';
import { FieldError, inputClasses, labelClasses } from './form-controls';
import { FormMessage } from '@/components/ui/form-message';

type Option = { id: string; name: string; retired: boolean };
type Member = { userId: string; name: string; email: string };

export interface AccountFormValues {
  id?: string;
  name: string;
  externalId: string | null;
  segmentId: string | null;
  journeyStageId: string | null;
  arr: string | null;
  renewalDate: string | null;
  version?: number;
}

/**
 * Create or edit an account's fields. On edit, the version the form was loaded with travels with the save, so a
 * change someone else made in the meantime is reported (CONFLICT) rather than overwritten.
 */
export function AccountForm({
  slug,
  initial,
  segments,
  stages,
  members,
  action,
}: {
  slug: string;
  initial: AccountFormValues;
  segments: Option[];
  stages: Option[];
  /** Offered as the owner on create only (editing the owner has its own form). */
  members?: Member[];
  action: (slug: string, input: FormData) => Promise<ActionResult<{ id: string } | { version: number }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initial.version);
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [saved, setSaved] = useState(false);
  const editing = Boolean(initial.id);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (editing) {
      data.set('accountId', initial.id!);
      data.set('version', String(version));
    }
    setSaved(false);
    startTransition(async () => {
      const result = await action(slug, data);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      if ('id' in result.data) {
        router.push(`/o/${slug}/accounts/${result.data.id}`);
      } else {
        setVersion(result.data.version);
        setSaved(true);
        router.refresh();
      }
    });
  }

  const invalid = (name: string) => (error?.fieldErrors?.[name]?.length ? true : undefined);
  const describedBy = (name: string) => (invalid(name) ? `${name}-error` : undefined);
  const options = (list: Option[], current: string | null) =>
    list
      .filter((option) => !option.retired || option.id === current)
      .map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ));

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-4 sm:grid-cols-2" aria-label={editing ? 'Edit account' : 'New account'}>
      <div className="sm:col-span-2">
        {error ? <FormMessage tone="error">{error.message}</FormMessage> : null}
        {saved ? <FormMessage tone="success">Saved.</FormMessage> : null}
      </div>
      <label className={`${labelClasses} sm:col-span-2`}>
        Name
        <input name="name" required defaultValue={initial.name} className={inputClasses} aria-invalid={invalid('name')} aria-describedby={describedBy('name')} />
        <FieldError id="name-error" messages={error?.fieldErrors?.name} />
      </label>
      <label className={labelClasses}>
        External id (CRM)
        <input name="externalId" defaultValue={initial.externalId ?? ''} className={inputClasses} aria-invalid={invalid('externalId')} aria-describedby={describedBy('externalId')} />
        <FieldError id="externalId-error" messages={error?.fieldErrors?.externalId} />
      </label>
      <label className={labelClasses}>
        Segment
        <select name="segmentId" defaultValue={initial.segmentId ?? ''} className={inputClasses} aria-invalid={invalid('segmentId')} aria-describedby={describedBy('segmentId')}>
          <option value="">No segment</option>
          {options(segments, initial.segmentId)}
        </select>
        <FieldError id="segmentId-error" messages={error?.fieldErrors?.segmentId} />
      </label>
      <label className={labelClasses}>
        Journey stage
        <select name="journeyStageId" defaultValue={initial.journeyStageId ?? ''} className={inputClasses} aria-invalid={invalid('journeyStageId')} aria-describedby={describedBy('journeyStageId')}>
          <option value="">No stage</option>
          {options(stages, initial.journeyStageId)}
        </select>
        <FieldError id="journeyStageId-error" messages={error?.fieldErrors?.journeyStageId} />
      </label>
      <label className={labelClasses}>
        ARR
        <input name="arr" inputMode="decimal" defaultValue={initial.arr ?? ''} className={inputClasses} aria-invalid={invalid('arr')} aria-describedby={describedBy('arr')} />
        <FieldError id="arr-error" messages={error?.fieldErrors?.arr} />
      </label>
      <label className={labelClasses}>
        Renewal date
        <input name="renewalDate" type="date" defaultValue={initial.renewalDate ?? ''} className={inputClasses} aria-invalid={invalid('renewalDate')} aria-describedby={describedBy('renewalDate')} />
        <FieldError id="renewalDate-error" messages={error?.fieldErrors?.renewalDate} />
      </label>
      {members ? (
        <label className={labelClasses}>
          Owner
          <select name="ownerUserId" defaultValue="" className={inputClasses} aria-invalid={invalid('ownerUserId')} aria-describedby={describedBy('ownerUserId')}>
            <option value="">Unassigned</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
          <FieldError id="ownerUserId-error" messages={error?.fieldErrors?.ownerUserId} />
        </label>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save changes' : 'Create account'}
        </Button>
      </div>
    </form>
  );
}
