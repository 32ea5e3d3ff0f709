'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { acceptInvitationAction } from '@/app/invite/[token]/actions';
import { Button } from '@/components/ui/button';

/** For a signed-in user who is the invited email: one click joins the organisation. */
export function JoinOrganizationButton({ token, organizationName }: { token: string; organizationName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function join() {
    setPending(true);
    setError(null);
    try {
      const result = await acceptInvitationAction(token, {});
      if (!result.ok) {
        setError(result.error.message);
        setPending(false);
        router.refresh();
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
    <div className="mt-6 space-y-4">
      {error ? (
        <p role="alert" className="rounded-md bg-band-critical-soft px-3 py-2 text-sm text-band-critical-ink">
          {error}
        </p>
      ) : null}
      <Button onClick={join} disabled={pending} className="w-full">
        {pending ? 'Joining…' : `Join ${organizationName}`}
      </Button>
    </div>
  );
}
