import { permissionsMarkdownTable } from './permissions';

/** docs/permissions.md, generated from the permission table so code and documentation cannot disagree. */
export function permissionsDocument(): string {
  return `# Roles and permissions

<!-- Generated from lib/auth/permissions.ts by \`npm run docs:permissions\`; a unit test keeps it in sync. -->

Every member of an organisation has one role there: **ADMIN**, **LEADER** (CS leader) or **CSM**. A person can have
different roles in different organisations. Every page, route handler and server action checks its permission on
the server; the UI only hides what a role cannot do.

${permissionsMarkdownTable()}

"own accounts" means: only for accounts the member owns (is the owner CSM of); for other accounts the action is
refused with 403. A member of another organisation gets 404 for everything of this organisation — exactly what a
missing resource gets — and an anonymous visitor is sent to sign in.

The full list of pages, route handlers and server actions × callers, with the outcome each must get, is the
authorization matrix in \`tests/authorization/matrix.ts\`; the e2e suite checks every cell against the running app.
`;
}
