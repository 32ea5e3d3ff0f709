'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** Classes for a full-width item inside a Popover panel (links, buttons such as "Sign out"). */
export const popoverItemClasses =
  'flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-ink hover:bg-hover';

/**
 * A disclosure built on <details>/<summary>: keyboard operable without JavaScript (Enter/Space toggle).
 * With JavaScript it also closes on Escape (returning focus to the trigger), on a click outside,
 * when focus moves outside, and after a link inside it is followed.
 */
export function Popover({
  trigger,
  triggerClassName,
  panelClassName,
  align = 'end',
  children,
}: {
  trigger: ReactNode;
  triggerClassName?: string;
  panelClassName?: string;
  align?: 'start' | 'end';
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const details = ref.current;
    if (!open || !details) return;
    const close = (returnFocus: boolean) => {
      details.open = false;
      if (returnFocus) details.querySelector('summary')?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !details.contains(event.target)) close(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const focusInside = document.activeElement instanceof Node && details.contains(document.activeElement);
      close(focusInside);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <details
      ref={ref}
      className="relative"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) event.currentTarget.open = false;
      }}
    >
      <summary
        className={cn(
          'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none hover:bg-hover',
          triggerClassName,
        )}
      >
        {trigger}
      </summary>
      <div
        className={cn(
          'absolute z-40 mt-2 w-64 rounded-lg border border-line bg-surface p-1 shadow-lg',
          align === 'end' ? 'right-0' : 'left-0',
          panelClassName,
        )}
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest('a') && ref.current) ref.current.open = false;
        }}
      >
        {children}
      </div>
    </details>
  );
}
