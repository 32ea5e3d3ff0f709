import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { PrismaClient } from '@/lib/db/create-prisma-client';

/**
 * Optional single sign-on through any OpenID Connect provider (README, "Single sign-on (OIDC)"). It only signs
 * in people who already have an account here, matched by an email the provider says it has verified; it never
 * creates users or memberships (people join an organisation by invitation).
 */

export const OIDC_PROVIDER_ID = 'oidc';

export interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export function oidcProvider(config: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: 'oauth',
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(claims) {
      return { id: claims.sub, email: claims.email ?? null, name: claims.name ?? claims.email ?? null };
    },
  };
}

/** The verified email of an OIDC profile (lower-cased), or null when the provider has not verified it. */
export function verifiedEmailOf(claims: unknown): string | null {
  if (!claims || typeof claims !== 'object') return null;
  const { email, email_verified: verified } = claims as Partial<OidcClaims>;
  if (typeof email !== 'string' || email.length === 0) return null;
  // Some providers send the claim as a string.
  if (verified !== true && verified !== 'true') return null;
  return email.trim().toLowerCase();
}

/** The existing user an OIDC sign-in links to, or null (unverified email, or no such user: access denied). */
export async function findUserForOidcSignIn(
  prisma: PrismaClient,
  claims: unknown,
): Promise<{ id: string; email: string; name: string } | null> {
  const email = verifiedEmailOf(claims);
  if (!email) return null;
  return prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
}
