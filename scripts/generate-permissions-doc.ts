/** `npm run docs:permissions`: rewrites docs/permissions.md from lib/auth/permissions.ts. */
import { writeFileSync } from 'node:fs';
import { permissionsDocument } from '@/lib/auth/permissions-document';

writeFileSync('docs/permissions.md', permissionsDocument());
console.log('docs/permissions.md written.');
