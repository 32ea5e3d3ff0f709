import { NextResponse, type NextRequest } from 'next/server';
import { usesSecureCookies } from '@/lib/auth/auth-cookies';
import { env } from '@/lib/env';
import { contentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy';

/**
 * A nonce-based Content-Security-Policy for every page (Next 16's proxy, formerly middleware). The policy goes
 * on the request too: Next.js reads the nonce from it while rendering and adds it to its scripts. Pages are
 * therefore rendered per request (the root layout opts in), which they are anyway: almost all read the session.
 */
export function proxy(request: NextRequest) {
  const config = env();
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: config.NODE_ENV === 'development',
    https: usesSecureCookies(config.NEXTAUTH_URL),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not API routes (next.config.js gives them a deny-all policy), not static files.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      // Prefetches carry no HTML to protect.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
