import { randomBytes, randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { hashPassword } from '@/lib/auth/password';
import { ACTIONS, ACTORS, PAGES, ROUTES, type Actor, type Fixtures, type Outcome } from '../authorization/matrix';
import { demoCredentials } from './demo-credentials';
import { withOwnerDatabase } from './fixtures/owner-database';
import { signedInRequest } from './fixtures/sign-in-request';
import { serverActionIds } from '../helpers/server-action-ids';

/**
 * Drives every cell of the authorization matrix against the production server: each page, route handler and
 * server action, as each kind of caller. A member of another organisation must get exactly what a request
 * for something that does not exist gets.
 */

test.describe.configure({ mode: 'serial' });

let clients: Record<Actor, APIRequestContext>;
let fixtures: Fixtures;

test.beforeAll(async ({ baseURL }) => {
  const demo = demoCredentials();
  const csms = demo.users.filter((user) => user.role === 'CSM');
  const owners = await withOwnerDatabase(async (db) => {
    const { rows } = await db.query<{ email: string; account_id: string }>(
      `SELECT u.email, min(a.id::text) AS account_id FROM account a JOIN "user" u ON u.id = a.owner_user_id
        JOIN organization o ON o.id = a.organization_id WHERE o.slug = $1 GROUP BY u.email ORDER BY u.email`,
      [demo.organization.slug],
    );
    return rows;
  });
  const csmOwner = csms.find((csm) => owners.some((owner) => owner.email === csm.email))!;
  const csmNonOwner = csms.find((csm) => csm.email !== csmOwner.email)!;
  fixtures = {
    slug: demo.organization.slug,
    ownedAccountId: owners.find((owner) => owner.email === csmOwner.email)!.account_id,
  };

  const rival = await createRivalOrganizationAdmin();
  const user = (role: 'ADMIN' | 'LEADER') => demo.users.find((candidate) => candidate.role === role)!;
  clients = {
    anonymous: await request.newContext({ baseURL }),
    csmOwner: await signedInRequest(baseURL!, csmOwner.email, csmOwner.password),
    csmNonOwner: await signedInRequest(baseURL!, csmNonOwner.email, csmNonOwner.password),
    leader: await signedInRequest(baseURL!, user('LEADER').email, user('LEADER').password),
    admin: await signedInRequest(baseURL!, user('ADMIN').email, user('ADMIN').password),
    otherOrg: await signedInRequest(baseURL!, rival.email, rival.password),
  };
});

test.afterAll(async () => {
  await Promise.all(Object.values(clients ?? {}).map((client) => client.dispose()));
});

/** A second organisation with its own admin: the attacker's point of view. */
async function createRivalOrganizationAdmin(): Promise<{ email: string; password: string }> {
  const password = randomBytes(12).toString('base64url');
  const email = `rival-${randomUUID().slice(0, 8)}@rival.example`;
  const passwordHash = await hashPassword(password);
  await withOwnerDatabase(async (db) => {
    const org = randomUUID();
    const user = randomUUID();
    await db.query('INSERT INTO organization (id, name, slug) VALUES ($1, $2, $3)', [org, 'Rival Corp', `rival-${org.slice(0, 8)}`]);
    await db.query('INSERT INTO "user" (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [user, email, 'Rita Rival', passwordHash]);
    await db.query(`INSERT INTO membership (organization_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [org, user]);
  });
  return { email, password };
}

function fill(pattern: string): string {
  return pattern
    .replace('[slug]', fixtures.slug)
    .replace('[accountId]', fixtures.ownedAccountId)
    .replace('[token]', 'not-a-real-token')
    .replace('[...nextauth]', 'session');
}

function pageOutcome(response: APIResponse): Outcome | `unexpected ${number}` {
  const status = response.status();
  if (status === 200) return 'ok';
  if ([302, 303, 307, 308].includes(status)) {
    return (response.headers().location ?? '').includes('/sign-in') ? 'signIn' : 'redirect';
  }
  if (status === 401) return 'signIn';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  return `unexpected ${status}`;
}

/** Visible text of an HTML page, so two 404s can be compared without build-specific script payloads. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

for (const [pattern, expectations] of Object.entries(PAGES)) {
  test(`page ${pattern}`, async () => {
    for (const actor of ACTORS) {
      const response = await clients[actor].get(fill(pattern), { maxRedirects: 0 });
      expect(pageOutcome(response), `${actor} → ${pattern}`).toBe(expectations[actor]);
      if (expectations[actor] === 'notFound' && pattern.includes('[slug]')) {
        // Indistinguishable from an organisation that does not exist.
        const missing = await clients[actor].get(fill(pattern).replace(fixtures.slug, `missing-${randomUUID().slice(0, 8)}`), { maxRedirects: 0 });
        expect(missing.status()).toBe(response.status());
        expect(visibleText(await response.text())).toBe(visibleText(await missing.text()));
      }
    }
  });
}

for (const [key, expectations] of Object.entries(ROUTES)) {
  test(`route ${key}`, async () => {
    const [method, pattern] = key.split(' ') as [string, string];
    for (const actor of ACTORS) {
      const response = await clients[actor].fetch(fill(pattern), { method, maxRedirects: 0, data: method === 'GET' ? undefined : {} });
      const outcome = pageOutcome(response);
      // next-auth answers POSTs without a CSRF token with a redirect to its error page: public, not a denial.
      const allowed = expectations[actor] === 'ok' ? outcome !== 'forbidden' && outcome !== 'notFound' : outcome === expectations[actor];
      expect(allowed, `${actor} → ${key}: ${outcome}`).toBe(true);
    }
  });
}

function actionOutcome(body: string): Outcome | 'unknown' {
  if (/"code":"UNAUTHENTICATED"/.test(body)) return 'signIn';
  if (/"code":"FORBIDDEN"/.test(body)) return 'forbidden';
  if (/"code":"NOT_FOUND"/.test(body)) return 'notFound';
  if (/"ok":true|"code":"VALIDATION"|"code":"CONFLICT"/.test(body)) return 'ok';
  return 'unknown';
}

for (const [key, entry] of Object.entries(ACTIONS)) {
  test(`action ${key}`, async ({ baseURL }) => {
    const id = serverActionIds()[key];
    expect(id, `${key} is in the server-reference manifest`).toBeTruthy();
    for (const actor of ACTORS) {
      const response = await clients[actor].post(fill(entry.page), {
        headers: { 'Next-Action': id!, Accept: 'text/x-component', Origin: baseURL!, 'Content-Type': 'text/plain;charset=UTF-8' },
        data: JSON.stringify(entry.args ? entry.args(fixtures) : [fixtures.slug, {}]),
        maxRedirects: 0,
      });
      expect(actionOutcome(await response.text()), `${actor} → ${key}`).toBe(entry.expect[actor]);
    }
  });
}
