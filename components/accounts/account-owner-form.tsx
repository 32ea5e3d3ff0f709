'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/http/organization-action';
import { inputClasses, labelClasses } from './form-controls';
import { FormMessage } from '@/components/ui/form-message';

/** (Re)assign the owner CSM (ADMIN, LEADER), under the same optimistic concurrency as an edit. */
export function AccountOwnerForm({
  slug,
  accountId,
  version,
  ownerUserId,
  members,
  action,
}: {
  slug: string;
  accountId: string;
  version: number;
  ownerUserId: string | null;
  members: { userId: string; name: string; email: string; role: string }[];
  action: (slug: string, input: FormData) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set('accountId', accountId);
    data.set('version', String(version));
    startTransition(async () => {
      const result = await action(slug, data);
      setMessage(result.ok ? { tone: 'success', text: 'Owner saved.' } : { tone: 'error', text: result.error.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-3" aria-label="Account owner">
      {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
      <div className="flex flex-wrap items-end gap-3">
        <label className={`${labelClasses} min-w-72 flex-1`}>
          Owner
          <select name="ownerUserId" defaultValue={ownerUserId ?? ''} className={inputClasses}>
            <option value="">Unassigned</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email}, {member.role.toLowerCase()})
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Assign owner'}
        </Button>
      </div>
    </form>
  );
}
