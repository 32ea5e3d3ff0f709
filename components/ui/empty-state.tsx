import type { ReactNode } from 'react';
import { cn } from './cn';

/** A centred, dashed panel for "nothing here yet": title (h2 by default), explanation and an optional action. */
export function EmptyState({
  title,
  body,
  action,
  icon,
  headingLevel = 2,
  className,
}: {
  title: ReactNode;
  body: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      className={cn(
        'flex flex-col items-center rounded-lg border border-dashed border-line-strong bg-surface px-6 py-12 text-center',
        className,
      )}
    >
      {icon ? (
        <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-ink">{title}</Heading>
      <div className="mt-2 max-w-md text-sm text-ink-muted">{body}</div>
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </section>
  );
}
