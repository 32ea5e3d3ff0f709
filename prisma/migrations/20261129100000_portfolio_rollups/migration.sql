-- Portfolio rollups: the overview's figures without aggregating every account on each cache miss.
--
-- At 50,000 accounts the whole-book overview's SQL took 0.6–0.9 s on a cache miss (summary ~250 ms, movers ~115 ms,
-- trend ~270 ms, each a scan and join of every account): a leader's first look at a filter combination after any
-- submit paid that, eight at once 2–3 s. These tables hold the same sums per group of accounts, so a view whose
-- filters select whole groups (owner, segment, journey stage, band) adds up a few hundred narrow rows instead:
--
-- 1. portfolio_group_score: per group — owner, segment, journey stage and the band of the latest result (NULL =
--    never assessed) — of non-archived accounts: counts, ARR, score sums, ARR-weighted sums and per-component sums
--    and counts; every input of the overview summary.
-- 2. portfolio_group_period_score: per group and UTC month, the trend's month and quarter sums of
--    account_period_score (the band is the account's current one, as the trend's band filter means).
-- 3. account_score.score_delta (latest − previous score) with an index: the biggest movers are the ends of that index.
--
-- Maintenance: statement-level triggers on account, account_score and account_period_score add what a statement
-- changed as deltas to the affected groups, in the writing transaction (a submit updates two or three rows; see
-- add_portfolio_account_deltas below). Writers that change every account (the scoring re-score, seed:large,
-- org:import) set app.portfolio_rollup_deferred for their transaction and recompute the organisation's groups from
-- the base rows once at the end (refresh_portfolio_rollups); tests/integration/portfolio-rollups.test.ts checks the
-- sums against the base rows after every kind of write.

ALTER TABLE "account_score"
  ADD COLUMN "score_delta" DOUBLE PRECISION GENERATED ALWAYS AS ("score" - "previous_score") STORED;
CREATE INDEX "account_score_organization_id_score_delta_idx" ON "account_score"("organization_id", "score_delta");

CREATE TABLE "portfolio_group_score" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "owner_user_id" UUID,
  "segment_id" UUID,
  "journey_stage_id" UUID,
  "band" "band",
  "accounts" INTEGER NOT NULL,
  "arr" DOUBLE PRECISION NOT NULL,
  "assessed" INTEGER NOT NULL,
  "score_sum" DOUBLE PRECISION NOT NULL,
  "weighted_arr" DOUBLE PRECISION NOT NULL,
  "weighted_arr_score" DOUBLE PRECISION NOT NULL,
  "current_sum_intent" DOUBLE PRECISION NOT NULL,
  "current_count_intent" INTEGER NOT NULL,
  "gap_sum_intent" DOUBLE PRECISION NOT NULL,
  "gap_count_intent" INTEGER NOT NULL,
  "lever_sum_intent" DOUBLE PRECISION NOT NULL,
  "current_sum_anticipation" DOUBLE PRECISION NOT NULL,
  "current_count_anticipation" INTEGER NOT NULL,
  "gap_sum_anticipation" DOUBLE PRECISION NOT NULL,
  "gap_count_anticipation" INTEGER NOT NULL,
  "lever_sum_anticipation" DOUBLE PRECISION NOT NULL,
  "current_sum_adoption" DOUBLE PRECISION NOT NULL,
  "current_count_adoption" INTEGER NOT NULL,
  "gap_sum_adoption" DOUBLE PRECISION NOT NULL,
  "gap_count_adoption" INTEGER NOT NULL,
  "lever_sum_adoption" DOUBLE PRECISION NOT NULL,
  "current_sum_outcomes" DOUBLE PRECISION NOT NULL,
  "current_count_outcomes" INTEGER NOT NULL,
  "gap_sum_outcomes" DOUBLE PRECISION NOT NULL,
  "gap_count_outcomes" INTEGER NOT NULL,
  "lever_sum_outcomes" DOUBLE PRECISION NOT NULL,
  "current_sum_relationships" DOUBLE PRECISION NOT NULL,
  "current_count_relationships" INTEGER NOT NULL,
  "gap_sum_relationships" DOUBLE PRECISION NOT NULL,
  "gap_count_relationships" INTEGER NOT NULL,
  "lever_sum_relationships" DOUBLE PRECISION NOT NULL,
  "current_sum_engagement" DOUBLE PRECISION NOT NULL,
  "current_count_engagement" INTEGER NOT NULL,
  "gap_sum_engagement" DOUBLE PRECISION NOT NULL,
  "gap_count_engagement" INTEGER NOT NULL,
  "lever_sum_engagement" DOUBLE PRECISION NOT NULL,
  "current_sum_education" DOUBLE PRECISION NOT NULL,
  "current_count_education" INTEGER NOT NULL,
  "gap_sum_education" DOUBLE PRECISION NOT NULL,
  "gap_count_education" INTEGER NOT NULL,
  "lever_sum_education" DOUBLE PRECISION NOT NULL,
  "current_sum_journey" DOUBLE PRECISION NOT NULL,
  "current_count_journey" INTEGER NOT NULL,
  "gap_sum_journey" DOUBLE PRECISION NOT NULL,
  "gap_count_journey" INTEGER NOT NULL,
  "lever_sum_journey" DOUBLE PRECISION NOT NULL,
  CONSTRAINT "portfolio_group_score_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE UNIQUE INDEX "portfolio_group_score_group_key"
  ON "portfolio_group_score"("organization_id", "owner_user_id", "segment_id", "journey_stage_id", "band")
  NULLS NOT DISTINCT;

