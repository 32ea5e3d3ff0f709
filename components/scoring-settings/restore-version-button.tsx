'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { restoreScoringVersionAction } from '@/app/o/[slug]/settings/scoring/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** "Restore this version": a new version with its settings (history is never rewritten), after a confirmation. */
export function RestoreVersionButton({ slug, version, latestVersion }: { slug: string; version: number; latestVersion: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  function restore() {
    if (!window.confirm(`Restore version ${version}? Its settings become version ${latestVersion + 1} and every account is re-scored.`)) return;
    setMessage(null);
    startTransition(async () => {
      const result = await restoreScoringVersionAction(slug, { version, basedOnVersion: latestVersion });
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      setMessage({ tone: 'success', text: `Restored as version ${result.data.version}; ${result.data.rescored.toLocaleString('en')} accounts re-scored.` });
      router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <Button size="sm" variant="secondary" onClick={restore} disabled={pending}>
        {pending ? 'Restoring…' : 'Restore this version'}
        <span className="sr-only"> ({version})</span>
      </Button>
      {message ? <FormMessage tone={message.tone} className="max-w-xs text-xs">{message.text}</FormMessage> : null}
    </div>
  );
}
