import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NextAuthOptions } from 'next-auth';
import { hashPassword } from '@/lib/auth/password';
import { closeAppClient, pointAppClientAt } from '../helpers/app-client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The per-address sign-in limit through the app's own next-auth credentials provider, as a request reaches it from
 * behind one reverse proxy that appends the address it saw to X-Forwarded-For (AUTH_TRUSTED_PROXY_HOPS = 1): a
 * client that writes its own X-Forwarded-For entries must not get a fresh budget with each of them.
 */

const IP_THRESHOLD = 3;
const PASSWORD = 'a passphrase long enough';
let db: TestDatabase;
let authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;

beforeAll(async () => {
  db = await createTestDatabase();
  pointAppClientAt(db, {
    AUTH_IP_THRESHOLD: String(IP_THRESHOLD),
    AUTH_TRUSTED_PROXY_HOPS: '1',
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'a test secret that is at least thirty-two characters',
  });
  const { authOptions } = (await import('@/lib/auth/auth-options')) as { authOptions: NextAuthOptions };
  const credentials = authOptions.providers.find((provider) => provider.id === 'credentials') as unknown as {
    options: { authorize: typeof authorize };
  };
  authorize = credentials.options.authorize;
});
afterAll(async () => {
  // authorize writes its audit events in the background (it never waits for them): let them finish first.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await closeAppClient();
  await db.drop();
});

async function newUser(): Promise<string> {
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  await db.prisma.user.create({ data: { email, name: 'Test User', passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

/** What the proxy forwards: whatever the client wrote, then the address the proxy saw. */
const behindProxy = (clientWrote: string | null, proxySaw: string) => ({
  headers: { 'x-forwarded-for': clientWrote === null ? proxySaw : `${clientWrote}, ${proxySaw}` },
});

describe('the per-address sign-in limit behind a proxy', () => {
  it('counts the address the proxy saw, whatever the client put in X-Forwarded-For', async () => {
    const email = await newUser();
    const attacker = '203.0.113.7';
    // Guesses at other accounts (so no account lock), each with a different forged first entry.
    for (let i = 1; i <= IP_THRESHOLD; i++) {
      expect(await authorize({ email: `victim-${i}@example.com`, password: 'guess' }, behindProxy(`198.51.100.${i}`, attacker))).toBeNull();
    }
    // That address is now locked: even a right password from it fails, whatever it forges.
    expect(await authorize({ email, password: PASSWORD }, behindProxy('192.0.2.55', attacker))).toBeNull();
    expect(await authorize({ email, password: PASSWORD }, behindProxy(null, attacker))).toBeNull();
    // Another client behind the same proxy signs in: the lock is the address's, not the account's.
    expect(await authorize({ email, password: PASSWORD }, behindProxy('203.0.113.7', '203.0.113.8'))).toMatchObject({ email });
  });

  it('counts IPv6 clients per /64, so rotating the interface id does not reset the budget', async () => {
    const email = await newUser();
    for (let i = 1; i <= IP_THRESHOLD; i++) {
      expect(await authorize({ email: `v6-victim-${i}@example.com`, password: 'guess' }, behindProxy(null, `2001:db8:1:2::${i.toString(16)}`))).toBeNull();
    }
    expect(await authorize({ email, password: PASSWORD }, behindProxy(null, '2001:db8:1:2:ffff::1'))).toBeNull();
    expect(await authorize({ email, password: PASSWORD }, behindProxy(null, '2001:db8:1:3::1'))).toMatchObject({ email });
  });
});
