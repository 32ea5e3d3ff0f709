-- 20261201100000's backfill ran under row-level security: with a migration owner that is not a superuser (the
-- README's production setup), app_current_org_id() is NULL there, the policies hide every row and the UPDATE
-- changed nothing, so a later re-score would have written 0 into the output of any latest result that has
-- unanswered questions. Repeated here with FORCE lifted for the owner within this transaction only (as in
-- 20261126100000); the app role stays under row-level security throughout. A count written as 3.0 is still 3.
ALTER TABLE "account_score" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "assessment_result" NO FORCE ROW LEVEL SECURITY;

UPDATE "account_score" s
   SET "unanswered" = round((r."output"->>'unanswered')::numeric)::int
  FROM "assessment_result" r
 WHERE r."organization_id" = s."organization_id" AND r."assessment_id" = s."assessment_id"
   AND s."unanswered" <> round((r."output"->>'unanswered')::numeric)::int;

-- The UPDATE queued the deferred portfolio-version triggers, and a table with pending trigger events cannot be
-- altered: run them now.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE "account_score" FORCE ROW LEVEL SECURITY;
ALTER TABLE "assessment_result" FORCE ROW LEVEL SECURITY;
