-- Renewal rollups: the overview of a renewal window without aggregating every account renewing in it.
--
-- Why: a renewal window (accounts renewing between today and today + 30 / 60 / 90 days) cuts through the portfolio
-- rollups' groups, so an overview with one summed every account renewing in it: renewal 60 at 50,000 accounts was
-- ~100 ms of SQL on each cache miss (summary ~40 ms over 8,000 accounts, trend ~53 ms over their month rows). These
-- tables hold the same sums per renewal date and band (and month), so such an overview adds up one row per day and
-- band of its window: no account is left over, a window is whole days.
--
-- portfolio_renewal_score: per renewal date and band of the latest result (NULL = never assessed), the sums of
-- portfolio_group_score. portfolio_renewal_period_score: per renewal date, current band and UTC month, those of
-- portfolio_group_period_score. Accounts without a renewal date have no row.
--
-- Maintenance as the ARR rollups (20261204100000): the rollup triggers' deltas now carry the account's renewal date
-- (types portfolio_account_delta, portfolio_month_delta and portfolio_account_side gain `renewal_date`, so the four
-- trigger functions are 20261204100000's with it added, and an account's move of renewal date is a move between rows
-- here), each trigger adds its deltas to these tables too, refresh_portfolio_rollups recomputes them,
-- delete_portfolio_rollups removes them.

LOCK TABLE "organization", "account", "account_score", "account_period_score", "portfolio_group_score",
           "portfolio_group_period_score", "portfolio_arr_score", "portfolio_arr_period_score",
           "portfolio_data_version", "account_renewal_risk" IN ACCESS EXCLUSIVE MODE;

CREATE TABLE "portfolio_renewal_score" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "renewal_date" DATE NOT NULL,
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
  CONSTRAINT "portfolio_renewal_score_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE UNIQUE INDEX "portfolio_renewal_score_group_key"
  ON "portfolio_renewal_score"("organization_id", "renewal_date", "band") NULLS NOT DISTINCT;