CREATE TABLE "portfolio_group_period_score" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "owner_user_id" UUID,
  "segment_id" UUID,
  "journey_stage_id" UUID,
  "band" "band" NOT NULL,
  -- First day of the UTC calendar month.
  "period_start" DATE NOT NULL,
  "accounts" INTEGER NOT NULL,
  "score_sum" DOUBLE PRECISION NOT NULL,
  -- The month rows that are their account's latest of the quarter (they add up to the quarter's figures).
  "quarter_accounts" INTEGER NOT NULL,
  "quarter_score_sum" DOUBLE PRECISION NOT NULL,
  CONSTRAINT "portfolio_group_period_score_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE UNIQUE INDEX "portfolio_group_period_score_group_key"
  ON "portfolio_group_period_score"("organization_id", "owner_user_id", "segment_id", "journey_stage_id", "band",
                                    "period_start")
  NULLS NOT DISTINCT;

-- No foreign key to organization: a recomputation writes ~27,000 rows at 50,000 accounts, and checking each cost
-- 0.2 s of every scoring save; deleteOrganization removes them explicitly (like rescore_staging).
-- The app reads them under the tenant policy; only the SECURITY DEFINER functions below write them.
ALTER TABLE "portfolio_group_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_group_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_group_score"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
ALTER TABLE "portfolio_group_period_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_group_period_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_group_period_score"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
-- The default privileges of 20261125010000 grant the app role every write: take them back.
REVOKE ALL ON "portfolio_group_score", "portfolio_group_period_score" FROM desired_state_app;
GRANT SELECT ON "portfolio_group_score", "portfolio_group_period_score" TO desired_state_app;
REVOKE ALL ON SEQUENCE "portfolio_group_score_id_seq", "portfolio_group_period_score_id_seq" FROM desired_state_app;

-- Full recomputation of an organisation's groups from the base rows: bulk loads (seed:large, org:import) and the
-- scoring re-score, which change every account, defer the triggers below and call this once. It takes the
-- organisation's advisory lock exclusively; the triggers take it shared, so a recomputation never interleaves with
-- another transaction's deltas.
CREATE FUNCTION refresh_portfolio_groups(org uuid) RETURNS void
  -- A whole organisation's months aggregate in memory (4 MB spilled 26,000 groups of 500,000 rows to disk).
  LANGUAGE plpgsql SET search_path = public, pg_temp SET work_mem = '64MB' AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('portfolio_rollup:' || org, 0));
  DELETE FROM portfolio_group_score WHERE organization_id = org;
  INSERT INTO portfolio_group_score (organization_id, owner_user_id, segment_id, journey_stage_id, band,
      accounts, arr, assessed, score_sum, weighted_arr, weighted_arr_score, current_sum_intent,
      current_count_intent, gap_sum_intent, gap_count_intent, lever_sum_intent,
      current_sum_anticipation, current_count_anticipation, gap_sum_anticipation,
      gap_count_anticipation, lever_sum_anticipation, current_sum_adoption, current_count_adoption,
      gap_sum_adoption, gap_count_adoption, lever_sum_adoption, current_sum_outcomes,
      current_count_outcomes, gap_sum_outcomes, gap_count_outcomes, lever_sum_outcomes,
      current_sum_relationships, current_count_relationships, gap_sum_relationships,
      gap_count_relationships, lever_sum_relationships, current_sum_engagement,
      current_count_engagement, gap_sum_engagement, gap_count_engagement, lever_sum_engagement,
      current_sum_education, current_count_education, gap_sum_education, gap_count_education,
      lever_sum_education, current_sum_journey, current_count_journey, gap_sum_journey,
      gap_count_journey, lever_sum_journey)
  SELECT a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
         count(*)::int,
         coalesce(sum(a.arr::float8), 0),
         count(sc.score)::int,
         coalesce(sum(sc.score), 0),
         coalesce(sum(a.arr::float8) FILTER (WHERE sc.score IS NOT NULL AND a.arr > 0), 0),
         coalesce(sum(a.arr::float8 * sc.score) FILTER (WHERE sc.score IS NOT NULL AND a.arr > 0), 0),
         coalesce(sum(sc.current_intent), 0),
         count(sc.current_intent)::int,
         coalesce(sum(sc.gap_intent), 0),
         count(sc.gap_intent)::int,
         coalesce(sum(sc.lever_intent), 0),
         coalesce(sum(sc.current_anticipation), 0),
         count(sc.current_anticipation)::int,
         coalesce(sum(sc.gap_anticipation), 0),
         count(sc.gap_anticipation)::int,
         coalesce(sum(sc.lever_anticipation), 0),
         coalesce(sum(sc.current_adoption), 0),
         count(sc.current_adoption)::int,
         coalesce(sum(sc.gap_adoption), 0),
         count(sc.gap_adoption)::int,
         coalesce(sum(sc.lever_adoption), 0),
         coalesce(sum(sc.current_outcomes), 0),
         count(sc.current_outcomes)::int,
         coalesce(sum(sc.gap_outcomes), 0),
         count(sc.gap_outcomes)::int,
         coalesce(sum(sc.lever_outcomes), 0),
         coalesce(sum(sc.current_relationships), 0),
         count(sc.current_relationships)::int,
         coalesce(sum(sc.gap_relationships), 0),
         count(sc.gap_relationships)::int,
         coalesce(sum(sc.lever_relationships), 0),
         coalesce(sum(sc.current_engagement), 0),
         count(sc.current_engagement)::int,
         coalesce(sum(sc.gap_engagement), 0),
         count(sc.gap_engagement)::int,
         coalesce(sum(sc.lever_engagement), 0),
         coalesce(sum(sc.current_education), 0),
         count(sc.current_education)::int,
         coalesce(sum(sc.gap_education), 0),
         count(sc.gap_education)::int,
         coalesce(sum(sc.lever_education), 0),
         coalesce(sum(sc.current_journey), 0),
         count(sc.current_journey)::int,
         coalesce(sum(sc.gap_journey), 0),
         count(sc.gap_journey)::int,
         coalesce(sum(sc.lever_journey), 0)
    FROM account a
    LEFT JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
   WHERE a.organization_id = org AND a.archived_at IS NULL
   GROUP BY a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band;

  DELETE FROM portfolio_group_period_score WHERE organization_id = org;
  INSERT INTO portfolio_group_period_score (organization_id, owner_user_id, segment_id, journey_stage_id, band,
                                            period_start, accounts, score_sum, quarter_accounts, quarter_score_sum)
  SELECT a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band, p.period_start,
         count(*)::int, sum(p.score), count(*) FILTER (WHERE p.latest_in_quarter)::int,
         coalesce(sum(p.score) FILTER (WHERE p.latest_in_quarter), 0)
    FROM account a
    JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
    JOIN account_period_score p ON p.organization_id = a.organization_id AND p.account_id = a.id
   WHERE a.organization_id = org AND a.archived_at IS NULL
   GROUP BY a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band, p.period_start;
