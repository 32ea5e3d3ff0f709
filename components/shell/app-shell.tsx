import Link from '@/components/ui/link';
import { can } from '@/lib/auth/permissions';
import type { ReactNode } from 'react';
import { Wordmark } from '@/components/ui/wordmark';
import { NavLink } from './nav-link';
import { OrgSwitcher } from './org-switcher';
import { UserMenu, type ShellUser } from './user-menu';

type Org = { name: string; slug: string };

export type AppShellProps = {
  organization: Org;
  organizations: Org[];
  user: ShellUser;
  /** Rendered at the bottom of the user menu, e.g. a sign-out form. Style its button with `popoverItemClasses`. */
  signOutSlot?: ReactNode;
  children: ReactNode;
};

/** The signed-in frame: skip link, top bar (product, organisation, user menu), section tabs, main content. */
export function AppShell({ organization, organizations, user, signOutSlot, children }: AppShellProps) {
  const base = `/o/${organization.slug}`;
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
        <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">
          <div className="flex h-14 items-center gap-2">
            <Link href={`${base}/accounts`} className="shrink-0 rounded-md">
              <Wordmark className="text-sm" />
            </Link>
            <span aria-hidden="true" className="px-1 text-lg text-line-strong">
              /
            </span>
            <div className="min-w-0">
              <OrgSwitcher organization={organization} organizations={organizations} />
            </div>
            <div className="ml-auto">
              <UserMenu user={user} signOutSlot={signOutSlot} />
            </div>
          </div>
          <nav aria-label="Main" className="-mx-3 flex overflow-x-auto">
            <NavLink href={`${base}/accounts`}>Accounts</NavLink>
            <NavLink href={`${base}/portfolio`}>Portfolio</NavLink>
            {can(user.role, 'settings.read') ? <NavLink href={`${base}/settings`}>Settings</NavLink> : null}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
