import 'server-only';
import { randomBytes } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { prisma } from '@/lib/db/prisma';
import { hashPassword, verifyPassword } from './password';

const credentialsSchema = z.object({
  email: z.email().max(320).transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(1024),
});

// Verifying against a real hash even for unknown emails keeps the response time from revealing
// whether an address has an account.
let decoyHash: Promise<string> | undefined;
const getDecoyHash = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

/**
 * next-auth 4.24 (stable, supports Next 16 / React 19; Auth.js v5 is still beta): email + password,
 * JWT sessions in an HttpOnly cookie. Sign-in errors are one generic message whatever went wrong.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await prisma().user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        const valid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), parsed.data.password);
        if (!user || !user.passwordHash || !valid) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
