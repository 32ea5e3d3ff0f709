-- Bulk writers (the re-score, seed:large, org:import) set app.portfolio_rollup_deferred and recompute the portfolio
-- rollups once at the end (20261129100000). Their statements on account_score and account_period_score still
-- queued one deferred version-bump event per row, of which only the first bumps: 100,000 per 50,000-account
-- re-score, ~0.25 s of its commit (measured: committing 50,000 queued events took 115 ms against 8 ms without).
-- In that mode these two tables now queue none, and refresh_portfolio_rollups, which every bulk writer calls last,
-- bumps the organisation's version itself (at the end of the transaction, so the row lock is held briefly).

DROP TRIGGER "bump_portfolio_data_version" ON "account_score";
CREATE CONSTRAINT TRIGGER "bump_portfolio_data_version" AFTER INSERT OR UPDATE OR DELETE ON "account_score"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (current_setting('app.portfolio_rollup_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION bump_portfolio_data_version();

DROP TRIGGER "bump_portfolio_data_version" ON "account_period_score";
CREATE CONSTRAINT TRIGGER "bump_portfolio_data_version" AFTER INSERT OR UPDATE OR DELETE ON "account_period_score"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (current_setting('app.portfolio_rollup_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION bump_portfolio_data_version();

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
END
$$;
