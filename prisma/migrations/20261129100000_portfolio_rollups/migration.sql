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
-- Maintenance is exact, not incremental: statement-level triggers on account, account_score and
-- account_period_score recompute, from the base tables and in the writing transaction, the groups of every
-- (owner, segment, stage) slice whose accounts the statement changed — old and new slice for a moved account, only
-- the changed months for month rows. Recomputed rather than adjusted, the sums never drift from the base rows.
-- A per-(organisation, owner) advisory lock, taken before recomputing and held to commit, serialises two writers of
-- one owner's accounts: the second recomputes after the first commits and sees its rows (READ COMMITTED: each
-- statement of a function takes a new snapshot). Bulk writers that change every account (the scoring re-score,
-- seed:large, org:import) set app.portfolio_rollup_deferred for the transaction and call
-- refresh_portfolio_rollups(org) once at the end.

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
ALTER TABLE "portfolio_group_score" ADD CONSTRAINT "portfolio_group_score_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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
ALTER TABLE "portfolio_group_period_score" ADD CONSTRAINT "portfolio_group_period_score_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The app reads them under the tenant policy; only the SECURITY DEFINER functions below write them.
DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['portfolio_group_score', 'portfolio_group_period_score']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org_id()) '
      'WITH CHECK (organization_id = app_current_org_id())', t);
    -- The default privileges of 20261125010000 grant the app role every write: take them back.
    EXECUTE format('REVOKE ALL ON %I FROM desired_state_app', t);
    EXECUTE format('GRANT SELECT ON %I TO desired_state_app', t);
    EXECUTE format('REVOKE ALL ON SEQUENCE %I FROM desired_state_app', t || '_id_seq');
  END LOOP;
END
$$;

-- Which groups a recomputation covers, as a condition on the columns owner_user_id, segment_id, journey_stage_id
-- (of `alias`): the slices ($3, $4, $5: owner, segment and stage arrays, element by element) or, when there are
-- none (NULL), the organisation's every account. Statement parameters: $1 organisation, $2 the slices' owners
-- (without NULL), $3–$5 the slices, $6 months. Dynamic SQL so that each call is planned for its own arguments: a
-- submit's one slice goes through account's (organization_id, owner_user_id) index, the organisation through a scan.
CREATE FUNCTION portfolio_slice_condition(sliced boolean, unowned boolean, alias text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN NOT sliced THEN 'true' ELSE format(
    '(%1$s.owner_user_id = ANY($2)%2$s) AND EXISTS (SELECT 1 FROM unnest($3, $4, $5) AS k(o, s, st) '
    'WHERE k.o IS NOT DISTINCT FROM %1$s.owner_user_id AND k.s IS NOT DISTINCT FROM %1$s.segment_id '
    'AND k.st IS NOT DISTINCT FROM %1$s.journey_stage_id)',
    alias, CASE WHEN unowned THEN format(' OR %s.owner_user_id IS NULL', alias) ELSE '' END) END
$$;

-- The groups of an organisation, or of its slices (owner, segment, stage; NULL arrays = every account), for the
-- months in `periods` (NULL = every month; only portfolio_group_period_score has months). Locks first: see the top.
CREATE FUNCTION refresh_portfolio_groups(org uuid, slice_owners uuid[], slice_segments uuid[], slice_stages uuid[],
                                         scores boolean, months boolean, periods date[])
  -- A whole organisation's months aggregate in memory (4 MB spilled 26,000 groups of 500,000 rows to disk).
  RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp SET work_mem = '64MB' AS $$
DECLARE
  sliced boolean := slice_owners IS NOT NULL;
  owners uuid[];
  unowned boolean;
  owner_key text;
  accounts text;
  groups text;
  in_periods text := CASE WHEN periods IS NULL THEN 'true' ELSE 'period_start = ANY($6)' END;
BEGIN
  IF sliced THEN
    SELECT coalesce(array_agg(DISTINCT o) FILTER (WHERE o IS NOT NULL), '{}'), bool_or(o IS NULL)
      INTO owners, unowned FROM unnest(slice_owners) AS o;
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('portfolio_rollup:' || org, 0));
    FOR owner_key IN SELECT DISTINCT coalesce(o::text, '-') FROM unnest(slice_owners) AS o ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(hashtextextended('portfolio_rollup:' || org || ':' || owner_key, 0));
    END LOOP;
  ELSE
    PERFORM pg_advisory_xact_lock(hashtextextended('portfolio_rollup:' || org, 0));
  END IF;
  accounts := portfolio_slice_condition(sliced, coalesce(unowned, false), 'a');
  groups := portfolio_slice_condition(sliced, coalesce(unowned, false), 'g');

  IF scores THEN
    EXECUTE format('DELETE FROM portfolio_group_score g WHERE g.organization_id = $1 AND %s', groups)
      USING org, owners, slice_owners, slice_segments, slice_stages;
    EXECUTE format($sql$
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
       WHERE a.organization_id = $1 AND a.archived_at IS NULL AND %s
       GROUP BY a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band
    $sql$, accounts)
      USING org, owners, slice_owners, slice_segments, slice_stages;
  END IF;

  IF months THEN
    EXECUTE format('DELETE FROM portfolio_group_period_score g WHERE g.organization_id = $1 AND %s AND %s',
                   groups, in_periods)
      USING org, owners, slice_owners, slice_segments, slice_stages, periods;
    EXECUTE format($sql$
      INSERT INTO portfolio_group_period_score (organization_id, owner_user_id, segment_id, journey_stage_id, band,
                                                period_start, accounts, score_sum, quarter_accounts, quarter_score_sum)
      SELECT a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band, p.period_start,
             count(*)::int, sum(p.score), count(*) FILTER (WHERE p.latest_in_quarter)::int,
             coalesce(sum(p.score) FILTER (WHERE p.latest_in_quarter), 0)
        FROM account a
        JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
        JOIN account_period_score p ON p.organization_id = a.organization_id AND p.account_id = a.id
       WHERE a.organization_id = $1 AND a.archived_at IS NULL AND %s AND %s
       GROUP BY a.organization_id, a.owner_user_id, a.segment_id, a.journey_stage_id, sc.band, p.period_start
    $sql$, accounts, replace(in_periods, 'period_start', 'p.period_start'))
      USING org, owners, slice_owners, slice_segments, slice_stages, periods;
  END IF;
