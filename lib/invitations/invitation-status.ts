/**
 * The state of an invitation as its link reports it. 'accepted' is checked first (a used link stays used even
 * if it was revoked or has expired since), then 'revoked', then 'expired'.
 */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** How long a new invitation's link works. */
export const INVITATION_TTL_DAYS = 7;
export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** What a link that cannot be used says, one message per reason (unknown and tampered tokens are both "invalid"). */
export const INVITATION_UNAVAILABLE_MESSAGES = {
  invalid: 'This invitation link is not valid. Check that you copied the whole link, or ask an admin for a new one.',
  expired: 'This invitation has expired. Ask an admin of the organisation to invite you again.',
  accepted: 'This invitation has already been used. Each invitation link works once.',
  revoked: 'This invitation was revoked by an admin. Ask them to invite you again if you still need access.',
} as const satisfies Record<Exclude<InvitationStatus, 'pending'> | 'invalid', string>;
