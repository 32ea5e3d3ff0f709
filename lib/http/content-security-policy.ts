/**
 * The Content-Security-Policy of every page, with a fresh nonce per request (proxy.ts). Next.js reads the nonce
 * from the request's CSP header while rendering and puts it on its own scripts, so no inline script runs without
 * it: 'strict-dynamic' then trusts what those scripts load, and nothing else. Styles allow 'unsafe-inline'
 * (React style attributes and charts need it; a nonce would disable 'unsafe-inline' for styles). The other
 * security headers are static and set for every response in next.config.js.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  /** React's dev tooling needs eval (never in production). */
  development: boolean;
  /** Served over https: upgrade any stray http subresource. */
  https: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable, and different for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