CREATE TABLE "portfolio_renewal_period_score" (
  "id" BIGSERIAL NOT NULL,
  "organization_id" UUID NOT NULL,
  "renewal_date" DATE NOT NULL,
  "band" "band" NOT NULL,
  "period_start" DATE NOT NULL,
  "accounts" INTEGER NOT NULL,
  "score_sum" DOUBLE PRECISION NOT NULL,
  "quarter_accounts" INTEGER NOT NULL,
  "quarter_score_sum" DOUBLE PRECISION NOT NULL,
  CONSTRAINT "portfolio_renewal_period_score_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE UNIQUE INDEX "portfolio_renewal_period_score_group_key"
  ON "portfolio_renewal_period_score"("organization_id", "renewal_date", "band", "period_start");

ALTER TABLE "portfolio_renewal_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_renewal_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_renewal_score"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
ALTER TABLE "portfolio_renewal_period_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_renewal_period_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "portfolio_renewal_period_score"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
REVOKE ALL ON "portfolio_renewal_score", "portfolio_renewal_period_score" FROM desired_state_app;
GRANT SELECT ON "portfolio_renewal_score", "portfolio_renewal_period_score" TO desired_state_app;
REVOKE ALL ON SEQUENCE "portfolio_renewal_score_id_seq", "portfolio_renewal_period_score_id_seq" FROM desired_state_app;

ALTER TYPE portfolio_account_delta ADD ATTRIBUTE renewal_date date;
ALTER TYPE portfolio_month_delta ADD ATTRIBUTE renewal_date date;
ALTER TYPE portfolio_account_side ADD ATTRIBUTE renewal_date date;

-- The ARR rollups' delta functions of 20261204100000, keyed by renewal date and band.
CREATE FUNCTION add_portfolio_renewal_account_deltas(deltas portfolio_account_delta[]) RETURNS void
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
  INSERT INTO portfolio_renewal_score AS g (organization_id, renewal_date, band,
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
  SELECT d.organization_id, d.renewal_date, d.band,
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
    -- Accounts without a renewal date are in no renewal window.
   WHERE d.renewal_date IS NOT NULL AND EXISTS (SELECT 1 FROM organization o WHERE o.id = d.organization_id)
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (organization_id, renewal_date, band) DO UPDATE SET
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
  DELETE FROM portfolio_renewal_score g
   USING unnest(emptied_orgs, emptied) AS e(organization_id, id)
   WHERE g.organization_id = e.organization_id AND g.id = e.id;
END
$$;

CREATE FUNCTION add_portfolio_renewal_month_deltas(deltas portfolio_month_delta[]) RETURNS void
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
  INSERT INTO portfolio_renewal_period_score AS g (organization_id, renewal_date, band,
                                                 period_start, accounts, score_sum, quarter_accounts, quarter_score_sum)
  SELECT d.organization_id, d.renewal_date, d.band, d.period_start,
         sum(d.sign)::int, sum(d.sign * d.score), (coalesce(sum(d.sign) FILTER (WHERE d.latest_in_quarter), 0))::int,
         coalesce(sum(d.sign * d.score) FILTER (WHERE d.latest_in_quarter), 0)
    FROM unnest(deltas) d
   WHERE d.renewal_date IS NOT NULL AND EXISTS (SELECT 1 FROM organization o WHERE o.id = d.organization_id)
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (organization_id, renewal_date, band, period_start) DO UPDATE SET
    accounts = g.accounts + excluded.accounts,
    score_sum = g.score_sum + excluded.score_sum,
    quarter_accounts = g.quarter_accounts + excluded.quarter_accounts,
    quarter_score_sum = g.quarter_score_sum + excluded.quarter_score_sum
  RETURNING g.organization_id, g.id, g.accounts)
  SELECT array_agg(organization_id), array_agg(id) INTO emptied_orgs, emptied FROM upserted WHERE accounts = 0;
  DELETE FROM portfolio_renewal_period_score g
   USING unnest(emptied_orgs, emptied) AS e(organization_id, id)
   WHERE g.organization_id = e.organization_id AND g.id = e.id;
END
$$;

-- The trigger functions of 20261204100000, with the renewal date in each delta and side, a renewal date change as
-- a move (the account trigger's change test), and the two calls above.
CREATE OR REPLACE FUNCTION portfolio_rollups_on_account_score() RETURNS trigger
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
                       a.arr::float8, s.score, s.current_intent, s.current_anticipation, s.current_adoption, s.current_outcomes, s.current_relationships, s.current_engagement, s.current_education, s.current_journey, s.gap_intent, s.gap_anticipation, s.gap_adoption, s.gap_outcomes, s.gap_relationships, s.gap_engagement, s.gap_education, s.gap_journey, s.lever_intent, s.lever_anticipation, s.lever_adoption, s.lever_outcomes, s.lever_relationships, s.lever_engagement, s.lever_education, s.lever_journey, a.renewal_date)::portfolio_account_delta)
    INTO accounts
    FROM unnest(sides) s
    JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id AND a.archived_at IS NULL;
  SELECT array_agg(ROW(s.sign, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, s.band,
                       p.period_start, p.score, p.latest_in_quarter, a.arr::float8, a.renewal_date)::portfolio_month_delta)
    INTO months
    FROM unnest(sides) s
    JOIN account a ON a.organization_id = s.organization_id AND a.id = s.account_id AND a.archived_at IS NULL
    JOIN account_period_score p ON p.organization_id = s.organization_id AND p.account_id = s.account_id
   WHERE s.moves_months AND s.band IS NOT NULL;
  PERFORM add_portfolio_account_deltas(accounts);
  PERFORM add_portfolio_month_deltas(months);
  PERFORM add_portfolio_arr_account_deltas(accounts);
  PERFORM add_portfolio_arr_month_deltas(months);
  PERFORM add_portfolio_renewal_account_deltas(accounts);
  PERFORM add_portfolio_renewal_month_deltas(months);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION portfolio_rollups_on_account_period_score() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  months portfolio_month_delta[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(ROW(1, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
                         n.period_start, n.score, n.latest_in_quarter, a.arr::float8, a.renewal_date)::portfolio_month_delta)
      INTO months
      FROM new_rows n
      JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id AND a.archived_at IS NULL
      JOIN account_score sc ON sc.organization_id = n.organization_id AND sc.account_id = n.account_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(ROW(-1, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
                         o.period_start, o.score, o.latest_in_quarter, a.arr::float8, a.renewal_date)::portfolio_month_delta)
      INTO months
      FROM old_rows o
      JOIN account a ON a.organization_id = o.organization_id AND a.id = o.account_id AND a.archived_at IS NULL
      JOIN account_score sc ON sc.organization_id = o.organization_id AND sc.account_id = o.account_id;
  ELSE
    SELECT array_agg(ROW(s.sign, a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band,
                         s.period_start, s.score, s.latest_in_quarter, a.arr::float8, a.renewal_date)::portfolio_month_delta)
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
  PERFORM add_portfolio_arr_month_deltas(months);
  PERFORM add_portfolio_renewal_month_deltas(months);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION portfolio_rollups_on_account() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  sides portfolio_account_side[];
  accounts portfolio_account_delta[];
  months portfolio_month_delta[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(ROW(1, n.organization_id, n.id, n.owner_user_id, n.segment_id, n.journey_stage_id,
                         n.arr, n.renewal_date)::portfolio_account_side)
      INTO sides FROM new_rows n WHERE n.archived_at IS NULL;
  ELSE
    SELECT array_agg(ROW(s.sign, s.organization_id, s.id, s.owner_user_id, s.segment_id, s.journey_stage_id,
                         s.arr, s.renewal_date)::portfolio_account_side)
      INTO sides
      FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
     CROSS JOIN LATERAL (VALUES (-1, o.organization_id, o.id, o.owner_user_id, o.segment_id, o.journey_stage_id, o.arr,
                                 o.renewal_date, o.archived_at),
                                (1, n.organization_id, n.id, n.owner_user_id, n.segment_id, n.journey_stage_id, n.arr,
                                 n.renewal_date, n.archived_at))
                        AS s(sign, organization_id, id, owner_user_id, segment_id, journey_stage_id, arr, renewal_date, archived_at)
     WHERE (n.owner_user_id, n.segment_id, n.journey_stage_id, n.arr, n.renewal_date, n.archived_at)
           IS DISTINCT FROM (o.owner_user_id, o.segment_id, o.journey_stage_id, o.arr, o.renewal_date, o.archived_at)
       AND s.archived_at IS NULL;
  END IF;
  IF sides IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(ROW(c.sign, c.organization_id, c.owner_user_id, c.segment_id, c.journey_stage_id, sc.band,
                       c.arr::float8, sc.score, sc.current_intent, sc.current_anticipation, sc.current_adoption, sc.current_outcomes, sc.current_relationships, sc.current_engagement, sc.current_education, sc.current_journey, sc.gap_intent, sc.gap_anticipation, sc.gap_adoption, sc.gap_outcomes, sc.gap_relationships, sc.gap_engagement, sc.gap_education, sc.gap_journey, sc.lever_intent, sc.lever_anticipation, sc.lever_adoption, sc.lever_outcomes, sc.lever_relationships, sc.lever_engagement, sc.lever_education, sc.lever_journey, c.renewal_date)::portfolio_account_delta)
    INTO accounts
    FROM unnest(sides) c
    LEFT JOIN account_score sc ON sc.organization_id = c.organization_id AND sc.account_id = c.id;
  SELECT array_agg(ROW(c.sign, c.organization_id, c.owner_user_id, c.segment_id, c.journey_stage_id, sc.band,
                       p.period_start, p.score, p.latest_in_quarter, c.arr::float8, c.renewal_date)::portfolio_month_delta)
    INTO months
    FROM unnest(sides) c
    JOIN account_score sc ON sc.organization_id = c.organization_id AND sc.account_id = c.id
    JOIN account_period_score p ON p.organization_id = c.organization_id AND p.account_id = c.id;
  PERFORM add_portfolio_account_deltas(accounts);
  PERFORM add_portfolio_month_deltas(months);
  PERFORM add_portfolio_arr_account_deltas(accounts);
  PERFORM add_portfolio_arr_month_deltas(months);
  PERFORM add_portfolio_renewal_account_deltas(accounts);
  PERFORM add_portfolio_renewal_month_deltas(months);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION portfolio_rollups_on_account_delete() RETURNS trigger
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
                       OLD.arr::float8, sc.score, sc.current_intent, sc.current_anticipation, sc.current_adoption, sc.current_outcomes, sc.current_relationships, sc.current_engagement, sc.current_education, sc.current_journey, sc.gap_intent, sc.gap_anticipation, sc.gap_adoption, sc.gap_outcomes, sc.gap_relationships, sc.gap_engagement, sc.gap_education, sc.gap_journey, sc.lever_intent, sc.lever_anticipation, sc.lever_adoption, sc.lever_outcomes, sc.lever_relationships, sc.lever_engagement, sc.lever_education, sc.lever_journey, OLD.renewal_date)::portfolio_account_delta)
    INTO accounts
    FROM (SELECT 1) one
    LEFT JOIN account_score sc ON sc.organization_id = OLD.organization_id AND sc.account_id = OLD.id;
  SELECT array_agg(ROW(-1, OLD.organization_id, OLD.owner_user_id, OLD.segment_id, OLD.journey_stage_id, sc.band,
                       p.period_start, p.score, p.latest_in_quarter, OLD.arr::float8, OLD.renewal_date)::portfolio_month_delta)
    INTO months
    FROM account_score sc
    JOIN account_period_score p ON p.organization_id = sc.organization_id AND p.account_id = sc.account_id
   WHERE sc.organization_id = OLD.organization_id AND sc.account_id = OLD.id;
  PERFORM add_portfolio_account_deltas(accounts);
  PERFORM add_portfolio_month_deltas(months);
  PERFORM add_portfolio_arr_account_deltas(accounts);
  PERFORM add_portfolio_arr_month_deltas(months);
  PERFORM add_portfolio_renewal_account_deltas(accounts);
  PERFORM add_portfolio_renewal_month_deltas(months);
  RETURN OLD;
