import { z } from 'zod';

/**
 * The password policy for new passwords (sign-up, and later password changes), as one zod schema so forms,
 * server actions and tests share it. Length is what makes a password strong (NIST SP 800-63B): at least 12
 * characters, at most 256 (hashing cost stays bounded), not the account's own email, not a well-known password.
 * No composition rules: they make passwords harder to remember without making them harder to guess.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Passwords of 12+ characters that appear near the top of breached-password lists (shorter ones already fail the
 * length rule). Compared case-insensitively.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012',
  '1234567890123',
  '12345678910',
  '111111111111',
  '000000000000',
  '123123123123',
  'password1234',
  'password12345',
  'password123!',
  'password123456',
  'passwordpassword',
  'p@ssw0rd1234',
  'qwertyuiop12',
  'qwertyuiopasdf',
  'qwerty123456',
  'qwertyqwerty',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'asdfghjkl123',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'administrator',
  'administrator1',
  'abcdefghijkl',
  'abc123abc123',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'trustno1trustno1',
  'desiredstate',
  'desiredstate1',
  'desiredstate123',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}

export const PASSWORD_MESSAGES = {
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: 'This password is too common. Choose one that is harder to guess, such as a few unrelated words.',
  isEmail: 'Your password must not be your email address.',
} as const;

/** A new password on its own (length and the common-password list). */
export const newPasswordSchema = z
  .string({ error: PASSWORD_MESSAGES.tooShort })
  .min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong)
  .refine((password) => !isCommonPassword(password), PASSWORD_MESSAGES.common);

/**
 * The whole policy: a new password for the account with this email. Extend it with `.safeExtend({...})` for a form
 * with more fields; the check against the email then still applies.
 */
export const passwordPolicySchema = z
  .object({ email: z.string(), password: newPasswordSchema })
  .refine((value) => value.password.trim().toLowerCase() !== value.email.trim().toLowerCase(), {
    path: ['password'],
    message: PASSWORD_MESSAGES.isEmail,
  });
