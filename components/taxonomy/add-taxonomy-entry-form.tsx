'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { createTaxonomyEntryAction } from '@/app/o/[slug]/settings/taxonomy/actions';
import { FieldError, FormMessage, inputClasses, labelClasses, selectClasses } from '@/components/members/form-controls';
import { Button } from '@/components/ui/button';
import type { TaxonomyKind } from '@/lib/taxonomy/taxonomy-input';

type FieldErrors = Partial<Record<'name' | 'tier' | 'position', string[]>>;

/** Add a segment (name, tier) or a journey stage (name, place in the journey). The server checks the name is new. */
export function AddTaxonomyEntryForm({ slug, kind, stages = [] }: { slug: string; kind: TaxonomyKind; stages?: { name: string; position: number }[] }) {
  const id = useId();
  const label = kind === 'segment' ? 'segment' : 'journey stage';
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    setMessage(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await createTaxonomyEntryAction(slug, { ...data, kind });
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      setMessage({ tone: 'success', text: `Added the ${label} “${String(data.name).trim()}”.` });
      form.reset();
    });
  }

  const field = (name: keyof FieldErrors) => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': fieldErrors[name]?.length ? true : undefined,
    'aria-describedby': fieldErrors[name]?.length ? `${id}-${name}-error` : undefined,
  });
  return (
    <form onSubmit={onSubmit} aria-label={`Add a ${label}`} aria-busy={pending} className="space-y-3" noValidate>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-name`} className={labelClasses}>
            New {label} name
          </label>
          <input {...field('name')} type="text" required maxLength={80} autoComplete="off" className={`mt-1 ${inputClasses}`} />
          <FieldError id={`${id}-name-error`} messages={fieldErrors.name} />
        </div>
        {kind === 'segment' ? (
          <div className="sm:w-32">
            <label htmlFor={`${id}-tier`} className={labelClasses}>
              Tier
            </label>
            <input {...field('tier')} type="number" min={1} max={9} step={1} defaultValue={2} required className={`mt-1 ${inputClasses}`} />
            <FieldError id={`${id}-tier-error`} messages={fieldErrors.tier} />
          </div>
        ) : (
          <div className="sm:w-56">
            <label htmlFor={`${id}-position`} className={labelClasses}>
              Place in the journey
            </label>
            <select {...field('position')} defaultValue="" className={`mt-1 ${selectClasses}`}>
              <option value="">At the end</option>
              {stages.map((stage) => (
                <option key={stage.position} value={stage.position}>
                  Before {stage.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-position-error`} messages={fieldErrors.position} />
          </div>
        )}
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? 'Adding…' : `Add ${label}`}
          </Button>
        </div>
      </div>
      {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
    </form>
  );
}
