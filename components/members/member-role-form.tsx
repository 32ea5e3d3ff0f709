'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { changeMemberRoleAction } from '@/app/o/[slug]/settings/members/actions';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/generated/prisma/enums';
import { FormMessage, selectClasses } from './form-controls';
import { ROLE_LABELS, ROLE_OPTIONS } from './role-labels';

/** A member's role: pick one and save. The server refuses to demote the last admin. */
export function MemberRoleForm({ slug, userId, name, role }: { slug: string; userId: string; name: string; role: Role }) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<Role>(role);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await changeMemberRoleAction(slug, { userId, role: selected });
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        setSelected(role);
        return;
      }
      if (result.data.self && result.data.role !== 'ADMIN') {
        // No longer an admin: this page is not theirs any more.
        router.push(`/o/${slug}/accounts`);
        return;
      }
      setMessage({ tone: 'success', text: result.data.changed ? `${name} is now ${article(result.data.role)} ${ROLE_LABELS[result.data.role]}.` : 'No change.' });
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label={`Role of ${name}`} className="space-y-2">
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Role of {name}
        </label>
        <select
          id={`${id}-role`}
          name="role"
          value={selected}
          onChange={(event) => setSelected(event.target.value as Role)}
          className={`${selectClasses} h-8 w-32`}
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" variant="secondary" disabled={pending || selected === role}>
          {pending ? 'Saving…' : 'Save'}
          <span className="sr-only"> role of {name}</span>
        </Button>
      </div>
      {message ? (
        <FormMessage tone={message.tone} className="max-w-xs text-xs">
          {message.text}
        </FormMessage>
      ) : null}
    </form>
  );
}

const article = (role: Role) => (role === 'ADMIN' ? 'an' : 'a');
