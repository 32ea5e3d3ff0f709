import { z } from 'zod';
import { passwordPolicySchema } from './password-policy';

/** The sign-up form: the person, their password (lib/auth/password-policy.ts) and their new organisation. */
export const signUpSchema = passwordPolicySchema.safeExtend({
  name: z.string({ error: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid email address, such as ada@example.com.').max(320, 'That email address is too long.')),
  organizationName: z
    .string({ error: "Enter your organisation's name." })
    .trim()
    .min(2, "Enter your organisation's name (at least 2 characters).")
    .max(100, 'Use at most 100 characters.'),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
