import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { prisma } from '@/lib/db/prisma';
import { env, oidcConfig } from '@/lib/env';
import { authCookies, usesSecureCookies } from './auth-cookies';
import { authenticateWithPassword } from './authenticate';
import { OIDC_PROVIDER_ID, findUserForOidcSignIn, oidcProvider } from './oidc';
import { recordSecurityEvent } from './record-security-event';
import { clientIpFromHeaders, throttleRulesFrom } from './throttle';

const credentialsSchema = z.object({
  email: z.email().max(320).transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(1024),
});

const config = env();
const secureCookies = usesSecureCookies(config.NEXTAUTH_URL);
const oidc = oidcConfig(config);

/**
 * next-auth 4.24 (stable, supports Next 16 / React 19; Auth.js v5 is still beta): email + password, and
 * optionally an OpenID Connect provider; JWT sessions in an HttpOnly cookie. Sign-in errors are one generic
 * message whatever went wrong (unknown email, wrong password, locked account): lib/auth/authenticate.ts.
 * next-auth's own POST endpoints check its double-submit CSRF token.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  // Errors (e.g. an SSO sign-in without a matching account) come back to the sign-in page as ?error=….
  pages: { signIn: '/sign-in', error: '/sign-in' },
  useSecureCookies: secureCookies,
  cookies: authCookies(secureCookies),
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const result = await authenticateWithPassword(
            prisma(),
            { ...parsed.data, ip: clientIpFromHeaders(request?.headers ?? {}, env().AUTH_TRUSTED_PROXY_HOPS) },
            { rules: throttleRulesFrom(env()) },
          );
          void result.audit; // written in the background; it never rejects
          return result.user;
        } catch (error) {
          console.error('[auth] sign-in failed unexpectedly', error);
          return null;
        }
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      // Single sign-on links only to an existing user with the provider-verified email; no auto-provisioning.
      const user = await findUserForOidcSignIn(prisma(), profile);
      if (!user) return false;
      void recordSecurityEvent(prisma(), user.id, 'auth.sign_in', { method: 'oidc' }).catch((error: unknown) =>
        console.error('[auth] could not write the audit trail of an SSO sign-in', error),
      );
      return true;
    },
    async jwt({ token, account, profile }) {
      if (account?.provider === OIDC_PROVIDER_ID) {
        // The session names our user, not the provider's subject.
        const user = await findUserForOidcSignIn(prisma(), profile);
        if (!user) throw new Error('SSO sign-in without a matching user');
        token.sub = user.id;
        token.email = user.email;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

/** For the sign-in page: the SSO button's label, or null when single sign-on is not configured. */
export function singleSignOnName(): string | null {
  return oidc?.name ?? null;
}
