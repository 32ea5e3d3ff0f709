'use server';

import { signUp } from '@/lib/auth/sign-up';
import { prisma } from '@/lib/db/prisma';
import { toActionError, type ActionResult } from '@/lib/http/organization-action';

/**
 * Public by design (no session needed): creates a user and their organisation. Next.js rejects server actions
 * whose Origin does not match the host; the client signs in with next-auth afterwards.
 */
export async function signUpAction(raw: unknown): Promise<ActionResult<{ slug: string }>> {
  try {
    const { slug } = await signUp(prisma(), raw instanceof FormData ? Object.fromEntries(raw) : raw);
    return { ok: true, data: { slug } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}
