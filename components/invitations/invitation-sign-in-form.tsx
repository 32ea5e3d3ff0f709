'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AuthField } from '@/components/auth/auth-field';
import { SIGN_IN_FAILED_MESSAGE } from '@/components/auth/sign-in-form';
import { Button } from '@/components/ui/button';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc';

/**
 * The invited email already has an account: sign in as it here (same throttled next-auth sign-in, same generic
 * message), and the page comes back with the Join button. With single sign-on configured, that works too and
 * returns to this link (callbackUrl).
 */
export function InvitationSignInForm({
  email,
  callbackUrl,
  singleSignOn,
}: {
  email: string;
  callbackUrl: string;
  singleSignOn: { name: string } | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email, password: String(form.get('password') ?? ''), redirect: false });
    setPending(false);
    if (!result || result.error || !result.ok) {
      setError(SIGN_IN_FAILED_MESSAGE);
      return;
    }
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={onSubmit} className="space-y-5" aria-label="Sign in to accept">
        <AuthField id="email" label="Email" type="email" autoComplete="username" value={email} readOnly />
        <AuthField id="password" label="Password" type="password" autoComplete="current-password" required />
        {error ? (
          <p role="alert" className="rounded-md bg-band-critical-soft px-3 py-2 text-sm text-band-critical-ink">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? 'Signing in…' : 'Sign in to accept'}
        </Button>
      </form>
      {singleSignOn ? (
        <div className="border-t border-line pt-6">
          <Button
            variant="secondary"
            className="w-full"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signIn(OIDC_PROVIDER_ID, { callbackUrl });
            }}
          >
            Sign in with {singleSignOn.name}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
