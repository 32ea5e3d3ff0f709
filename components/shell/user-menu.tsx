import type { ReactNode } from 'react';
import { Chevron } from './chevron';
import { Popover } from './popover';

export type ShellUser = { name: string; email: string; role: 'ADMIN' | 'LEADER' | 'CSM' };

export const ROLE_LABELS: Record<ShellUser['role'], string> = {
  ADMIN: 'Admin',
  LEADER: 'CS leader',
  CSM: 'CSM',
};

function initials(user: ShellUser): string {
  const words = user.name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? user.email];
  return letters.map((word) => word?.charAt(0) ?? '').join('').toUpperCase() || '?';
}

/** Avatar trigger; the panel shows the user's name, email and role, then `signOutSlot` (e.g. a sign-out form). */
export function UserMenu({ user, signOutSlot }: { user: ShellUser; signOutSlot?: ReactNode }) {
  const displayName = user.name.trim() || user.email;
  return (
    <Popover
      trigger={
        <>
          <span
            aria-hidden="true"
            className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
          >
            {initials(user)}
          </span>
          <span className="hidden max-w-[10rem] truncate text-ink sm:inline">{displayName}</span>
          <span className="sr-only sm:hidden">{displayName}</span>
          <span className="sr-only">, account menu</span>
          <Chevron />
        </>
      }
    >
      <div className="border-b border-line px-3 py-2.5">
        <p className="truncate text-sm font-medium text-ink">{displayName}</p>
        <p className="truncate text-sm text-ink-muted">{user.email}</p>
        <p className="mt-2 text-xs text-ink-muted">
          Role: <span className="font-medium text-ink">{ROLE_LABELS[user.role]}</span>
        </p>
      </div>
      {signOutSlot ? <div className="pt-1">{signOutSlot}</div> : null}
    </Popover>
  );
}
