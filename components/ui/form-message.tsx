import type { ReactNode } from 'react';
import { cn } from './cn';

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
