'use client';

import { useState, useTransition } from 'react';
import { revokeInvitationAction } from '@/app/o/[slug]/settings/members/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-controls';

/** Revoke a pending invitation: its link stops working at once. (Inviting the email again issues a new one.) */
export function RevokeInvitationButton({ slug, invitationId, email }: { slug: string; invitationId: string; email: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeInvitationAction(slug, { invitationId });
      if (!result.ok) setError(result.error.message);
    });
  }

  return (
    <div className="space-y-2">
      <Button size="sm" variant="secondary" onClick={revoke} disabled={pending}>
        {pending ? 'Revoking…' : 'Revoke'}
        <span className="sr-only"> the invitation for {email}</span>
      </Button>
      {error ? (
        <FormMessage tone="error" className="max-w-xs text-xs">
          {error}
        </FormMessage>
      ) : null}
    </div>
  );
}
