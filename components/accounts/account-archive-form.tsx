'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/http/organization-action';
import { FormMessage } from '@/components/ui/form-message';

/** Archive (or restore) an account (ADMIN). Archived accounts leave the list and portfolio but keep their history. */
export function AccountArchiveForm({
  slug,
  accountId,
  version,
  archived,
  action,
}: {
  slug: string;
  accountId: string;
  version: number;
  archived: boolean;
  action: (slug: string, input: { accountId: string; version: number; archived: boolean }) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    if (!archived && !window.confirm('Archive this account? It leaves the list and the portfolio; you can restore it later.')) return;
    startTransition(async () => {
      const result = await action(slug, { accountId, version, archived: !archived });
      if (!result.ok) setError(result.error.message);
      else {
        setError(null);
        router.refresh();
      }
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      <div>
        <Button variant="secondary" onClick={toggle} disabled={pending}>
          {archived ? 'Restore account' : 'Archive account'}
        </Button>
      </div>
    </div>
  );
}
