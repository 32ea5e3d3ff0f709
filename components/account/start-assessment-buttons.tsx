'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startAssessmentAction } from '@/app/o/[slug]/accounts/[accountId]/actions';
import { Button } from '@/components/ui/button';

/** "Start assessment" (from the previous one when there is one, or blank). Shown only to who may write. */
export function StartAssessmentButtons({ slug, accountId, hasPrevious }: { slug: string; accountId: string; hasPrevious: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (source: 'blank' | 'previous') => {
    setBusy(true);
    setError(null);
    try {
      const result = await startAssessmentAction(slug, { accountId, source });
      if (result.ok) {
        router.push(`/o/${slug}/accounts/${accountId}/assessments/${result.data.assessmentId}`);
        return;
      }
      setError(result.error.message);
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
    setBusy(false);
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap gap-2">
        {hasPrevious ? (
          <Button variant="secondary" onClick={() => void start('previous')} disabled={busy}>
            Start from previous
          </Button>
        ) : null}
        <Button onClick={() => void start('blank')} disabled={busy}>
          Start assessment
        </Button>
      </div>
      {error ? <p role="alert" className="text-sm text-band-critical">{error}</p> : null}
    </div>
  );
}
