import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** A labelled input for the sign-in and sign-up forms, with an optional hint and the field's error messages. */
export function AuthField({
  id,
  label,
  hint,
  errors,
  className,
  ...input
}: Omit<ComponentProps<'input'>, 'id'> & { id: string; label: string; hint?: ReactNode; errors?: string[] }) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        name={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cn(
          'mt-1 block w-full rounded-md border px-3 py-2 text-ink shadow-sm focus:outline-none focus:ring-2',
          errors?.length
            ? 'border-band-critical focus:border-band-critical focus:ring-band-critical/30'
            : 'border-line-strong focus:border-brand-600 focus:ring-brand-600/30',
        )}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-band-critical-ink">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
