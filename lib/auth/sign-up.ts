import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { createOrganization } from '@/lib/organizations/create-organization';
import { hashPassword } from './password';
import { signUpSchema } from './sign-up-schema';
import { signUpThrottleKey, type ThrottleRule } from './throttle';
import { countAttemptWithinLimit } from './throttle-store';

export const EMAIL_TAKEN_MESSAGE = 'An account with this email exists — sign in instead.';
export const SIGN_UP_LIMIT_MESSAGE = 'Too many sign-ups from your network. Please try again in an hour.';

export interface SignUpThrottle {
  /** The client's address (clientIpFromHeaders), or null when unknown (such clients share one counter). */
  ip: string | null;
  rule: ThrottleRule;
  now?: () => Date;
}

export interface SignUpResult {
  userId: string;
  organizationId: string;
  slug: string;
}

/**
 * Sign-up: a new user and their new organisation, of which they are the first ADMIN (with default weights,
 * targets and an audit event), all in one transaction under the new organisation's row-level-security context.
 * Invalid input throws VALIDATION with per-field messages; an email that has an account throws CONFLICT.
 * Nothing is written unless everything is.
 */
export async function signUp(prisma: PrismaClient, raw: unknown, throttle?: SignUpThrottle): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    throw new AppError('VALIDATION', 'Please correct the highlighted fields.', fieldErrors as Record<string, string[]>);
  }
  const input = parsed.data;
  const emailTaken = () => new AppError('CONFLICT', EMAIL_TAKEN_MESSAGE, { email: [EMAIL_TAKEN_MESSAGE] });
  if (throttle) await countSignUpAttempt(prisma, throttle);

  // Users are global (no RLS); a quick look saves hashing for a taken email. The unique index decides races.
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);

  const userId = randomUUID();
  const organizationId = randomUUID();
  const { slug } = await withTenant(prisma, { organizationId, userId }, async (tx) => {
    try {
      await tx.user.create({
        data: { id: userId, email: input.email, name: input.name, passwordHash },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return createOrganization(tx, { organizationId, name: input.organizationName, adminUserId: userId });
  });
  return { userId, organizationId, slug };
}

/**
 * Counts the attempt against the client's address, or refuses it once the address has used its sign-ups (before
 * the password hash, so a flood of valid-looking attempts costs the server no hashing once blocked).
 */
async function countSignUpAttempt(prisma: PrismaClient, { ip, rule, now = () => new Date() }: SignUpThrottle): Promise<void> {
  if (!(await countAttemptWithinLimit(prisma, signUpThrottleKey(ip), rule, now()))) {
    throw new AppError('RATE_LIMITED', SIGN_UP_LIMIT_MESSAGE);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
