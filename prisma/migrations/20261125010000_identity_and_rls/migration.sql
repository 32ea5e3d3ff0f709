-- Identity (invitations, sign-in throttling) and row-level security as the second line of tenant isolation.

CREATE TABLE "invitation" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL,
  "role" "role" NOT NULL,
  -- SHA-256 of the single-use token; the token itself exists only in the link.
  "token_hash" TEXT NOT NULL,
  "invited_by_user_id" UUID,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "accepted_at" TIMESTAMPTZ(3),
  "accepted_by_user_id" UUID,
  "revoked_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "invitation_pkey" PRIMARY KEY ("organization_id", "id"),
  CONSTRAINT "invitation_email_lowercase_check" CHECK ("email" = lower("email"))
);
CREATE INDEX "invitation_token_hash_idx" ON "invitation"("token_hash");
CREATE INDEX "invitation_organization_id_created_at_idx" ON "invitation"("organization_id", "created_at");

ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_user_id_fkey"
  FOREIGN KEY ("invited_by_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_accepted_by_user_id_fkey"
  FOREIGN KEY ("accepted_by_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Failed sign-in counters per account ("email:<email>") and per client ("ip:<address>"). Not tenant data:
-- sign-in happens before any organisation is known.
CREATE TABLE "auth_throttle" (
  "key" TEXT NOT NULL,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "window_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "locked_until" TIMESTAMPTZ(3),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key")
);

-- Row-level security. The application runs its queries as `desired_state_app`, a role without BYPASSRLS that
-- holds only DML grants; migrations run as the owner. Each tenant transaction sets `app.org_id` (transaction-
-- local); with no or another organisation set, tenant tables show no rows and refuse writes.
-- `app.user_id` lets a signed-in user see their own memberships (to list their organisations), and
-- `app.invitation_token_hash` lets an invitation be found by its token before its organisation is known.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'desired_state_app') THEN
    CREATE ROLE desired_state_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO desired_state_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO desired_state_app;
REVOKE ALL ON "_prisma_migrations" FROM desired_state_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO desired_state_app;

CREATE FUNCTION app_current_org_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION app_current_user_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

-- Tables whose every row belongs to exactly one organisation: the organisation setting must match.
DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['segment', 'journey_stage', 'account', 'assessment', 'assessment_result',
                           'weight_config', 'target', 'audit_event']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org_id()) '
      'WITH CHECK (organization_id = app_current_org_id())', t);
  END LOOP;
END
$$;

ALTER TABLE "organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "organization" FORCE ROW LEVEL SECURITY;
-- The current organisation, or one the current user belongs to (for the organisation switcher).
CREATE POLICY tenant_isolation ON "organization"
  USING (id = app_current_org_id()
         OR id IN (SELECT m.organization_id FROM membership m WHERE m.user_id = app_current_user_id()))
  WITH CHECK (id = app_current_org_id());

ALTER TABLE "membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "membership"
  USING (organization_id = app_current_org_id() OR user_id = app_current_user_id())
  WITH CHECK (organization_id = app_current_org_id());

ALTER TABLE "invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitation"
  USING (organization_id = app_current_org_id()
         OR token_hash = NULLIF(current_setting('app.invitation_token_hash', true), ''))
  WITH CHECK (organization_id = app_current_org_id());
