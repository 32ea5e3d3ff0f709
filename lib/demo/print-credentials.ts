import type { DemoCredentials, DemoRole } from './demo-organization';

export const DEFAULT_SIGN_IN_URL = 'http://localhost:3000/sign-in';

const ROLE_LABELS: Record<DemoRole, string> = { ADMIN: 'Admin', LEADER: 'CS leader', CSM: 'CSM' };

/**
 * The demo sign-in details as a boxed, aligned block for the terminal, e.g.
 *
 *   ┌─ Desired State demo: Northwind Analytics ──────────────────────────┐
 *   │ Sign in at http://localhost:3000/sign-in                            │
 *   ├───────────┬───────────────┬───────────────────────┬─────────────────┤
 *   │ Role      │ Name          │ Email                 │ Password        │
 *   │ Admin     │ Priya Raman   │ priya.raman@…         │ …               │
 *   └───────────┴───────────────┴───────────────────────┴─────────────────┘
 */
export function formatDemoCredentials(credentials: DemoCredentials, signInUrl: string = DEFAULT_SIGN_IN_URL): string {
  const header = ['Role', 'Name', 'Email', 'Password'];
  const rows = credentials.users.map((u) => [ROLE_LABELS[u.role] ?? u.role, u.name, u.email, u.password]);
  const title = ` Desired State demo: ${credentials.organization.name} (${credentials.organization.slug}) `;
  const intro = `Sign in at ${signInUrl}`;
  const widths = header.map((name, c) => Math.max(name.length, ...rows.map((row) => (row[c] ?? '').length)));
  // Widen the last column if the title or the URL is wider than the table.
  const tableWidth = widths.reduce((sum, w) => sum + w + 3, -1);
  const shortfall = Math.max(title.length + 1, intro.length + 2) - tableWidth;
  if (shortfall > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + shortfall;
  const line = (cells: string[]) => `│ ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' │ ')} │`;
  const rule = (left: string, joint: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(joint)}${right}`;

  const inner = widths.reduce((sum, w) => sum + w + 3, -1); // the width between the outer borders
  const top = `┌─${title}${'─'.repeat(inner - title.length - 1)}┐`;
  const full = (text: string) => `│ ${text.padEnd(inner - 2)} │`;

  return [
    top,
    full(intro),
    rule('├', '┬', '┤'),
    line(header),
    rule('├', '┼', '┤'),
    ...rows.map(line),
    rule('└', '┴', '┘'),
  ].join('\n');
}
