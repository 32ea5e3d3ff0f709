import { randomInt } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Password hashing for sign-in. argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): ~20 ms per hash
 * on the 2-core machines. No 'server-only' import: the seed scripts use this module outside Next.
 */

// `Algorithm` is an ambient const enum, which isolatedModules cannot read; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_OPTIONS);
}

/** True when `plain` matches `hash`; false (never a throw) for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

// No look-alikes (0/O/o, 1/l/I, 5/S, 2/Z, 8/B, 9/g, u/v): the demo passwords are read off a terminal and typed by hand.
const LETTERS = 'abcdefghjkmnpqrstwxyzACDEFGHJKLMNPQRTUVWXY';
const DIGITS = '3467';
const ALPHABET = LETTERS + DIGITS;

/**
 * A random, readable password (crypto-random; ~16 characters of an unambiguous 46-symbol alphabet ≈ 88 bits) that
 * always contains letters and digits, so it passes "letters and digits" rules.
 */
export function generatePassword(length = 16): string {
  if (!Number.isInteger(length) || length < 8) throw new RangeError('generatePassword: length must be an integer >= 8');
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i += 1) password += ALPHABET[randomInt(ALPHABET.length)];
    // Rejection sampling keeps every accepted password uniformly distributed over the valid ones.
    if (/[a-zA-Z]/.test(password) && /\d/.test(password)) return password;
  }
}
