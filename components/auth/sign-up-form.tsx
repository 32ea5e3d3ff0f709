'use client';

import { signIn } from 'next-auth/react';
import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { signUpAction } from '@/app/(auth)/sign-up/actions';
import { Button } from '@/components/ui/button';
import { AuthField } from './auth-field';

type FieldErrors = Partial<Record<'name' | 'email' | 'password' | 'organizationName', string[]>>;

/** `passwordMinLength` comes from the server's policy (lib/auth/password-policy.ts), which has the last word. */
export function SignUpForm({ passwordMinLength }: { passwordMinLength: number }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [emailTaken, setEmailTaken] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      organizationName: String(form.get('organizationName') ?? ''),
    };
    setPending(true);
    setError(null);
    setFieldErrors({});
    setEmailTaken(false);
    try {
      const result = await signUpAction(values);
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        setEmailTaken(result.error.code === 'CONFLICT');
        if (!result.error.fieldErrors) setError(result.error.message);
        return;
      }
      const signedIn = await signIn('credentials', { email: values.email, password: values.password, redirect: false });
      if (!signedIn?.ok || signedIn.error) {
        setError('Your organisation is ready, but we could not sign you in. Please sign in.');
        return;
      }
      router.push(`/o/${result.data.slug}/accounts`);
      router.refresh();
    } catch {
      setError('Something went wrong on our side. Please try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" aria-busy={pending}>
      <AuthField id="name" label="Your name" autoComplete="name" required maxLength={100} errors={fieldErrors.name} />
      <AuthField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        maxLength={320}
        errors={fieldErrors.email}
        hint={
          emailTaken ? (
            <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
              Go to sign-in
            </Link>
          ) : undefined
        }
      />
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
      <AuthField
        id="organizationName"
        label="Organisation name"
        autoComplete="organization"
        required
        maxLength={100}
        errors={fieldErrors.organizationName}
      />
      {error ? (
        <p role="alert" className="rounded-md bg-band-critical-soft px-3 py-2 text-sm text-band-critical-ink">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your organisation…' : 'Create organisation'}
      </Button>
    </form>
  );
}
