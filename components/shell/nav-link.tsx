'use client';

import Link from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * A tab in the main navigation. On its own URL it carries aria-current="page"; on a page below it
 * (e.g. /o/acme/accounts/123 for Accounts) it carries aria-current="true" and looks active.
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const exact = pathname === href;
  const within = exact || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={exact ? 'page' : within ? 'true' : undefined}
      className={cn(
        'inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors',
        within
          ? 'border-brand-600 text-ink'
          : 'border-transparent text-ink-muted hover:border-line-strong hover:text-ink',
      )}
    >
      {children}
    </Link>
  );
}
