import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { ButtonLink } from '@/components/ui/button';
import { Wordmark } from '@/components/ui/wordmark';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto w-full max-w-6xl px-4 py-5 sm:px-6 lg:px-8">
        <Link href="/" className="inline-block rounded-md">
          <Wordmark />
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center px-4 pb-24">
        <div className="max-w-md text-center">
          <p className="text-sm font-semibold text-brand-700">404</p>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">We couldn’t find that page</h1>
          <p className="mt-4 text-ink-muted">
            The link may be out of date, or the page may belong to an organisation you’re not a member of.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <ButtonLink href="/">Go to the home page</ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </div>
      </main>
    </div>
  );
}
