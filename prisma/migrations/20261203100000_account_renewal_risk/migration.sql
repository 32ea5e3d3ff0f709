-- account_renewal_risk: the non-archived accounts whose latest result is at risk or critical and which have a
-- renewal date, with what the overview's renewal windows filter and add up (owner, segment, stage, band, ARR).
--
-- Why: the renewal windows ("at risk or critical, renewing within 30 / 60 / 90 days") depend on today's date, so the
-- portfolio rollups cannot hold them, and the overview found them through account's renewal_date index and then
-- looked up each account's band in account_score: ~12,000 lookups at 50,000 accounts, 30-43 ms of every cold
-- whole-book, band or stage overview, and a third of the database's time in eight cold overviews at once. Here the
-- same figures are one range scan of a narrow index over the at-risk accounts alone (7-10 ms).
--
-- Maintenance, like the rollups (migration 20261129100000): statement-level triggers on account and account_score
-- recompute the rows of the accounts a statement touched (delete, then insert what the join gives now), in the
-- writing transaction. A submit holds its account FOR SHARE, so an account edit and a score change of the same
-- account never recompute from each other's unfinished state. Bulk writers set app.portfolio_rollup_deferred and
-- call refresh_portfolio_rollups at the end, which now recomputes this table too. No foreign keys (a check per
-- row would cost every scoring save); the account triggers remove a deleted account's row and
-- delete_portfolio_rollups an organisation's.

-- Every table this migration locks, at once and in one order (organization first, as a submit takes them): it
-- creates triggers on account and account_score and lifts FORCE on the tables it fills, and taking those locks one
-- by one while the app runs could deadlock with a submit halfway through. Requests wait for it instead (the fill
-- below: ~1.3 s per 50,000 accounts of the organisations it recomputes).
LOCK TABLE "organization", "account", "account_score", "account_period_score", "portfolio_group_score",
           "portfolio_group_period_score", "portfolio_data_version" IN ACCESS EXCLUSIVE MODE;

CREATE TABLE "account_renewal_risk" (
  "organization_id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "owner_user_id" UUID,
  "segment_id" UUID,
  "journey_stage_id" UUID,
  "band" "band" NOT NULL,
  "renewal_date" DATE NOT NULL,
  "arr" DOUBLE PRECISION,
  CONSTRAINT "account_renewal_risk_pkey" PRIMARY KEY ("organization_id", "account_id")
);
CREATE INDEX "account_renewal_risk_organization_id_renewal_date_idx"
  ON "account_renewal_risk"("organization_id", "renewal_date");

ALTER TABLE "account_renewal_risk" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "account_renewal_risk" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "account_renewal_risk"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
-- The default privileges of 20261125010000 grant the app role every write: take them back.
REVOKE ALL ON "account_renewal_risk" FROM desired_state_app;
GRANT SELECT ON "account_renewal_risk" TO desired_state_app;

-- The rows of the given accounts, recomputed from account and account_score as they are now.
CREATE FUNCTION recompute_account_renewal_risk(orgs uuid[], ids uuid[]) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  org uuid;
BEGIN
  -- Shared with the other deltas; refresh_portfolio_rollups takes it exclusively.
  FOR org IN SELECT DISTINCT o FROM unnest(orgs) o ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('portfolio_rollup:' || org, 0));
  END LOOP;
  DELETE FROM account_renewal_risk r
   USING unnest(orgs, ids) AS k(organization_id, account_id)
   WHERE r.organization_id = k.organization_id AND r.account_id = k.account_id;
  INSERT INTO account_renewal_risk (organization_id, account_id, owner_user_id, segment_id, journey_stage_id, band,
                                    renewal_date, arr)
  SELECT a.organization_id, a.id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band, a.renewal_date,
         a.arr::float8
    FROM (SELECT DISTINCT k.organization_id, k.account_id FROM unnest(orgs, ids) AS k(organization_id, account_id)) k
    JOIN account a ON a.organization_id = k.organization_id AND a.id = k.account_id
    JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
   WHERE a.archived_at IS NULL AND a.renewal_date IS NOT NULL AND sc.band IN ('at_risk', 'critical');
END
$$;

