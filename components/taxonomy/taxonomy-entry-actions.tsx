'use client';

import { useId, useRef, useState, useTransition, type FormEvent } from 'react';
import {
  moveJourneyStageAction,
  setTaxonomyEntryRetiredAction,
  updateTaxonomyEntryAction,
} from '@/app/o/[slug]/settings/taxonomy/actions';
import { FieldError, FormMessage, inputClasses } from '@/components/members/form-controls';
import { Button } from '@/components/ui/button';
import type { TaxonomyKind } from '@/lib/taxonomy/taxonomy-input';

export interface TaxonomyEntryProps {
  slug: string;
  kind: TaxonomyKind;
  entry: { id: string; name: string; version: number; retired: boolean; tier?: number };
  /** Stages only: whether it can move earlier / later. */
  move?: { up: boolean; down: boolean };
}

/** A segment's or stage's controls: rename (and re-tier), retire or restore, move earlier or later. */
export function TaxonomyEntryActions({ slug, kind, entry, move }: TaxonomyEntryProps) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'name' | 'tier', string[]>>>({});
  const renameRef = useRef<HTMLButtonElement>(null);

  function run(work: () => Promise<{ ok: true } | { ok: false; error: { message: string; fieldErrors?: Record<string, string[]> } }>, done: string) {
    setMessage(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      setEditing(false);
      setMessage({ tone: 'success', text: done });
    });
  }

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const name = String(data.name ?? '').trim();
    run(
      () => updateTaxonomyEntryAction(slug, { ...data, kind, id: entry.id, version: entry.version }),
      `Saved “${name}”.`,
    );
  }

  const nameErrorId = `${id}-name-error`;
  const tierErrorId = `${id}-tier-error`;
  return (
    <div className="space-y-2">
      {editing ? (
        <form onSubmit={onRename} aria-label={`Rename ${entry.name}`} className="flex flex-wrap items-start justify-end gap-2" noValidate>
          <div>
            <label htmlFor={`${id}-name`} className="sr-only">
              New name for {entry.name}
            </label>
            <input
              id={`${id}-name`}
              name="name"
              defaultValue={entry.name}
              maxLength={80}
              autoFocus
              aria-invalid={fieldErrors.name?.length ? true : undefined}
              aria-describedby={fieldErrors.name?.length ? nameErrorId : undefined}
              className={`${inputClasses} h-8 w-48`}
            />
            <FieldError id={nameErrorId} messages={fieldErrors.name} />
          </div>
          {kind === 'segment' ? (
            <div>
              <label htmlFor={`${id}-tier`} className="sr-only">
                Tier of {entry.name}
              </label>
              <input
                id={`${id}-tier`}
                name="tier"
                type="number"
                min={1}
                max={9}
                defaultValue={entry.tier}
                aria-invalid={fieldErrors.tier?.length ? true : undefined}
                aria-describedby={fieldErrors.tier?.length ? tierErrorId : undefined}
                className={`${inputClasses} h-8 w-20`}
              />
              <FieldError id={tierErrorId} messages={fieldErrors.tier} />
            </div>
          ) : null}
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
            <span className="sr-only"> {entry.name}</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => {
              setEditing(false);
              setFieldErrors({});
              setMessage(null);
              requestAnimationFrame(() => renameRef.current?.focus());
            }}
          >
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center justify-end gap-1">
          {move ? (
            <>
              <Button
                size="sm"
                variant="ghost"
                disabled={pending || !move.up}
                onClick={() => run(() => moveJourneyStageAction(slug, { id: entry.id, version: entry.version, direction: 'up' }), `Moved “${entry.name}” earlier.`)}
              >
                <span aria-hidden="true">↑</span>
                <span className="sr-only">Move {entry.name} earlier</span>
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={pending || !move.down}
                onClick={() => run(() => moveJourneyStageAction(slug, { id: entry.id, version: entry.version, direction: 'down' }), `Moved “${entry.name}” later.`)}
              >
                <span aria-hidden="true">↓</span>
                <span className="sr-only">Move {entry.name} later</span>
              </Button>
            </>
          ) : null}
          <Button ref={renameRef} size="sm" variant="secondary" disabled={pending} onClick={() => setEditing(true)}>
            Rename<span className="sr-only"> {entry.name}</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() =>
              run(
                () => setTaxonomyEntryRetiredAction(slug, { kind, id: entry.id, version: entry.version, retired: !entry.retired }),
                entry.retired ? `Restored “${entry.name}”.` : `Retired “${entry.name}”. Accounts keep it.`,
              )
            }
          >
            {entry.retired ? 'Restore' : 'Retire'}
            <span className="sr-only"> {entry.name}</span>
          </Button>
        </div>
      )}
      {message ? (
        <FormMessage tone={message.tone} className="ml-auto max-w-xs text-xs">
          {message.text}
        </FormMessage>
      ) : null}
    </div>
  );
}
