import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { buttonClasses } from '@/components/ui/button';
import { Wordmark } from '@/components/ui/wordmark';
import { requireUser } from '@/lib/auth/current-user';
import { listUserOrganizations } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Your organisations' };

/**
 * After sign-in: the user's first organisation. A user with none (e.g. after deleting their only organisation,
 * or after being removed) is told so here rather than shown a 404.
 */
export default async function OrganizationsIndexPage() {
  const user = await requireUser();
  const [first] = await listUserOrganizations(user.id);
  if (first) redirect(`/o/${first.slug}/accounts`);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto w-full max-w-6xl px-4 py-5 sm:px-6 lg:px-8">
        <Link href="/" className="inline-block rounded-md">
          <Wordmark />
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center px-4 pb-24">
        <div className="max-w-md text-center">
          <h1 className="text-2xl font-semibold tracking-tight text-ink">You are not in any organisation</h1>
          <p className="mt-4 text-ink-muted">
            You are signed in as {user.email}, but you are not a member of any organisation now. Ask an admin of your
            organisation for an invitation link.
          </p>
          <div className="mt-8 flex justify-center">
            <SignOutButton className={buttonClasses({ variant: 'secondary' })} />
          </div>
        </div>
      </main>
    </div>
  );
}
