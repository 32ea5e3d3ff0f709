-- Bump the portfolio data version at commit, not at the first write.
--
-- The statement-level triggers of 20261127200000 updated the organisation's version row at a transaction's first
-- portfolio-changing statement, so its row lock was held until commit: every other writer of the organisation
-- waited there (measured: an account edit waited out a concurrent transaction), a scoring save's 15–20 s re-score
-- blocked account edits, taxonomy and member changes past their 5 s transaction timeout, and two multi-statement
-- writers could deadlock (one holding the version row, the other a row the first needs next).
--
-- Now each written row queues a DEFERRABLE INITIALLY DEFERRED constraint trigger: they run at commit, after every
-- statement of the transaction, and only the first of them bumps (a transaction-local setting remembers the
-- organisation already bumped), so the version row is locked for the last moment of the transaction only, and a
-- transaction bumps once however many rows and statements it writes. The new version still becomes visible
-- exactly when the data does. A statement that changes no row no longer bumps.

DROP TRIGGER "bump_portfolio_data_version" ON "organization";
DROP TRIGGER "bump_portfolio_data_version" ON "membership";
DROP TRIGGER "bump_portfolio_data_version" ON "segment";
DROP TRIGGER "bump_portfolio_data_version" ON "journey_stage";
DROP TRIGGER "bump_portfolio_data_version" ON "account";
DROP TRIGGER "bump_portfolio_data_version" ON "weight_config";
DROP TRIGGER "bump_portfolio_data_version" ON "target";
DROP TRIGGER "bump_portfolio_data_version" ON "account_score";
DROP TRIGGER "bump_portfolio_data_version" ON "account_period_score";
DROP FUNCTION "bump_portfolio_data_version"();

CREATE FUNCTION "bump_portfolio_data_version"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  org uuid := NULLIF(current_setting('app.org_id', true), '')::uuid;
BEGIN
  IF org IS NULL OR current_setting('app.portfolio_version_bumped', true) = org::text THEN
    RETURN NULL;
  END IF;
  -- Deleting the organisation (or a cascade from it) leaves nothing to version.
  INSERT INTO portfolio_data_version AS v (organization_id, version)
  SELECT org, nextval('portfolio_data_version_seq')
   WHERE EXISTS (SELECT 1 FROM organization o WHERE o.id = org)
  ON CONFLICT (organization_id) DO UPDATE SET version = nextval('portfolio_data_version_seq');
  PERFORM set_config('app.portfolio_version_bumped', org::text, true);
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
      'CREATE CONSTRAINT TRIGGER bump_portfolio_data_version AFTER INSERT OR UPDATE OR DELETE ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_portfolio_data_version()', t);
  END LOOP;
END
$$;