END
$$;

-- Recomputes both rollups of an organisation, e.g. after a bulk write that deferred them. A tenant transaction
-- recomputes its own organisation only.
CREATE FUNCTION refresh_portfolio_rollups(org uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF app_current_org_id() IS DISTINCT FROM org AND app_current_org_id() IS NOT NULL THEN
    RAISE EXCEPTION 'refresh_portfolio_rollups: organisation % is not the current one', org;
  END IF;
  PERFORM refresh_portfolio_groups(org, NULL, NULL, NULL, true, true, NULL);
END
$$;
REVOKE ALL ON FUNCTION refresh_portfolio_rollups(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_portfolio_rollups(uuid) TO desired_state_app;

CREATE FUNCTION portfolio_rollups_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.portfolio_rollup_deferred', true), '') = 'on'
$$;

-- What the triggers found changed: (organisation, owner, segment, stage) per changed row. Recomputes each
-- organisation's slices, or all of it when a statement touched more than 64 slices (a bulk change: one pass over
-- the organisation is cheaper than matching many slices). An organisation that is being deleted (a cascade from
-- it) has nothing left to roll up.
CREATE FUNCTION refresh_portfolio_slices(orgs uuid[], owners uuid[], segments uuid[], stages uuid[],
                                         scores boolean, months boolean, periods date[])
  RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT c.org, array_agg(c.o) AS owners, array_agg(c.s) AS segments, array_agg(c.st) AS stages
      FROM (SELECT DISTINCT * FROM unnest(orgs, owners, segments, stages) AS c(org, o, s, st)) c
     WHERE EXISTS (SELECT 1 FROM organization WHERE id = c.org)
     GROUP BY c.org
     ORDER BY c.org
  LOOP
    IF cardinality(g.owners) > 64 THEN
      PERFORM refresh_portfolio_groups(g.org, NULL, NULL, NULL, scores, months, periods);
    ELSE
      PERFORM refresh_portfolio_groups(g.org, g.owners, g.segments, g.stages, scores, months, periods);
    END IF;
  END LOOP;
END
$$;

-- account: a new, deleted or archived account, or one whose owner, segment, stage or ARR changed, recomputes its
-- old and new slice, every month (the account moves between groups). Each branch reads only the transition tables
-- its event has.
CREATE FUNCTION portfolio_rollups_on_account() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  orgs uuid[];
  owners uuid[];
  segments uuid[];
  stages uuid[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.organization_id), array_agg(n.owner_user_id), array_agg(n.segment_id),
           array_agg(n.journey_stage_id)
      INTO orgs, owners, segments, stages FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.organization_id), array_agg(o.owner_user_id), array_agg(o.segment_id),
           array_agg(o.journey_stage_id)
      INTO orgs, owners, segments, stages FROM old_rows o;
  ELSE
    SELECT array_agg(x.org), array_agg(x.o), array_agg(x.s), array_agg(x.st)
      INTO orgs, owners, segments, stages
      FROM old_rows o
      JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
     CROSS JOIN LATERAL (VALUES (o.organization_id, o.owner_user_id, o.segment_id, o.journey_stage_id),
                                (n.organization_id, n.owner_user_id, n.segment_id, n.journey_stage_id))
                        AS x(org, o, s, st)
     WHERE (n.owner_user_id, n.segment_id, n.journey_stage_id, n.arr, n.archived_at)
           IS DISTINCT FROM (o.owner_user_id, o.segment_id, o.journey_stage_id, o.arr, o.archived_at);
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM refresh_portfolio_slices(orgs, owners, segments, stages, true, true, NULL);
  END IF;
  RETURN NULL;
