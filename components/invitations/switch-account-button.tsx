'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

/** Signed in as someone other than the invited email: sign out and come back to the same link. */
export function SwitchAccountButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl })}>
      Sign out and continue
    </Button>
  );
}
