import 'server-only';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can, type Permission } from '@/lib/auth/permissions';
import { AppError, forbiddenError, notFoundError, type AppErrorCode } from '@/lib/errors';
import { findOrganizationAccess, type OrganizationAccess } from '@/lib/tenancy/organization-access';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode | 'INTERNAL'; message: string; fieldErrors?: Record<string, string[]> } };

/**
 * The one wrapper for server actions on an organisation: session, membership of the organisation named by the
 * URL's slug (non-members get the same NOT_FOUND as a missing organisation), permission, zod-validated input,
 * and error mapping (only AppError messages reach the user). Next.js itself rejects server actions whose
 * Origin does not match the host.
 */
export function organizationAction<Schema extends z.ZodType, T>(config: {
  permission: Permission;
  input: Schema;
  handler: (access: OrganizationAccess, input: z.infer<Schema>) => Promise<T>;
}): (slug: string, raw: unknown) => Promise<ActionResult<T>> {
  return async (slug, raw) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
      const access = typeof slug === 'string' ? await findOrganizationAccess(user, slug) : null;
      if (!access) throw notFoundError();
      if (!can(access.role, config.permission)) throw forbiddenError();
      const parsed = config.input.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        throw new AppError('VALIDATION', 'Please correct the highlighted fields.', flat.fieldErrors as Record<string, string[]>);
      }
      return { ok: true, data: await config.handler(access, parsed.data) };
    } catch (error) {
      return { ok: false, error: toActionError(error) };
    }
  };
}

export function toActionError(error: unknown): Extract<ActionResult<never>, { ok: false }>['error'] {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  console.error('[action] unexpected error', error);
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing was changed; please try again.' };
}
