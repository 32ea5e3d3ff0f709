'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc';
import { AuthField } from './auth-field';

/** One message for every failure, locked accounts included: never reveal whether the email has an account. */
export const SIGN_IN_FAILED_MESSAGE = 'That email and password do not match an account.';

export function SignInForm({
  singleSignOn,
  ssoDenied = false,
}: {
  /** Set when an OpenID Connect provider is configured (the server decides). */
  singleSignOn: { name: string } | null;
  /** The last single sign-on found no account for the provider's (verified) email. */
  ssoDenied?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    ssoDenied ? 'Single sign-on could not sign you in. Ask an admin of your organisation to invite this email first.' : null,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error || !result.ok) {
      setError(SIGN_IN_FAILED_MESSAGE);
      return;
    }
    router.push('/o');
    router.refresh();
  }

  return (
    <div className="mt-8 space-y-6">
      <form onSubmit={onSubmit} className="space-y-5">
        <AuthField id="email" label="Email" type="email" autoComplete="username" required />
        <AuthField id="password" label="Password" type="password" autoComplete="current-password" required />
        {error ? (
          <p role="alert" className="rounded-md bg-band-critical-soft px-3 py-2 text-sm text-band-critical-ink">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
        {/* Shown to everyone, always: it must not hint at whether an account exists or is locked. */}
        <p className="text-xs text-ink-muted">Too many attempts? Wait a few minutes and try again.</p>
      </form>
      {singleSignOn ? (
        <div className="border-t border-line pt-6">
          <Button
            variant="secondary"
            className="w-full"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signIn(OIDC_PROVIDER_ID, { callbackUrl: '/o' });
            }}
          >
            Sign in with {singleSignOn.name}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