END
$$;

-- The same, callable by the app for its own organisation (a tenant transaction recomputes its own rows only).
CREATE FUNCTION refresh_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'refresh_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  PERFORM refresh_portfolio_groups(org);
END
$$;
REVOKE ALL ON FUNCTION refresh_portfolio_rollups(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_portfolio_rollups(uuid) TO desired_state_app;

-- Deleting an organisation removes its rollup rows first (no foreign key cascades them); its own only.
CREATE FUNCTION delete_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'delete_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  DELETE FROM portfolio_group_score WHERE organization_id = org;
  DELETE FROM portfolio_group_period_score WHERE organization_id = org;
END
$$;
REVOKE ALL ON FUNCTION delete_portfolio_rollups(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION delete_portfolio_rollups(uuid) TO desired_state_app;

CREATE FUNCTION portfolio_rollups_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.portfolio_rollup_deferred', true), '') = 'on'
$$;

-- Between bulk recomputations the triggers below keep the sums by deltas: what a statement changed is removed
-- (sign −1: the account as it was) and added (sign +1: as it is now) group by group, so a submit updates the two or
-- three rows of its groups instead of recomputing anything. An account counts as (its owner, segment, stage and
-- ARR; its account_score row or none) in portfolio_group_score and, when it has an account_score row, each of its
-- account_period_score rows under its current band in portfolio_group_period_score; archived accounts count
-- nowhere. A submit holds its account's row FOR SHARE, so an account edit and a score change of the same account
-- never compute their deltas from each other's unfinished state; concurrent deltas to one group serialise on its
-- row (INSERT … ON CONFLICT DO UPDATE adds to the committed sums). Rows whose account count reaches 0 are
-- removed. Floating-point sums of deltas can differ from a fresh sum in the last bits; the next recomputation (every
-- scoring save) starts them afresh.
CREATE TYPE portfolio_account_delta AS (
  sign integer, organization_id uuid, owner_user_id uuid, segment_id uuid, journey_stage_id uuid, band band,
  arr double precision, score double precision,
  current_intent double precision, current_anticipation double precision, current_adoption double precision, current_outcomes double precision, current_relationships double precision, current_engagement double precision, current_education double precision, current_journey double precision, gap_intent double precision, gap_anticipation double precision, gap_adoption double precision, gap_outcomes double precision, gap_relationships double precision, gap_engagement double precision, gap_education double precision, gap_journey double precision, lever_intent double precision, lever_anticipation double precision, lever_adoption double precision, lever_outcomes double precision, lever_relationships double precision, lever_engagement double precision, lever_education double precision, lever_journey double precision
);
-- What the triggers read from transition rows. Types of their own, not account_score's row type: a session's
-- temporary table with a column of a table's row type blocks every ALTER TABLE of that table while it exists.
CREATE TYPE portfolio_score_side AS (
  sign integer, organization_id uuid, account_id uuid, band band, score double precision,
  current_intent double precision, current_anticipation double precision, current_adoption double precision, current_outcomes double precision, current_relationships double precision, current_engagement double precision, current_education double precision, current_journey double precision, gap_intent double precision, gap_anticipation double precision, gap_adoption double precision, gap_outcomes double precision, gap_relationships double precision, gap_engagement double precision, gap_education double precision, gap_journey double precision, lever_intent double precision, lever_anticipation double precision, lever_adoption double precision, lever_outcomes double precision, lever_relationships double precision, lever_engagement double precision, lever_education double precision, lever_journey double precision,
  moves_months boolean
);
CREATE TYPE portfolio_account_side AS (
  sign integer, organization_id uuid, id uuid, owner_user_id uuid, segment_id uuid, journey_stage_id uuid, arr numeric
);
CREATE TYPE portfolio_month_delta AS (
  sign integer, organization_id uuid, owner_user_id uuid, segment_id uuid, journey_stage_id uuid, band band,
  period_start date, score double precision, latest_in_quarter boolean
);

CREATE FUNCTION add_portfolio_account_deltas(deltas portfolio_account_delta[]) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  org uuid;
  emptied_orgs uuid[];
  emptied bigint[];
BEGIN
  IF deltas IS NULL OR cardinality(deltas) = 0 THEN RETURN; END IF;
  FOR org IN SELECT DISTINCT d.organization_id FROM unnest(deltas) d ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('portfolio_rollup:' || org, 0));
  END LOOP;
  WITH upserted AS (
  INSERT INTO portfolio_group_score AS g (organization_id, owner_user_id, segment_id, journey_stage_id, band,
      accounts, arr, assessed, score_sum, weighted_arr, weighted_arr_score, current_sum_intent,
      current_count_intent, gap_sum_intent, gap_count_intent, lever_sum_intent,
      current_sum_anticipation, current_count_anticipation, gap_sum_anticipation,
      gap_count_anticipation, lever_sum_anticipation, current_sum_adoption, current_count_adoption,
      gap_sum_adoption, gap_count_adoption, lever_sum_adoption, current_sum_outcomes,
      current_count_outcomes, gap_sum_outcomes, gap_count_outcomes, lever_sum_outcomes,
      current_sum_relationships, current_count_relationships, gap_sum_relationships,
      gap_count_relationships, lever_sum_relationships, current_sum_engagement,
      current_count_engagement, gap_sum_engagement, gap_count_engagement, lever_sum_engagement,
      current_sum_education, current_count_education, gap_sum_education, gap_count_education,
      lever_sum_education, current_sum_journey, current_count_journey, gap_sum_journey,
      gap_count_journey, lever_sum_journey)
  SELECT d.organization_id, d.owner_user_id, d.segment_id, d.journey_stage_id, d.band,
         sum(d.sign)::int,
         coalesce(sum(d.sign * d.arr), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.score IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.score), 0),
         coalesce(sum(d.sign * d.arr) FILTER (WHERE d.score IS NOT NULL AND d.arr > 0), 0),
         coalesce(sum(d.sign * d.arr * d.score) FILTER (WHERE d.score IS NOT NULL AND d.arr > 0), 0),
         coalesce(sum(d.sign * d.current_intent), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_intent IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_intent), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_intent IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_intent), 0),
         coalesce(sum(d.sign * d.current_anticipation), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_anticipation IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_anticipation), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_anticipation IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_anticipation), 0),
         coalesce(sum(d.sign * d.current_adoption), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_adoption IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_adoption), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_adoption IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_adoption), 0),
         coalesce(sum(d.sign * d.current_outcomes), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_outcomes IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_outcomes), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_outcomes IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_outcomes), 0),
         coalesce(sum(d.sign * d.current_relationships), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_relationships IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_relationships), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_relationships IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_relationships), 0),
         coalesce(sum(d.sign * d.current_engagement), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_engagement IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_engagement), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_engagement IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_engagement), 0),
         coalesce(sum(d.sign * d.current_education), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_education IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_education), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_education IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_education), 0),
         coalesce(sum(d.sign * d.current_journey), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.current_journey IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.gap_journey), 0),
         (coalesce(sum(d.sign) FILTER (WHERE d.gap_journey IS NOT NULL), 0))::int,
         coalesce(sum(d.sign * d.lever_journey), 0)
    FROM unnest(deltas) d
    -- Deleting the organisation (or a cascade from it) leaves nothing to roll up.
   WHERE EXISTS (SELECT 1 FROM organization o WHERE o.id = d.organization_id)
   GROUP BY d.organization_id, d.owner_user_id, d.segment_id, d.journey_stage_id, d.band
   ORDER BY d.organization_id, d.owner_user_id, d.segment_id, d.journey_stage_id, d.band
  ON CONFLICT (organization_id, owner_user_id, segment_id, journey_stage_id, band) DO UPDATE SET
    accounts = g.accounts + excluded.accounts,
    arr = g.arr + excluded.arr,
    assessed = g.assessed + excluded.assessed,
    score_sum = g.score_sum + excluded.score_sum,
    weighted_arr = g.weighted_arr + excluded.weighted_arr,
    weighted_arr_score = g.weighted_arr_score + excluded.weighted_arr_score,
    current_sum_intent = g.current_sum_intent + excluded.current_sum_intent,
    current_count_intent = g.current_count_intent + excluded.current_count_intent,
    gap_sum_intent = g.gap_sum_intent + excluded.gap_sum_intent,
    gap_count_intent = g.gap_count_intent + excluded.gap_count_intent,
    lever_sum_intent = g.lever_sum_intent + excluded.lever_sum_intent,
    current_sum_anticipation = g.current_sum_anticipation + excluded.current_sum_anticipation,
    current_count_anticipation = g.current_count_anticipation + excluded.current_count_anticipation,
    gap_sum_anticipation = g.gap_sum_anticipation + excluded.gap_sum_anticipation,
    gap_count_anticipation = g.gap_count_anticipation + excluded.gap_count_anticipation,
    lever_sum_anticipation = g.lever_sum_anticipation + excluded.lever_sum_anticipation,
    current_sum_adoption = g.current_sum_adoption + excluded.current_sum_adoption,
    current_count_adoption = g.current_count_adoption + excluded.current_count_adoption,
    gap_sum_adoption = g.gap_sum_adoption + excluded.gap_sum_adoption,
    gap_count_adoption = g.gap_count_adoption + excluded.gap_count_adoption,
    lever_sum_adoption = g.lever_sum_adoption + excluded.lever_sum_adoption,
    current_sum_outcomes = g.current_sum_outcomes + excluded.current_sum_outcomes,
    current_count_outcomes = g.current_count_outcomes + excluded.current_count_outcomes,
    gap_sum_outcomes = g.gap_sum_outcomes + excluded.gap_sum_outcomes,
    gap_count_outcomes = g.gap_count_outcomes + excluded.gap_count_outcomes,
    lever_sum_outcomes = g.lever_sum_outcomes + excluded.lever_sum_outcomes,
    current_sum_relationships = g.current_sum_relationships + excluded.current_sum_relationships,
    current_count_relationships = g.current_count_relationships + excluded.current_count_relationships,
    gap_sum_relationships = g.gap_sum_relationships + excluded.gap_sum_relationships,
    gap_count_relationships = g.gap_count_relationships + excluded.gap_count_relationships,
    lever_sum_relationships = g.lever_sum_relationships + excluded.lever_sum_relationships,
    current_sum_engagement = g.current_sum_engagement + excluded.current_sum_engagement,
    current_count_engagement = g.current_count_engagement + excluded.current_count_engagement,
    gap_sum_engagement = g.gap_sum_engagement + excluded.gap_sum_engagement,
    gap_count_engagement = g.gap_count_engagement + excluded.gap_count_engagement,
    lever_sum_engagement = g.lever_sum_engagement + excluded.lever_sum_engagement,
    current_sum_education = g.current_sum_education + excluded.current_sum_education,
    current_count_education = g.current_count_education + excluded.current_count_education,
    gap_sum_education = g.gap_sum_education + excluded.gap_sum_education,
    gap_count_education = g.gap_count_education + excluded.gap_count_education,
    lever_sum_education = g.lever_sum_education + excluded.lever_sum_education,
    current_sum_journey = g.current_sum_journey + excluded.current_sum_journey,
    current_count_journey = g.current_count_journey + excluded.current_count_journey,
    gap_sum_journey = g.gap_sum_journey + excluded.gap_sum_journey,
    gap_count_journey = g.gap_count_journey + excluded.gap_count_journey,
    lever_sum_journey = g.lever_sum_journey + excluded.lever_sum_journey
  RETURNING g.organization_id, g.id, g.accounts)
  SELECT array_agg(organization_id), array_agg(id) INTO emptied_orgs, emptied FROM upserted WHERE accounts = 0;
  -- Groups left without accounts (a separate statement: a row cannot be updated and deleted by one).
  DELETE FROM portfolio_group_score g
   USING unnest(emptied_orgs, emptied) AS e(organization_id, id)
   WHERE g.organization_id = e.organization_id AND g.id = e.id;
