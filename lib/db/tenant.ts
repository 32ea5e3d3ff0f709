import type { PrismaClient } from './create-prisma-client';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The tenant-scoped data layer. Every query on tenant data runs inside one of these transactions, which first
 * sets the row-level-security context (transaction-local, so it can never leak to another request through a
 * pooled connection). With RLS underneath, a query that forgets its organisation filter returns nothing of
 * another tenant's rather than leaking it.
 */

export type Tx = Prisma.TransactionClient;

export interface TransactionOptions {
  /** Interactive transactions time out after 5 s by default; bulk work asks for more. */
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

export interface TenantTransactionOptions extends TransactionOptions {
  /** false: no parallel workers for this transaction's queries (see withTenant). */
  parallelQuery?: boolean;
}

/** Runs `work` with the organisation (and optionally the acting user) set for row-level security. */
export function withTenant<T>(
  prisma: PrismaClient,
  scope: { organizationId: string; userId?: string | null },
  work: (tx: Tx) => Promise<T>,
  { parallelQuery = true, ...options }: TenantTransactionOptions = {},
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    // parallelQuery: false keeps the transaction's plans on its own backend. Each parallel worker is a new process
    // that page-faults every shared buffer it reads (no huge pages), and under concurrent requests the workers
    // only compete for the same cores (docs/benchmarks.md, session 6).
    const serial = parallelQuery ? Prisma.empty : Prisma.sql`, set_config('max_parallel_workers_per_gather', '0', true)`;
    await tx.$executeRaw`SELECT set_config('app.org_id', ${scope.organizationId}, true),
                                set_config('app.user_id', ${scope.userId ?? ''}, true)${serial}`;
    return work(tx);
  }, options);
}

/**
 * Runs `work` as a signed-in user before an organisation is chosen: RLS then shows only that user's own
 * memberships and their organisations (the switcher, resolving `/o/[slug]`).
 */
export function withUser<T>(prisma: PrismaClient, userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.user_id', ${userId}, true)`;
    return work(tx);
  });
}

/** Runs `work` able to see exactly the invitation(s) whose token hashes to `tokenHash`. */
export function withInvitationToken<T>(
  prisma: PrismaClient,
  tokenHash: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.invitation_token_hash', ${tokenHash}, true)`;
    return work(tx);
  });
}

/**
 * Switches the organisation inside an open transaction, e.g. after an invitation found by token has told us
 * which organisation the new membership belongs to.
 */
export async function setTenant(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.org_id', ${organizationId}, true)`;
}