END
$$;

-- An organisation's renewal rollups from the base rows (refresh_portfolio_rollups; the fill below).
CREATE FUNCTION refresh_portfolio_renewal_groups(org uuid) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp SET work_mem = '64MB' AS $$
BEGIN
  DELETE FROM portfolio_renewal_score WHERE organization_id = org;
  INSERT INTO portfolio_renewal_score (organization_id, renewal_date, band,
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
  SELECT a.organization_id, a.renewal_date, sc.band,
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
   WHERE a.organization_id = org AND a.archived_at IS NULL AND a.renewal_date IS NOT NULL
   GROUP BY 1, 2, 3;

  DELETE FROM portfolio_renewal_period_score WHERE organization_id = org;
  INSERT INTO portfolio_renewal_period_score (organization_id, renewal_date, band,
                                            period_start, accounts, score_sum, quarter_accounts, quarter_score_sum)
  SELECT a.organization_id, a.renewal_date, sc.band, p.period_start,
         count(*)::int, sum(p.score), count(*) FILTER (WHERE p.latest_in_quarter)::int,
         coalesce(sum(p.score) FILTER (WHERE p.latest_in_quarter), 0)
    FROM account a
    JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
    JOIN account_period_score p ON p.organization_id = a.organization_id AND p.account_id = a.id
   WHERE a.organization_id = org AND a.archived_at IS NULL AND a.renewal_date IS NOT NULL
   GROUP BY 1, 2, 3, 4;
END
$$;

-- 20261204100000's body, plus the renewal rollups.
CREATE OR REPLACE FUNCTION refresh_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'refresh_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  PERFORM refresh_portfolio_groups(org);
  PERFORM refresh_portfolio_arr_groups(org);
  PERFORM refresh_portfolio_renewal_groups(org);
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
  DELETE FROM portfolio_arr_score WHERE organization_id = org;
  DELETE FROM portfolio_arr_period_score WHERE organization_id = org;
  DELETE FROM portfolio_renewal_score WHERE organization_id = org;
  DELETE FROM portfolio_renewal_period_score WHERE organization_id = org;
  DELETE FROM account_renewal_risk WHERE organization_id = org;
END
$$;

-- Fill them for every organisation, FORCE lifted for this transaction only (as in 20261204100000).
ALTER TABLE "organization" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_period_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_renewal_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_renewal_period_score" NO FORCE ROW LEVEL SECURITY;
DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT id FROM organization LOOP
    PERFORM refresh_portfolio_renewal_groups(org);
  END LOOP;
END
$$;
ALTER TABLE "organization" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account_period_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_renewal_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "portfolio_renewal_period_score" FORCE ROW LEVEL SECURITY;
