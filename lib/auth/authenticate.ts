import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { hashPassword, verifyPassword } from './password';
import { recordSecurityEvent } from './record-security-event';
import { accountThrottleKey, ipThrottleKey, type ThrottleRules } from './throttle';
import { clearFailures, findLockedKeys, pruneThrottle, recordFailure } from './throttle-store';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

export interface PasswordAttempt {
  /** Lower-cased by the caller's schema or here. */
  email: string;
  password: string;
  /** The client's address (clientIpFromHeaders), or null when unknown. */
  ip: string | null;
}

export interface AuthenticationResult {
  user: AuthenticatedUser | null;
  /**
   * The audit events of this attempt, still being written. The response need not wait for them: answering
   * before they land keeps a known email from taking measurably longer than an unknown one. Never rejects.
   */
  audit: Promise<void>;
}

// Verifying against a real hash even for unknown emails (and locked accounts) keeps the response time from
// revealing whether an address has an account or is locked.
let decoyHash: Promise<string> | undefined;
const getDecoyHash = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

const PRUNE_IDLE_MS = 24 * 60 * 60_000;

/**
 * Email + password sign-in with throttling and an audit trail (lib/auth/throttle.ts has the rules). Every
 * failure — unknown email, wrong password, locked account or address — returns `user: null`, and the caller
 * shows one message for all of them.
 */
export async function authenticateWithPassword(
  prisma: PrismaClient,
  attempt: PasswordAttempt,
  options: { rules: ThrottleRules; now?: () => Date },
): Promise<AuthenticationResult> {
  const clock = options.now ?? (() => new Date());
  const email = attempt.email.trim().toLowerCase();
  const keys = { account: accountThrottleKey(email), ip: ipThrottleKey(attempt.ip) };
  const ip = attempt.ip ?? 'unknown';

  const locked = await findLockedKeys(prisma, [keys.account, keys.ip], clock());
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), attempt.password);

  if (locked.size > 0) {
    // Refused like a wrong password, even when it is right; not counted, so a lock cannot be extended forever.
    return { user: null, audit: user ? background(() => recordSecurityEvent(prisma, user.id, 'auth.sign_in_failed', { ip, locked: true })) : done };
  }

  if (user && user.passwordHash && valid) {
    await clearFailures(prisma, keys.account, clock());
    return {
      user: { id: user.id, email: user.email, name: user.name },
      audit: background(() => recordSecurityEvent(prisma, user.id, 'auth.sign_in', { ip })),
    };
  }

  const now = clock();
  const [account, client] = await Promise.all([
    recordFailure(prisma, keys.account, options.rules.account, now),
    recordFailure(prisma, keys.ip, options.rules.ip, now),
  ]);
  if (client.lockedNow) {
    console.warn(`[auth] sign-ins from ${ip} blocked until ${client.counter.lockedUntil?.toISOString()}`);
  }
  const audit = background(async () => {
    if (user) {
      await recordSecurityEvent(prisma, user.id, 'auth.sign_in_failed', { ip });
      if (account.lockedNow) {
        await recordSecurityEvent(prisma, user.id, 'auth.locked_out', {
          ip,
          lockedUntil: account.counter.lockedUntil?.toISOString() ?? null,
        });
      }
    }
    // Counters of unknown emails would otherwise stay forever; an occasional sweep keeps the table small.
    if (Math.random() < 0.01) await pruneThrottle(prisma, now, PRUNE_IDLE_MS);
  });
  return { user: null, audit };
}

const done = Promise.resolve();

function background(work: () => Promise<void>): Promise<void> {
  return work().catch((error: unknown) => {
    console.error('[auth] could not write the audit trail of a sign-in', error);
  });
}