CREATE FUNCTION account_renewal_risk_on_write() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  orgs uuid[];
  ids uuid[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'account' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(n.organization_id), array_agg(n.id) INTO orgs, ids
        FROM new_rows n WHERE n.renewal_date IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(o.organization_id), array_agg(o.id) INTO orgs, ids FROM old_rows o;
    ELSE
      SELECT array_agg(n.organization_id), array_agg(n.id) INTO orgs, ids
        FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
       WHERE (n.owner_user_id, n.segment_id, n.journey_stage_id, n.renewal_date, n.arr, n.archived_at)
             IS DISTINCT FROM (o.owner_user_id, o.segment_id, o.journey_stage_id, o.renewal_date, o.arr, o.archived_at);
    END IF;
  ELSE -- account_score
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(n.organization_id), array_agg(n.account_id) INTO orgs, ids
        FROM new_rows n WHERE n.band IN ('at_risk', 'critical');
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(o.organization_id), array_agg(o.account_id) INTO orgs, ids
        FROM old_rows o WHERE o.band IN ('at_risk', 'critical');
    ELSE
      SELECT array_agg(n.organization_id), array_agg(n.account_id) INTO orgs, ids
        FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.account_id = o.account_id
       WHERE n.band IS DISTINCT FROM o.band;
    END IF;
  END IF;
  IF ids IS NOT NULL THEN PERFORM recompute_account_renewal_risk(orgs, ids); END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t TEXT;
  op TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['account', 'account_score']
  LOOP
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE']
    LOOP
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION account_renewal_risk_on_write()',
        'account_renewal_risk_on_' || lower(op), op, t,
        CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
    END LOOP;
  END LOOP;
END
$$;

-- An organisation's rows from the base rows (bulk writers, through refresh_portfolio_rollups).
CREATE FUNCTION refresh_account_renewal_risk(org uuid) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM account_renewal_risk WHERE organization_id = org;
  INSERT INTO account_renewal_risk (organization_id, account_id, owner_user_id, segment_id, journey_stage_id, band,
                                    renewal_date, arr)
  SELECT a.organization_id, a.id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band, a.renewal_date,
         a.arr::float8
    FROM account a
    JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
   WHERE a.organization_id = org AND a.archived_at IS NULL AND a.renewal_date IS NOT NULL
     AND sc.band IN ('at_risk', 'critical');
END
$$;

-- 20261130300000's body, plus this table (refresh_portfolio_groups holds the exclusive lock by then).
CREATE OR REPLACE FUNCTION refresh_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'refresh_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  PERFORM refresh_portfolio_groups(org);
  PERFORM refresh_account_renewal_risk(org);
  INSERT INTO portfolio_data_version AS v (organization_id, version)
  SELECT org, nextval('portfolio_data_version_seq')
   WHERE EXISTS (SELECT 1 FROM organization o WHERE o.id = org)
  ON CONFLICT (organization_id) DO UPDATE SET version = nextval('portfolio_data_version_seq');
  PERFORM set_config('app.portfolio_version_bumped', org::text, true);
END
$$;

CREATE OR REPLACE FUNCTION delete_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'delete_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  DELETE FROM portfolio_group_score WHERE organization_id = org;
  DELETE FROM portfolio_group_period_score WHERE organization_id = org;
  DELETE FROM account_renewal_risk WHERE organization_id = org;
END
$$;

-- Fill it from what is there. And recompute the rollups of the organisations whose rollups do not count their
-- accounts: 20261129100000 filled them in a loop over the organisations that row-level security hid from a migration
-- owner that is not a superuser (the README's production set-up), so there they started empty and have held only
-- the deltas of later writes (until a scoring save recomputed them). Organisations whose rollups count every
-- account (any superuser-migrated database, and every organisation created since) are left as they are: each
-- recomputation holds an advisory lock until commit, and thousands of them would exhaust the lock table.
-- refresh_portfolio_rollups also bumps the organisation's data version (running instances drop cached figures).
-- FORCE is lifted for this transaction only (as in 20261201110000); the app role stays under row-level security.
ALTER TABLE "organization" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_period_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_group_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_group_period_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_data_version" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_renewal_risk" NO FORCE ROW LEVEL SECURITY;
DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN
    SELECT o.id FROM organization o
     WHERE (SELECT count(*) FROM account a WHERE a.organization_id = o.id AND a.archived_at IS NULL)
           IS DISTINCT FROM (SELECT coalesce(sum(g.accounts), 0) FROM portfolio_group_score g WHERE g.organization_id = o.id)
  LOOP
    PERFORM refresh_portfolio_rollups(org);
  END LOOP;
  FOR org IN SELECT id FROM organization LOOP
    PERFORM refresh_account_renewal_risk(org);
  END LOOP;
END
$$;
ALTER TABLE "organization" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_period_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_group_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_group_period_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_data_version" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_renewal_risk" FORCE ROW LEVEL SECURITY;
