import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** A message about a form: errors are announced at once (role=alert), confirmations politely (role=status). */
export function FormMessage({ tone, children, className }: { tone: 'error' | 'success'; children: ReactNode; className?: string }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        tone === 'error'
          ? 'border-band-critical-line bg-band-critical-soft text-band-critical-ink'
          : 'border-band-desired-line bg-band-desired-soft text-band-desired-ink',
        className,
      )}
    >
      {children}
    </div>
  );
}

export const inputClasses =
  'h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink shadow-sm aria-invalid:border-band-critical';
export const selectClasses = `${inputClasses} pr-8`;
export const labelClasses = 'block text-sm font-medium text-ink';

/** Field-level messages under an input; link them with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-band-critical-ink">
      {messages.join(' ')}
    </p>
  );
}
