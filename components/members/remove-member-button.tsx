'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { removeMemberAction } from '@/app/o/[slug]/settings/members/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-controls';

/** Remove a member, after a second, explicit confirmation. The server refuses account owners and the last admin. */
export function RemoveMemberButton({ slug, userId, name }: { slug: string; userId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  function remove() {
    setError(null);
    startTransition(async () => {
      const result = await removeMemberAction(slug, { userId });
      setConfirming(false);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      if (result.data.self) router.push('/o');
    });
  }

  return (
    <div className="space-y-2">
      {confirming ? (
        <div role="group" aria-label={`Confirm removing ${name}`} className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-ink-muted">Remove {name}?</span>
          <Button size="sm" variant="primary" className="bg-band-critical hover:bg-band-critical-ink" onClick={remove} disabled={pending} autoFocus>
            {pending ? 'Removing…' : 'Yes, remove'}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => removeRef.current?.focus());
            }}
            disabled={pending}
          >
            Cancel
          </Button>
        </div>
      ) : (
        <Button ref={removeRef} size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          Remove<span className="sr-only"> {name}</span>
        </Button>
      )}
      {error ? (
        <FormMessage tone="error" className="max-w-xs text-xs">
          {error}
        </FormMessage>
      ) : null}
    </div>
  );
}
