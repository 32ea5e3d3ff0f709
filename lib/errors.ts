/**
 * The one error type for expected failures. Its code decides the HTTP status (in one place, below) and whether
 * its message may be shown to a user; anything else is an unexpected error and users see a generic message.
 */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Per-field messages for forms (field name → messages). */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** A resource of another organisation must look exactly like a missing one: same status, same body. */
export const notFoundError = () => new AppError('NOT_FOUND', 'Not found.');
export const forbiddenError = () => new AppError('FORBIDDEN', 'You do not have permission to do that.');

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
