import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import '@fontsource-variable/inter';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Desired State', template: '%s · Desired State' },
  description:
    'Score each customer account against its desired state of engagement across eight components, and see which one to fix first.',
  applicationName: 'Desired State',
};

export const viewport: Viewport = {
  themeColor: '#ffffff',
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // Every page is rendered per request, so Next.js can put the CSP nonce of that request (proxy.ts) on its
  // scripts; a page prerendered at build time would carry none and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-canvas font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
