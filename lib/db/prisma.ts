import 'server-only';
import { env } from '@/lib/env';
import { createPrismaClient, type PrismaClient } from './create-prisma-client';

const APP_POOL_IDLE_TIMEOUT_MS = 5 * 60_000;

// One client per server process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { desiredStatePrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!globalForPrisma.desiredStatePrisma) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.');
    }
    // Keep idle connections for minutes, not pg's 10 s: a new one costs a connection handshake and a cold
    // catalog cache in its backend (tens of ms), which a burst of requests after a quiet spell paid on every slot.
    globalForPrisma.desiredStatePrisma = createPrismaClient(url, { idleTimeoutMillis: APP_POOL_IDLE_TIMEOUT_MS });
  }
  return globalForPrisma.desiredStatePrisma;
}
