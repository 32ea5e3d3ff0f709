import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitation tokens: 32 random bytes, base64url (43 characters). Only the SHA-256 of a token is stored
 * (invitation.token_hash), so a copy of the database cannot be turned into working links.
 */
export const INVITATION_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): string {
  return randomBytes(INVITATION_TOKEN_BYTES).toString('base64url');
}

/** The stored form of a token: lower-case SHA-256 hex. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` could have been issued by generateInvitationToken (anything else is "not valid" at once). */
export function isWellFormedInvitationToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}