END
$$;

CREATE FUNCTION add_portfolio_month_deltas(deltas portfolio_month_delta[]) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  org uuid;
  emptied_orgs uuid[];
  emptied bigint[];
BEGIN
  IF deltas IS NULL OR cardinality(deltas) = 0 THEN RETURN; END IF;
  FOR org IN SELECT DISTINCT d.organization_id FROM unnest(deltas) d ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('portfolio_rollup:' || org, 0));
  END LOOP;
  WITH upserted AS (
  INSERT INTO portfolio_group_period_score AS g (organization_id, owner_user_id, segment_id, journey_stage_id, band,
                                                 period_start, accounts, score_sum, quarter_accounts, quarter_score_sum)
  SELECT d.organization_id, d.owner_user_id, d.segment_id, d.journey_stage_id, d.band, d.period_start,
         sum(d.sign)::int, sum(d.sign * d.score), (coalesce(sum(d.sign) FILTER (WHERE d.latest_in_quarter), 0))::int,
         coalesce(sum(d.sign * d.score) FILTER (WHERE d.latest_in_quarter), 0)
    FROM unnest(deltas) d
   WHERE EXISTS (SELECT 1 FROM organization o WHERE o.id = d.organization_id)
   GROUP BY d.organization_id, d.owner_user_id, d.segment_id, d.journey_stage_id, d.band, d.period_start
   ORDER BY d.organization_id, d.owner_user_id, d.segment_id, d.journey_stage_id, d.band, d.period_start
  ON CONFLICT (organization_id, owner_user_id, segment_id, journey_stage_id, band, period_start) DO UPDATE SET
    accounts = g.accounts + excluded.accounts,
    score_sum = g.score_sum + excluded.score_sum,
    quarter_accounts = g.quarter_accounts + excluded.quarter_accounts,
    quarter_score_sum = g.quarter_score_sum + excluded.quarter_score_sum
  RETURNING g.organization_id, g.id, g.accounts)
  SELECT array_agg(organization_id), array_agg(id) INTO emptied_orgs, emptied FROM upserted WHERE accounts = 0;
  DELETE FROM portfolio_group_period_score g
   USING unnest(emptied_orgs, emptied) AS e(organization_id, id)
   WHERE g.organization_id = e.organization_id AND g.id = e.id;
