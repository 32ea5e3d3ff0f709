'use server';

import { headers } from 'next/headers';
import { signUp } from '@/lib/auth/sign-up';
import { clientIpFromHeaders, signUpRuleFrom } from '@/lib/auth/throttle';
import { prisma } from '@/lib/db/prisma';
import { env } from '@/lib/env';
import { toActionError, type ActionResult } from '@/lib/http/organization-action';

/**
 * Public by design (no session needed): creates a user and their organisation, at most AUTH_SIGNUP_IP_THRESHOLD
 * per client address and hour. Next.js rejects server actions whose Origin does not match the host; the client
 * signs in with next-auth afterwards.
 */
export async function signUpAction(raw: unknown): Promise<ActionResult<{ slug: string }>> {
  try {
    const { slug } = await signUp(prisma(), raw instanceof FormData ? Object.fromEntries(raw) : raw, {
      ip: clientIpFromHeaders(await headers(), env().AUTH_TRUSTED_PROXY_HOPS),
      rule: signUpRuleFrom(env()),
    });
    return { ok: true, data: { slug } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}
