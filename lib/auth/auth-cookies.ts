import type { CookiesOptions } from 'next-auth';

/**
 * next-auth's cookies, spelled out: every one HttpOnly, SameSite=Lax, path /, and Secure with the __Secure- /
 * __Host- name prefixes when the app is served over https (the browser then refuses them over plain http).
 * Lax keeps the session on top-level navigations from other sites (links, the OIDC redirect back) and off
 * cross-site subrequests and form posts.
 */
export function authCookies(secure: boolean): CookiesOptions {
  const prefix = secure ? '__Secure-' : '';
  const options = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${secure ? '__Host-' : ''}next-auth.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}next-auth.pkce.code_verifier`, options: { ...options, maxAge: 15 * 60 } },
    state: { name: `${prefix}next-auth.state`, options: { ...options, maxAge: 15 * 60 } },
    nonce: { name: `${prefix}next-auth.nonce`, options },
  };
}

/** Secure cookies exactly when the public URL is https (NEXTAUTH_URL). */
export function usesSecureCookies(nextAuthUrl: string | undefined): boolean {
  return nextAuthUrl?.startsWith('https://') ?? false;
}