END
$$;

-- account_score: a latest result added, replaced, re-scored or removed moves its account's contribution; when the
-- band changes, the account's months move to the new band. An update of the previous-result columns alone (the
-- submit's second statement) changes no group. An account deleted in the same statement is its own trigger's.
CREATE FUNCTION portfolio_rollups_on_account_score() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  sides portfolio_score_side[];
  accounts portfolio_account_delta[];
  months portfolio_month_delta[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  -- Each changed row as two sides: −1 the latest result it replaced (NULL band and score: none), +1 the new one.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x) INTO sides FROM (
      SELECT ROW(-1, n.organization_id, n.account_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)::portfolio_score_side AS x
        FROM new_rows n
      UNION ALL
      SELECT ROW(1, n.organization_id, n.account_id, n.band, n.score, n.current_intent, n.current_anticipation, n.current_adoption, n.current_outcomes, n.current_relationships, n.current_engagement, n.current_education, n.current_journey, n.gap_intent, n.gap_anticipation, n.gap_adoption, n.gap_outcomes, n.gap_relationships, n.gap_engagement, n.gap_education, n.gap_journey, n.lever_intent, n.lever_anticipation, n.lever_adoption, n.lever_outcomes, n.lever_relationships, n.lever_engagement, n.lever_education, n.lever_journey, true)::portfolio_score_side
        FROM new_rows n) s;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x) INTO sides FROM (
      SELECT ROW(-1, o.organization_id, o.account_id, o.band, o.score, o.current_intent, o.current_anticipation, o.current_adoption, o.current_outcomes, o.current_relationships, o.current_engagement, o.current_education, o.current_journey, o.gap_intent, o.gap_anticipation, o.gap_adoption, o.gap_outcomes, o.gap_relationships, o.gap_engagement, o.gap_education, o.gap_journey, o.lever_intent, o.lever_anticipation, o.lever_adoption, o.lever_outcomes, o.lever_relationships, o.lever_engagement, o.lever_education, o.lever_journey, true)::portfolio_score_side AS x
        FROM old_rows o
      UNION ALL
      SELECT ROW(1, o.organization_id, o.account_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)::portfolio_score_side
        FROM old_rows o) s;
  ELSE
    SELECT array_agg(x) INTO sides FROM (
      SELECT unnest(ARRAY[
               ROW(-1, o.organization_id, o.account_id, o.band, o.score, o.current_intent, o.current_anticipation, o.current_adoption, o.current_outcomes, o.current_relationships, o.current_engagement, o.current_education, o.current_journey, o.gap_intent, o.gap_anticipation, o.gap_adoption, o.gap_outcomes, o.gap_relationships, o.gap_engagement, o.gap_education, o.gap_journey, o.lever_intent, o.lever_anticipation, o.lever_adoption, o.lever_outcomes, o.lever_relationships, o.lever_engagement, o.lever_education, o.lever_journey, o.band <> n.band)::portfolio_score_side,
               ROW(1, n.organization_id, n.account_id, n.band, n.score, n.current_intent, n.current_anticipation, n.current_adoption, n.current_outcomes, n.current_relationships, n.current_engagement, n.current_education, n.current_journey, n.gap_intent, n.gap_anticipation, n.gap_adoption, n.gap_outcomes, n.gap_relationships, n.gap_engagement, n.gap_education, n.gap_journey, n.lever_intent, n.lever_anticipation, n.lever_adoption, n.lever_outcomes, n.lever_relationships, n.lever_engagement, n.lever_education, n.lever_journey, o.band <> n.band)::portfolio_score_side]) AS x
        FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.account_id = o.account_id
       WHERE (n.assessment_id, n.score, n.band, n.current_intent, n.current_anticipation, n.current_adoption, n.current_outcomes, n.current_relationships, n.current_engagement, n.current_education, n.current_journey, n.gap_intent, n.gap_anticipation, n.gap_adoption, n.gap_outcomes, n.gap_relationships, n.gap_engagement, n.gap_education, n.gap_journey, n.lever_intent, n.lever_anticipation, n.lever_adoption, n.lever_outcomes, n.lever_relationships, n.lever_engagement, n.lever_education, n.lever_journey)
             IS DISTINCT FROM (o.assessment_id, o.score, o.band, o.current_intent, o.current_anticipation, o.current_adoption, o.current_outcomes, o.current_relationships, o.current_engagement, o.current_education, o.current_journey, o.gap_intent, o.gap_anticipation, o.gap_adoption, o.gap_outcomes, o.gap_relationships, o.gap_engagement, o.gap_education, o.gap_journey, o.lever_intent, o.lever_anticipation, o.lever_adoption, o.lever_outcomes, o.lever_relationships, o.lever_engagement, o.lever_education, o.lever_journey)) s;
  END IF;
  IF sides IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(ROW(s.sign, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, s.band,
                       a.arr::float8, s.score, s.current_intent, s.current_anticipation, s.current_adoption, s.current_outcomes, s.current_relationships, s.current_engagement, s.current_education, s.current_journey, s.gap_intent, s.gap_anticipation, s.gap_adoption, s.gap_outcomes, s.gap_relationships, s.gap_engagement, s.gap_education, s.gap_journey, s.lever_intent, s.lever_anticipation, s.lever_adoption, s.lever_outcomes, s.lever_relationships, s.lever_engagement, s.lever_education, s.lever_journey)::portfolio_account_delta)
    INTO accounts
    FROM unnest(sides) s
    JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id AND a.archived_at IS NULL;
  SELECT array_agg(ROW(s.sign, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, s.band,
                       p.period_start, p.score, p.latest_in_quarter)::portfolio_month_delta)
    INTO months
    FROM unnest(sides) s
    JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id AND a.archived_at IS NULL
    JOIN account_period_score p ON p.organization_id = s.organization_id AND p.account_id = s.account_id
   WHERE s.moves_months AND s.band IS NOT NULL;
  PERFORM add_portfolio_account_deltas(accounts);
  PERFORM add_portfolio_month_deltas(months);
  RETURN NULL;
