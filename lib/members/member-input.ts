import { z } from 'zod';

/** The member acted on, by user id (a membership's key within its organisation). */
export const memberUserIdSchema = z.uuid('Choose a member.');
