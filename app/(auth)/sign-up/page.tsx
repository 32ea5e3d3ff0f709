import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';

export const metadata: Metadata = { title: 'Create an organisation' };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect('/o');
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="mb-8 text-sm font-semibold text-brand-700 hover:underline">
        Desired State
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Create an organisation</h1>
      <p className="mt-2 text-sm text-ink-muted">
        Your account and a new organisation, with you as its admin. You can invite your team afterwards.
      </p>
      <SignUpForm passwordMinLength={PASSWORD_MIN_LENGTH} />
      <p className="mt-8 text-sm text-ink-muted">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
