import { env } from '@/lib/env';

/**
 * The link an invitee opens: `${NEXTAUTH_URL}/invite/<token>` (the launcher always sets NEXTAUTH_URL; the
 * fallback matches its default, http://localhost:<PORT>).
 */
export function invitationLink(token: string): string {
  const config = env();
  const base = (config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  return `${base}/invite/${token}`;
}
