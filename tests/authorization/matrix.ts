/**
 * The authorization matrix: every page, route handler and server action × every kind of caller, with the
 * outcome the caller must get. tests/unit/authorization-matrix.test.ts fails when the app gains a page, route
 * or action without an entry here; tests/e2e/authorization-matrix.spec.ts drives the real server with each
 * caller and checks every cell.
 */

export const ACTORS = ['anonymous', 'csmOwner', 'csmNonOwner', 'leader', 'admin', 'otherOrg'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * ok: allowed (a page renders; an action gets past authorization, e.g. to input validation);
 * redirect: sent on to another page of their own (e.g. a signed-in user opening /sign-in);
 * signIn: sent to sign-in (pages) or 401 / UNAUTHENTICATED; forbidden: 403 / FORBIDDEN;
 * notFound: 404 / NOT_FOUND, identical to a missing resource.
 */
export type Outcome = 'ok' | 'redirect' | 'signIn' | 'forbidden' | 'notFound';
export type Expectations = Record<Actor, Outcome>;

const everyone = (outcome: Outcome): Expectations =>
  Object.fromEntries(ACTORS.map((actor) => [actor, outcome])) as Expectations;

/** Members of the organisation see it; a member of another organisation gets 404, like a missing one. */
const members: Expectations = { ...everyone('ok'), anonymous: 'signIn', otherOrg: 'notFound' };
const adminsOnly: Expectations = {
  anonymous: 'signIn',
  csmOwner: 'forbidden',
  csmNonOwner: 'forbidden',
  leader: 'forbidden',
  admin: 'ok',
  otherOrg: 'notFound',
};
/** Signed-in users are sent on to their organisation; visitors to sign-in. */
const signedInRedirect: Expectations = { ...everyone('redirect'), anonymous: 'signIn' };
/** Pages for visitors; signed-in users are sent on to their organisation. */
const visitorsOnly: Expectations = { ...everyone('redirect'), anonymous: 'ok' };

/** Keyed by the route pattern under app/ (route groups removed). */
export const PAGES: Record<string, Expectations> = {
  '/': everyone('ok'),
  '/sign-in': visitorsOnly,
  '/sign-up': visitorsOnly,
  '/o': signedInRedirect,
  '/o/[slug]/accounts': members,
  '/o/[slug]/accounts/new': adminsOnly,
  '/o/[slug]/accounts/import': adminsOnly,
  '/o/[slug]/accounts/[accountId]/edit': { ...adminsOnly, leader: 'ok' },
  '/o/[slug]/accounts/[accountId]': members,
  // The e2e run fills no [assessmentId], so every member gets the 404 of a missing assessment (identical for
  // another organisation's); tests/integration/assessments.test.ts covers who may open which assessment.
  '/o/[slug]/accounts/[accountId]/assessments/[assessmentId]': { ...everyone('notFound'), anonymous: 'signIn' },
  '/o/[slug]/portfolio': members,
  '/o/[slug]/portfolio/heatmap': members,
  '/o/[slug]/portfolio/team': members,
  '/o/[slug]/portfolio/accounts': members,
  '/o/[slug]/settings': adminsOnly,
  '/o/[slug]/settings/members': adminsOnly,
  '/o/[slug]/settings/audit': adminsOnly,
  '/o/[slug]/settings/taxonomy': adminsOnly,
  '/o/[slug]/settings/scoring': adminsOnly,
  '/o/[slug]/settings/scoring/history': adminsOnly,
  '/o/[slug]/settings/organization': adminsOnly,
  // Public: the token is the credential; an unknown one renders "not valid" for everyone.
  '/invite/[token]': everyone('ok'),
};

/** Keyed by 'METHOD /pattern'. next-auth's own endpoints are public by design (sign-in itself). */
export const ROUTES: Record<string, Expectations> = {
  'GET /api/health': everyone('ok'),
  'GET /api/auth/[...nextauth]': everyone('ok'),
  'POST /api/auth/[...nextauth]': everyone('ok'),
  'GET /api/o/[slug]/accounts/export': members,
  'GET /api/o/[slug]/portfolio/export': members,
  'GET /api/o/[slug]/audit/export': adminsOnly,
  // The whole organisation as an archive: admins only (organization.delete).
  'GET /api/o/[slug]/export': adminsOnly,
};

/**
 * Keyed by '<file under app/>#<exported name>'. `page` is a page that uses the action (Next.js routes an action
 * request through a page that imports it); `args` are the arguments sent (defaults to [slug, {}], which an
 * authorised caller gets a validation error for, so the matrix changes no data).
 */
export interface ActionEntry {
  expect: Expectations;
  page: string;
  args?: (fixtures: Fixtures) => unknown[];
}
export const ACTIONS: Record<string, ActionEntry> = {
  'o/[slug]/accounts/actions.ts#createAccountAction': { expect: adminsOnly, page: '/o/[slug]/accounts/new' },
  'o/[slug]/accounts/actions.ts#updateAccountAction': { expect: adminsOnly, page: '/o/[slug]/accounts/[accountId]/edit' },
  'o/[slug]/accounts/actions.ts#setAccountArchivedAction': { expect: adminsOnly, page: '/o/[slug]/accounts/[accountId]/edit' },
  'o/[slug]/accounts/actions.ts#assignAccountOwnerAction': {
    expect: { ...adminsOnly, leader: 'ok' },
    page: '/o/[slug]/accounts/[accountId]/edit',
  },
  'o/[slug]/accounts/actions.ts#previewAccountImportAction': { expect: adminsOnly, page: '/o/[slug]/accounts/import' },
  'o/[slug]/accounts/actions.ts#confirmAccountImportAction': { expect: adminsOnly, page: '/o/[slug]/accounts/import' },

  // Assessments: ADMIN any account, CSM only accounts they own, LEADER read-only. { accountId } alone earns the
  // owner a validation error (nothing written); the ownership check comes before validation.
  ...Object.fromEntries(
    ['startAssessmentAction', 'saveAssessmentDraftAction', 'submitAssessmentAction'].map((name) => [
      `o/[slug]/accounts/[accountId]/actions.ts#${name}`,
      {
        expect: { anonymous: 'signIn', csmOwner: 'ok', csmNonOwner: 'forbidden', leader: 'forbidden', admin: 'ok', otherOrg: 'notFound' },
        page: '/o/[slug]/accounts/[accountId]',
        args: (f: Fixtures) => [f.slug, { accountId: f.ownedAccountId }],
      } satisfies ActionEntry,
    ]),
  ),

  'o/[slug]/settings/members/actions.ts#createInvitationAction': { expect: adminsOnly, page: '/o/[slug]/settings/members' },
  'o/[slug]/settings/members/actions.ts#revokeInvitationAction': { expect: adminsOnly, page: '/o/[slug]/settings/members' },
  'o/[slug]/settings/members/actions.ts#changeMemberRoleAction': { expect: adminsOnly, page: '/o/[slug]/settings/members' },
  'o/[slug]/settings/members/actions.ts#removeMemberAction': { expect: adminsOnly, page: '/o/[slug]/settings/members' },
  'o/[slug]/settings/members/actions.ts#reassignMemberAccountsAction': { expect: adminsOnly, page: '/o/[slug]/settings/members' },
  ...Object.fromEntries(
    ['createTaxonomyEntryAction', 'updateTaxonomyEntryAction', 'setTaxonomyEntryRetiredAction', 'moveJourneyStageAction'].map((name) => [
      `o/[slug]/settings/taxonomy/actions.ts#${name}`,
      { expect: adminsOnly, page: '/o/[slug]/settings/taxonomy' } satisfies ActionEntry,
    ]),
  ),
  // Scoring settings: {} earns an admin validation errors only, so the matrix changes no configuration.
  ...Object.fromEntries(
    ['previewScoringImpactAction', 'saveScoringConfigurationAction', 'restoreScoringVersionAction', 'updateReviewIntervalAction'].map(
      (name) => [`o/[slug]/settings/scoring/actions.ts#${name}`, { expect: adminsOnly, page: '/o/[slug]/settings/scoring' } satisfies ActionEntry],
    ),
  ),
  // {} lacks the typed name, so even the admin only earns a validation error: the matrix deletes nothing.
  'o/[slug]/settings/organization/actions.ts#deleteOrganizationAction': { expect: adminsOnly, page: '/o/[slug]/settings/organization' },
  // Public: the invitation's token is the credential, so an unknown token is NOT_FOUND for every caller.
  'invite/[token]/actions.ts#acceptInvitationAction': {
    expect: everyone('notFound'),
    page: '/invite/[token]',
    args: () => ['not-a-real-token', {}],
  },

  // Public: anyone may create an account and organisation; {} only earns validation errors.
  '(auth)/sign-up/actions.ts#signUpAction': { expect: everyone('ok'), page: '/sign-up', args: () => [{}] },
};

/** The ids the e2e run fills dynamic segments and arguments with (all of the demo organisation). */
export interface Fixtures {
  slug: string;
  ownedAccountId: string;
}
