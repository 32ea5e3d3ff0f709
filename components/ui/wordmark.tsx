import { cn } from './cn';

/** The product mark and name. Decorative mark; the text "Desired State" is the accessible name. */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight text-ink', className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0" fill="none">
        <rect width="24" height="24" rx="6" className="fill-brand-600" />
        <circle cx="12" cy="12" r="6.5" stroke="white" strokeOpacity="0.55" strokeWidth="1.5" />
        <circle cx="12" cy="12" r="2.75" fill="white" />
      </svg>
      <span>Desired State</span>
    </span>
  );
}