END
$$;

-- account_period_score: a month row added, replaced or removed, for an account with a latest result.
CREATE FUNCTION portfolio_rollups_on_account_period_score() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  months portfolio_month_delta[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(ROW(1, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
                         n.period_start, n.score, n.latest_in_quarter)::portfolio_month_delta)
      INTO months
      FROM new_rows n
      JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id AND a.archived_at IS NULL
      JOIN account_score sc ON sc.organization_id = n.organization_id AND sc.account_id = n.account_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(ROW(-1, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
                         o.period_start, o.score, o.latest_in_quarter)::portfolio_month_delta)
      INTO months
      FROM old_rows o
      JOIN account a ON a.organization_id = o.organization_id AND a.id = o.account_id AND a.archived_at IS NULL
      JOIN account_score sc ON sc.organization_id = o.organization_id AND sc.account_id = o.account_id;
  ELSE
    SELECT array_agg(ROW(s.sign, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
                         s.period_start, s.score, s.latest_in_quarter)::portfolio_month_delta)
      INTO months
      FROM old_rows o
      JOIN new_rows n ON n.organization_id = o.organization_id AND n.account_id = o.account_id
                     AND n.period_start = o.period_start
      JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id AND a.archived_at IS NULL
      JOIN account_score sc ON sc.organization_id = n.organization_id AND sc.account_id = n.account_id
     CROSS JOIN LATERAL (VALUES (-1, o.period_start, o.score, o.latest_in_quarter),
                                (1, n.period_start, n.score, n.latest_in_quarter)) AS s(sign, period_start, score, latest_in_quarter)
     WHERE (n.score, n.latest_in_quarter) IS DISTINCT FROM (o.score, o.latest_in_quarter);
  END IF;
  PERFORM add_portfolio_month_deltas(months);
  RETURN NULL;
END
$$;

-- account: a new or archived account, or one whose owner, segment, stage or ARR changed, moves its contribution
-- (its latest result and its months) between groups. Deleted accounts: see the BEFORE DELETE trigger below.
CREATE FUNCTION portfolio_rollups_on_account() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  sides portfolio_account_side[];
  accounts portfolio_account_delta[];
  months portfolio_month_delta[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(ROW(1, n.organization_id, n.id, n.owner_user_id, n.segment_id, n.journey_stage_id,
                         n.arr)::portfolio_account_side)
      INTO sides FROM new_rows n WHERE n.archived_at IS NULL;
  ELSE
    SELECT array_agg(ROW(s.sign, s.organization_id, s.id, s.owner_user_id, s.segment_id, s.journey_stage_id,
                         s.arr)::portfolio_account_side)
      INTO sides
      FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
     CROSS JOIN LATERAL (VALUES (-1, o.organization_id, o.id, o.owner_user_id, o.segment_id, o.journey_stage_id, o.arr,
                                 o.archived_at),
                                (1, n.organization_id, n.id, n.owner_user_id, n.segment_id, n.journey_stage_id, n.arr,
                                 n.archived_at))
                        AS s(sign, organization_id, id, owner_user_id, segment_id, journey_stage_id, arr, archived_at)
     WHERE (n.owner_user_id, n.segment_id, n.journey_stage_id, n.arr, n.archived_at)
           IS DISTINCT FROM (o.owner_user_id, o.segment_id, o.journey_stage_id, o.arr, o.archived_at)
       AND s.archived_at IS NULL;
  END IF;
  IF sides IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(ROW(c.sign, c.organization_id, c.owner_user_id, c.segment_id, c.journey_stage_id, sc.band,
                       c.arr::float8, sc.score, sc.current_intent, sc.current_anticipation, sc.current_adoption, sc.current_outcomes, sc.current_relationships, sc.current_engagement, sc.current_education, sc.current_journey, sc.gap_intent, sc.gap_anticipation, sc.gap_adoption, sc.gap_outcomes, sc.gap_relationships, sc.gap_engagement, sc.gap_education, sc.gap_journey, sc.lever_intent, sc.lever_anticipation, sc.lever_adoption, sc.lever_outcomes, sc.lever_relationships, sc.lever_engagement, sc.lever_education, sc.lever_journey)::portfolio_account_delta)
    INTO accounts
    FROM unnest(sides) c
    LEFT JOIN account_score sc ON sc.organization_id = c.organization_id AND sc.account_id = c.id;
  SELECT array_agg(ROW(c.sign, c.organization_id, c.owner_user_id, c.segment_id, c.journey_stage_id, sc.band,
                       p.period_start, p.score, p.latest_in_quarter)::portfolio_month_delta)
    INTO months
    FROM unnest(sides) c
    JOIN account_score sc ON sc.organization_id = c.organization_id AND sc.account_id = c.id
    JOIN account_period_score p ON p.organization_id = c.organization_id AND p.account_id = c.id;
  PERFORM add_portfolio_account_deltas(accounts);
  PERFORM add_portfolio_month_deltas(months);
  RETURN NULL;
END
$$;

-- Before an account row goes (its account_score and month rows go with it, by cascade, and their triggers no
-- longer find the account): remove everything it contributed. Row-level: only deletes of single accounts and of
-- whole organisations (skipped above: the organisation row is already gone) delete accounts.
CREATE FUNCTION portfolio_rollups_on_account_delete() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  accounts portfolio_account_delta[];
  months portfolio_month_delta[];
BEGIN
  IF portfolio_rollups_deferred() OR OLD.archived_at IS NOT NULL
     OR NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = OLD.organization_id) THEN
    RETURN OLD;
  END IF;
  SELECT array_agg(ROW(-1, OLD.organization_id, OLD.owner_user_id, OLD.segment_id, OLD.journey_stage_id, sc.band,
                       OLD.arr::float8, sc.score, sc.current_intent, sc.current_anticipation, sc.current_adoption, sc.current_outcomes, sc.current_relationships, sc.current_engagement, sc.current_education, sc.current_journey, sc.gap_intent, sc.gap_anticipation, sc.gap_adoption, sc.gap_outcomes, sc.gap_relationships, sc.gap_engagement, sc.gap_education, sc.gap_journey, sc.lever_intent, sc.lever_anticipation, sc.lever_adoption, sc.lever_outcomes, sc.lever_relationships, sc.lever_engagement, sc.lever_education, sc.lever_journey)::portfolio_account_delta)
    INTO accounts
    FROM (SELECT 1) one
    LEFT JOIN account_score sc ON sc.organization_id = OLD.organization_id AND sc.account_id = OLD.id;
  SELECT array_agg(ROW(-1, OLD.organization_id, OLD.owner_user_id, OLD.segment_id, OLD.journey_stage_id, sc.band,
                       p.period_start, p.score, p.latest_in_quarter)::portfolio_month_delta)
    INTO months
    FROM account_score sc
    JOIN account_period_score p ON p.organization_id = sc.organization_id AND p.account_id = sc.account_id
   WHERE sc.organization_id = OLD.organization_id AND sc.account_id = OLD.id;
  PERFORM add_portfolio_account_deltas(accounts);
  PERFORM add_portfolio_month_deltas(months);
  RETURN OLD;
END
$$;
CREATE TRIGGER portfolio_rollups_before_delete BEFORE DELETE ON account
  FOR EACH ROW EXECUTE FUNCTION portfolio_rollups_on_account_delete();

DO $$
DECLARE
  t TEXT;
  op TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['account', 'account_score', 'account_period_score']
  LOOP
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE']
    LOOP
      CONTINUE WHEN t = 'account' AND op = 'DELETE';
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I()',
        'portfolio_rollups_on_' || lower(op), op, t,
        CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        'portfolio_rollups_on_' || t);
    END LOOP;
  END LOOP;
END
$$;

-- Fill both from what is there.
DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT id FROM organization LOOP
    PERFORM refresh_portfolio_groups(org);
  END LOOP;
END
$$;
