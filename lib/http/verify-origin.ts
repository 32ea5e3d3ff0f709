import { AppError } from '@/lib/errors';

/**
 * CSRF defence for our own route handlers: a state-changing request (anything but GET, HEAD, OPTIONS) must come
 * from this site. Browsers send Origin on every cross-site request and on same-site POSTs; a request without it
 * is accepted only when the browser vouches for it with Sec-Fetch-Site: same-origin. Server actions get the same
 * check from Next.js itself; next-auth's endpoints use its CSRF token. The session cookie is SameSite=Lax as a
 * second line.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginCheck {
  method: string;
  headers: Headers;
  /** Origins the app is served from besides the request's own host (e.g. NEXTAUTH_URL's). */
  trustedOrigins?: readonly string[];
}

/** Whether the request may proceed (pure; verifyOrigin throws for the refused ones). */
export function isSameOriginRequest({ method, headers, trustedOrigins = [] }: OriginCheck): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return !origin && headers.get('sec-fetch-site') === 'same-origin';
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (trustedOrigins.some((trusted) => safeOrigin(trusted) === originUrl.origin)) return true;
  // Like Next.js's check for server actions: the Origin's host must be the host the request was sent to.
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return host !== null && host.toLowerCase() === originUrl.host.toLowerCase();
}

/** Throws FORBIDDEN for a cross-site state-changing request. */
export function verifyOrigin(request: Request, trustedOrigins: readonly string[] = []): void {
  if (!isSameOriginRequest({ method: request.method, headers: request.headers, trustedOrigins })) {
    throw new AppError('FORBIDDEN', 'Cross-site request refused.');
  }
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
