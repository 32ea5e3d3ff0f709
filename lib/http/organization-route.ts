import 'server-only';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can, type Permission } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { AppError, HTTP_STATUS, forbiddenError, notFoundError } from '@/lib/errors';
import { findOrganizationAccess, type OrganizationAccess } from '@/lib/tenancy/organization-access';
import { verifyOrigin } from './verify-origin';

type RouteContext<P> = { params: Promise<P> };

/**
 * The one wrapper for route handlers under /api/o/[slug]/…: same checks as server actions, errors as JSON with
 * the status from HTTP_STATUS. Another organisation's resource answers exactly like a missing one. Methods other
 * than GET/HEAD/OPTIONS must come from this site (Origin check, lib/http/verify-origin.ts): 403 otherwise.
 */
export function organizationRoute<P extends { slug: string }>(config: {
  permission: Permission;
  handler: (request: Request, access: OrganizationAccess, params: P) => Promise<Response>;
}): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const params = await context.params;
      const user = await getCurrentUser();
      if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
      const access = await findOrganizationAccess(user, params.slug);
      if (!access) throw notFoundError();
      if (!can(access.role, config.permission)) throw forbiddenError();
      const publicUrl = env().NEXTAUTH_URL;
      verifyOrigin(request, publicUrl ? [publicUrl] : []);
      return await config.handler(request, access, params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } },
      { status: HTTP_STATUS[error.code], headers: { 'Cache-Control': 'no-store' } },
    );
  }
  console.error('[route] unexpected error', error);
  return Response.json(
    { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } },
    { status: 500, headers: { 'Cache-Control': 'no-store' } },
  );
}
