import { z } from 'zod';

export const roleSchema = z.enum(['ADMIN', 'LEADER', 'CSM'], { error: 'Choose a role: admin, leader or CSM.' });

export const invitationEmailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address, such as ada@example.com.').max(320, 'That email address is too long.'));

export const invitationIdSchema = z.uuid('Not found.');
