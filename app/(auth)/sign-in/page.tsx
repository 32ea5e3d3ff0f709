import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { singleSignOnName } from '@/lib/auth/auth-options';
import { getCurrentUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage(props: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (await getCurrentUser()) redirect('/o');
  const { error } = await props.searchParams;
  const ssoName = singleSignOnName();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="mb-8 text-sm font-semibold text-brand-700 hover:underline">
        Desired State
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Sign in</h1>
      <p className="mt-2 text-sm text-ink-muted">Use the email and password of your Desired State account.</p>
      <SignInForm singleSignOn={ssoName ? { name: ssoName } : null} ssoDenied={ssoName !== null && error === 'AccessDenied'} />
      <p className="mt-8 text-sm text-ink-muted">
        New to Desired State?{' '}
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          Create an organisation
        </Link>
      </p>
    </main>
  );
}
