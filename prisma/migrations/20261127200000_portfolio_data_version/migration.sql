-- A per-organisation data version for the portfolio pages' result cache (lib/portfolio/portfolio-cache.ts).
--
-- Every write that can change a portfolio figure, label or filter choice bumps its organisation's version in the
-- same transaction, so a cached result keyed by the version it was computed at can never be served after the
-- data changed: the new version and the new data become visible together, at commit.
--
-- * Statement-level triggers: a re-score updates 50,000 account_score rows and bumps once.
-- * The organisation is the transaction's `app.org_id` (the setting withTenant makes and row-level security
--   reads). Writes without it (migrations, seed scripts as the owner) bump nothing; the cache's TTL covers them.
-- * Values come from one global sequence, so a version is never reused: not after an organisation is deleted and
--   restored with the same id, not by two organisations. Reading a version and then computing means the figures
--   are at least as new as the version they are cached under.
-- * The bump runs as the table owner (SECURITY DEFINER, fixed search_path): the app role only reads versions.
--   Row-level security still applies to the owner (FORCE), so the trigger can only write the organisation of
--   app.org_id.

CREATE SEQUENCE "portfolio_data_version_seq";

CREATE TABLE "portfolio_data_version" (
  "organization_id" UUID NOT NULL,
  "version" BIGINT NOT NULL,
  CONSTRAINT "portfolio_data_version_pkey" PRIMARY KEY ("organization_id")
);

ALTER TABLE "portfolio_data_version" ADD CONSTRAINT "portfolio_data_version_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "portfolio_data_version" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_data_version" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_data_version"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
-- The default privileges gave the app role DML on the new table: it may only read it.
REVOKE ALL ON "portfolio_data_version" FROM desired_state_app;
GRANT SELECT ON "portfolio_data_version" TO desired_state_app;

CREATE FUNCTION "bump_portfolio_data_version"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  org uuid := NULLIF(current_setting('app.org_id', true), '')::uuid;
BEGIN
  IF org IS NULL THEN
    RETURN NULL;
  END IF;
  -- Deleting the organisation (or a cascade from it) leaves nothing to version.
  INSERT INTO portfolio_data_version AS v (organization_id, version)
  SELECT org, nextval('portfolio_data_version_seq')
   WHERE EXISTS (SELECT 1 FROM organization o WHERE o.id = org)
  ON CONFLICT (organization_id) DO UPDATE SET version = nextval('portfolio_data_version_seq');
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION "bump_portfolio_data_version"() FROM PUBLIC;

DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['organization', 'membership', 'segment', 'journey_stage', 'account', 'weight_config',
                           'target', 'account_score', 'account_period_score']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER bump_portfolio_data_version AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_portfolio_data_version()', t);
  END LOOP;
END
$$;

-- Every existing organisation starts with a version. The owner may not be a superuser, so FORCE is lifted for
-- the owner within this transaction only; the app role stays under row-level security throughout.
ALTER TABLE "organization" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_data_version" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "portfolio_data_version" ("organization_id", "version")
SELECT o.id, nextval('portfolio_data_version_seq') FROM "organization" o;
ALTER TABLE "organization" FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_data_version" FORCE ROW LEVEL SECURITY;
