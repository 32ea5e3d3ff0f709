import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** A form-level message: errors are announced at once (role=alert), confirmations politely (role=status). */
export function ActionFeedback({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        tone === 'error'
          ? 'border-band-critical-line bg-band-critical-soft text-band-critical-ink'
          : 'border-band-desired-line bg-band-desired-soft text-band-desired-ink',
      )}
    >
      {children}
    </div>
  );
}

export const inputClasses =
  'h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink aria-invalid:border-band-critical';
export const labelClasses = 'flex flex-col gap-1.5 text-sm font-medium text-ink';

/** Field-level messages under an input, linked by id for aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-xs font-normal text-band-critical-ink">
      {messages.join(' ')}
    </p>
  );
}
