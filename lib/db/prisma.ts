import 'server-only';
import { env } from '@/lib/env';
import { createPrismaClient, type PrismaClient } from './create-prisma-client';

// One client per server process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { desiredStatePrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!globalForPrisma.desiredStatePrisma) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.');
    }
    globalForPrisma.desiredStatePrisma = createPrismaClient(url);
  }
  return globalForPrisma.desiredStatePrisma;
}
