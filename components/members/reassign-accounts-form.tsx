'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { reassignMemberAccountsAction } from '@/app/o/[slug]/settings/members/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-controls';

// The shared select style is full width; this one sits inline beside its label.
const REASSIGN_SELECT_CLASSES =
  'h-8 w-48 max-w-full rounded-md border border-line-strong bg-surface px-3 pr-8 text-sm text-ink shadow-sm';

/**
 * Moves every account a member owns to another member (or leaves them unassigned) in one step, so the member can
 * then be removed. The server moves exactly that member's accounts, in one transaction, audited.
 */
export function ReassignAccountsForm({
  slug,
  member,
  candidates,
}: {
  slug: string;
  member: { userId: string; name: string; ownedAccounts: number };
  candidates: { userId: string; name: string; email: string }[];
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const toUserId = String(new FormData(event.currentTarget).get('toUserId') ?? '');
    const target = candidates.find((candidate) => candidate.userId === toUserId);
    setMessage(null);
    startTransition(async () => {
      const result = await reassignMemberAccountsAction(slug, { fromUserId: member.userId, toUserId });
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.fieldErrors?.toUserId?.[0] ?? result.error.message });
        return;
      }
      const count = `${result.data.moved.toLocaleString('en')} account${result.data.moved === 1 ? '' : 's'}`;
      setMessage({ tone: 'success', text: target ? `Moved ${count} to ${target.name}.` : `${count} left unassigned.` });
    });
  }

  const feedback = message ? (
    <FormMessage tone={message.tone} className="ml-auto max-w-xs text-xs">
      {message.text}
    </FormMessage>
  ) : null;
  // Rendered for every member, so the confirmation outlives the form once they own nothing any more.
  if (member.ownedAccounts === 0) return feedback;
  return (
    <div className="space-y-2">
      <form onSubmit={onSubmit} aria-label={`Reassign the accounts of ${member.name}`} className="flex flex-wrap items-center justify-end gap-2">
        <label htmlFor={`${id}-to`} className="text-xs text-ink-muted">
          Reassign {member.ownedAccounts.toLocaleString('en')} account{member.ownedAccounts === 1 ? '' : 's'} to
        </label>
        <select id={`${id}-to`} name="toUserId" defaultValue="" className={REASSIGN_SELECT_CLASSES}>
          <option value="">Unassigned</option>
          {candidates.map((candidate) => (
            <option key={candidate.userId} value={candidate.userId}>
              {candidate.name}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? 'Moving…' : 'Reassign'}
          <span className="sr-only"> the accounts of {member.name}</span>
        </Button>
      </form>
      {feedback}
    </div>
  );
}
