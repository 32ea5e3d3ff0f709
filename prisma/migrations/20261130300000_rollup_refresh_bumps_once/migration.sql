-- refresh_portfolio_rollups (20261130200000) bumps the organisation's version itself, but did not mark the
-- transaction as bumped, so the deferred bump events other writes of the same transaction had queued (a scoring
-- save's weight_config and target rows, an import's organisation and members) bumped it a second time at commit.
-- Now it sets the same transaction-local marker as bump_portfolio_data_version(), and a transaction bumps once.
CREATE OR REPLACE FUNCTION refresh_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'refresh_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  PERFORM refresh_portfolio_groups(org);
  INSERT INTO portfolio_data_version AS v (organization_id, version)
  SELECT org, nextval('portfolio_data_version_seq')
   WHERE EXISTS (SELECT 1 FROM organization o WHERE o.id = org)
  ON CONFLICT (organization_id) DO UPDATE SET version = nextval('portfolio_data_version_seq');
  PERFORM set_config('app.portfolio_version_bumped', org::text, true);
END
$$;
