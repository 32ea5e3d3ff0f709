'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DateTime } from '@/components/ui/date-time';
import { inputClasses, labelClasses } from './form-controls';
import { ROLE_LABELS } from './role-labels';

export interface IssuedInvitationLink {
  email: string;
  role: 'ADMIN' | 'LEADER' | 'CSM';
  expiresAt: string;
  link: string;
  /** Earlier pending invitations for the email that this one replaced. */
  superseded: number;
}

/** The new invitation's link, shown once: only its hash is stored, so it cannot be shown again. */
export function InvitationLinkPanel({ invitation, onDismiss }: { invitation: IssuedInvitationLink; onDismiss: () => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'manual'>('idle');

  // Keyed by link by the parent, so a new invitation starts fresh; focus moves here so it is announced.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    const input = inputRef.current;
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopyState('copied');
      return;
    } catch {
      // No clipboard API (e.g. plain http on another host): select the text so Ctrl+C / ⌘C copies it.
    }
    input?.focus();
    input?.select();
    setCopyState('manual');
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-band-desired-line bg-band-desired-soft px-4 py-4 text-sm text-ink"
    >
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        Invitation created for {invitation.email} ({ROLE_LABELS[invitation.role]})
      </h3>
      <p className="mt-1 text-ink-muted">
        Copy this link and send it to them. It is shown only once, works once, and expires on{' '}
        <DateTime value={invitation.expiresAt} format="dateTime" />.
        {invitation.superseded > 0 ? ' Their earlier invitation link no longer works.' : ''}
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-link`} className={labelClasses}>
            Invitation link
          </label>
          <input
            ref={inputRef}
            id={`${id}-link`}
            readOnly
            value={invitation.link}
            onFocus={(event) => event.currentTarget.select()}
            className={`mt-1 font-mono ${inputClasses}`}
          />
        </div>
        <Button variant="primary" onClick={copy}>
          Copy link
        </Button>
        <Button variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-5 text-xs text-band-desired-ink">
        {copyState === 'copied' ? 'Link copied to the clipboard.' : copyState === 'manual' ? 'Link selected: press Ctrl+C (⌘C on a Mac) to copy it.' : ''}
      </p>
    </section>
  );
}
