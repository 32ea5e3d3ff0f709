import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  isCommonPassword,
  passwordPolicySchema,
} from './password-policy';

const email = 'ada@example.com';

function passwordErrors(password: unknown, forEmail = email): string[] {
  const result = passwordPolicySchema.safeParse({ email: forEmail, password });
  if (result.success) return [];
  return z.flattenError(result.error).fieldErrors.password ?? [];
}

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordErrors('correct horse battery staple')).toEqual([]);
    expect(passwordErrors('x'.repeat(PASSWORD_MIN_LENGTH))).toEqual([]);
    expect(passwordErrors('x'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
  });

  it('rejects fewer than 12 characters with a message that says so', () => {
    expect(passwordErrors('x'.repeat(PASSWORD_MIN_LENGTH - 1))).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordErrors('')).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(PASSWORD_MESSAGES.tooShort).toBe('Use at least 12 characters.');
  });

  it('rejects more than 256 characters', () => {
    expect(passwordErrors('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([PASSWORD_MESSAGES.tooLong]);
  });

  it('rejects a missing or non-string password', () => {
    expect(passwordErrors(undefined)).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordErrors(123456789012)).toEqual([PASSWORD_MESSAGES.tooShort]);
  });

  it('rejects very common passwords, whatever their case', () => {
    expect(passwordErrors('password1234')).toEqual([PASSWORD_MESSAGES.common]);
    expect(passwordErrors('Password1234')).toEqual([PASSWORD_MESSAGES.common]);
    expect(passwordErrors('QWERTY123456')).toEqual([PASSWORD_MESSAGES.common]);
    expect(isCommonPassword('123456789012')).toBe(true);
    expect(isCommonPassword('a perfectly fine passphrase')).toBe(false);
  });

  it('rejects the account’s own email as its password, case-insensitively', () => {
    expect(passwordErrors('ada@example.com')).toEqual([PASSWORD_MESSAGES.isEmail]);
    expect(passwordErrors('ADA@Example.com')).toEqual([PASSWORD_MESSAGES.isEmail]);
    expect(passwordErrors('ada@example.com', 'someone@else.example')).toEqual([]);
  });

  it('keeps the email check when extended with more fields', () => {
    const form = passwordPolicySchema.safeExtend({ name: z.string().min(1) });
    expect(form.safeParse({ name: 'Ada', email, password: email }).success).toBe(false);
    expect(form.safeParse({ name: 'Ada', email, password: 'a long enough passphrase' }).success).toBe(true);
  });
});