END
$$;

-- account_score: a latest result added, replaced, re-scored or removed recomputes its account's slice; every month
-- too when the band changed (the month rows follow the account's current band). An update of the previous-result
-- columns alone (the submit's second statement) changes no group.
CREATE FUNCTION portfolio_rollups_on_account_score() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  orgs uuid[];
  owners uuid[];
  segments uuid[];
  stages uuid[];
  band_changed boolean := TG_OP <> 'UPDATE';
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(a.organization_id), array_agg(a.owner_user_id), array_agg(a.segment_id),
           array_agg(a.journey_stage_id)
      INTO orgs, owners, segments, stages
      FROM new_rows n JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(a.organization_id), array_agg(a.owner_user_id), array_agg(a.segment_id),
           array_agg(a.journey_stage_id)
      INTO orgs, owners, segments, stages
      FROM old_rows o JOIN account a ON a.organization_id = o.organization_id AND a.id = o.account_id;
  ELSE
    SELECT array_agg(a.organization_id), array_agg(a.owner_user_id), array_agg(a.segment_id),
           array_agg(a.journey_stage_id), coalesce(bool_or(n.band <> o.band), false)
      INTO orgs, owners, segments, stages, band_changed
      FROM old_rows o
      JOIN new_rows n ON n.organization_id = o.organization_id AND n.account_id = o.account_id
      JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id
     WHERE (to_jsonb(n) - 'previous_score' - 'previous_submitted_at' - 'score_delta')
           IS DISTINCT FROM (to_jsonb(o) - 'previous_score' - 'previous_submitted_at' - 'score_delta');
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM refresh_portfolio_slices(orgs, owners, segments, stages, true, band_changed, NULL);
  END IF;
  RETURN NULL;
END
$$;

-- account_period_score: a month row added, replaced or removed recomputes that month of its account's slice.
CREATE FUNCTION portfolio_rollups_on_account_period_score() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  orgs uuid[];
  owners uuid[];
  segments uuid[];
  stages uuid[];
  periods date[];
BEGIN
  IF portfolio_rollups_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(a.organization_id), array_agg(a.owner_user_id), array_agg(a.segment_id),
           array_agg(a.journey_stage_id), array_agg(DISTINCT n.period_start)
      INTO orgs, owners, segments, stages, periods
      FROM new_rows n JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(a.organization_id), array_agg(a.owner_user_id), array_agg(a.segment_id),
           array_agg(a.journey_stage_id), array_agg(DISTINCT o.period_start)
      INTO orgs, owners, segments, stages, periods
      FROM old_rows o JOIN account a ON a.organization_id = o.organization_id AND a.id = o.account_id;
  ELSE
    SELECT array_agg(a.organization_id), array_agg(a.owner_user_id), array_agg(a.segment_id),
           array_agg(a.journey_stage_id), array_agg(DISTINCT n.period_start)
      INTO orgs, owners, segments, stages, periods
      FROM old_rows o
      JOIN new_rows n ON n.organization_id = o.organization_id AND n.account_id = o.account_id
                     AND n.period_start = o.period_start
      JOIN account a ON a.organization_id = n.organization_id AND a.id = n.account_id
     WHERE (n.score, n.latest_in_quarter) IS DISTINCT FROM (o.score, o.latest_in_quarter);
  END IF;
  IF orgs IS NOT NULL THEN
    PERFORM refresh_portfolio_slices(orgs, owners, segments, stages, false, true, periods);
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t TEXT;
  op TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['account', 'account_score', 'account_period_score']
  LOOP
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE']
    LOOP
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
    PERFORM refresh_portfolio_groups(org, NULL, NULL, NULL, true, true, NULL);
  END LOOP;
END
$$;
