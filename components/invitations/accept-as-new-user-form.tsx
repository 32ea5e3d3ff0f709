'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { acceptInvitationAction } from '@/app/invite/[token]/actions';
import { AuthField } from '@/components/auth/auth-field';
import { Button } from '@/components/ui/button';

type FieldErrors = Partial<Record<'name' | 'password', string[]>>;

/** A new account for the invited email (fixed by the invitation): name and password, then straight into the app. */
export function AcceptAsNewUserForm({
  token,
  email,
  organizationName,
  passwordMinLength,
}: {
  token: string;
  email: string;
  organizationName: string;
  passwordMinLength: number;
}) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') };
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await acceptInvitationAction(token, values);
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        if (!result.error.fieldErrors) setError(result.error.message);
        // The invitation was used, revoked or expired meanwhile, or the email got an account: the page says which.
        if (['CONFLICT', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(result.error.code)) router.refresh();
        setPending(false);
        return;
      }
      const signedIn = await signIn('credentials', { email, password: values.password, redirect: false });
      if (!signedIn?.ok || signedIn.error) {
        setError(`You have joined ${organizationName}, but we could not sign you in. Please sign in.`);
        setPending(false);
        return;
      }
      router.push(`/o/${result.data.slug}/accounts`);
      router.refresh();
    } catch {
      setError('Something went wrong on our side. Please try again.');
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-5" aria-busy={pending} aria-label="Create your account">
      <AuthField id="email" label="Email" type="email" autoComplete="username" value={email} readOnly hint="Fixed by the invitation." />
      <AuthField id="name" label="Your name" autoComplete="name" required maxLength={100} errors={fieldErrors.name} />
      <AuthField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordMinLength}
        errors={fieldErrors.password}
        hint={`At least ${passwordMinLength} characters. A few unrelated words make a strong, memorable password.`}
      />
      {error ? (
        <p role="alert" className="rounded-md bg-band-critical-soft px-3 py-2 text-sm text-band-critical-ink">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Joining…' : `Create account and join ${organizationName}`}
      </Button>
    </form>
  );
}
