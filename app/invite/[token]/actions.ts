'use server';

import { getCurrentUser } from '@/lib/auth/current-user';
import { prisma } from '@/lib/db/prisma';
import { toActionError, type ActionResult } from '@/lib/http/organization-action';
import { acceptInvitation } from '@/lib/invitations/accept-invitation';

/**
 * Public by design: the invitation's token is the credential (an unknown or malformed one is NOT_FOUND for
 * everyone). A signed-in user accepts as themselves and must be the invited email; without a session the
 * input is the new account's { name, password }. The organisation comes from the invitation, never the client.
 * Next.js rejects server actions whose Origin does not match the host.
 */
export async function acceptInvitationAction(token: string, raw: unknown): Promise<ActionResult<{ slug: string; createdUser: boolean }>> {
  try {
    const user = await getCurrentUser();
    const result = await acceptInvitation(prisma(), {
      token,
      user: user ? { id: user.id, email: user.email } : null,
      newUser: raw instanceof FormData ? Object.fromEntries(raw) : raw,
    });
    return { ok: true, data: { slug: result.slug, createdUser: result.createdUser } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}
