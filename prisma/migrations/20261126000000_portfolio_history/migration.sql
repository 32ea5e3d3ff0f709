-- Portfolio history without scanning the history.
--
-- 1. account_score keeps the score of the account's previous submitted result next to the latest one, so
--    "biggest movers" is a scan of the narrow latest-score rows instead of one index probe into assessment_result
--    per account (measured at 50,000 accounts: ~1.2 s bare).
-- 2. account_period_score keeps, per account and UTC calendar month, the latest submitted result of that month,
--    flagged when it is also the latest of its quarter. The portfolio trend aggregates these narrow rows instead
--    of sorting every result of the window twice (DISTINCT ON per month and per quarter: ~1.4 s bare).
-- Both are written by the submit transaction and rebuilt by REBUILD_SCORE_TABLES_SQL (lib/db/account-score-sql.ts).

ALTER TABLE "account_score"
  ADD COLUMN "previous_score" DOUBLE PRECISION,
  ADD COLUMN "previous_submitted_at" TIMESTAMPTZ(3);

CREATE TABLE "account_period_score" (
  "organization_id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  -- First day of the UTC calendar month.
  "period_start" DATE NOT NULL,
  "assessment_id" UUID NOT NULL,
  "submitted_at" TIMESTAMPTZ(3) NOT NULL,
  "score" DOUBLE PRECISION NOT NULL,
  -- True when no later month of the same UTC quarter has a result for the account.
  "latest_in_quarter" BOOLEAN NOT NULL,
  CONSTRAINT "account_period_score_pkey" PRIMARY KEY ("organization_id", "account_id", "period_start")
);
CREATE INDEX "account_period_score_organization_id_period_start_idx"
  ON "account_period_score"("organization_id", "period_start");

ALTER TABLE "account_period_score" ADD CONSTRAINT "account_period_score_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "account_period_score" ADD CONSTRAINT "account_period_score_organization_id_account_id_fkey"
  FOREIGN KEY ("organization_id", "account_id") REFERENCES "account"("organization_id", "id")
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "account_period_score" ADD CONSTRAINT "account_period_score_organization_id_assessment_id_fkey"
  FOREIGN KEY ("organization_id", "assessment_id") REFERENCES "assessment_result"("organization_id", "assessment_id")
  ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "account_period_score" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "account_period_score" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "account_period_score"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "account_period_score" TO desired_state_app;

-- Backfill both from the history (the same definitions as the rebuild statements).
UPDATE "account_score" s
   SET "previous_score" = p.score, "previous_submitted_at" = p.submitted_at
  FROM (
    SELECT r.organization_id, r.account_id, r.score, r.submitted_at,
           row_number() OVER (PARTITION BY r.organization_id, r.account_id
                              ORDER BY r.submitted_at DESC, r.assessment_id DESC) AS n
      FROM "assessment_result" r
  ) p
 WHERE p.n = 2 AND p.organization_id = s.organization_id AND p.account_id = s.account_id;

INSERT INTO "account_period_score"
SELECT m.organization_id, m.account_id, m.period_start, m.assessment_id, m.submitted_at, m.score,
       m.period_start = max(m.period_start) OVER (
         PARTITION BY m.organization_id, m.account_id, date_trunc('quarter', m.period_start)) AS latest_in_quarter
  FROM (
    SELECT DISTINCT ON (r.organization_id, r.account_id, date_trunc('month', r.submitted_at AT TIME ZONE 'UTC'))
           r.organization_id, r.account_id,
           date_trunc('month', r.submitted_at AT TIME ZONE 'UTC')::date AS period_start,
           r.assessment_id, r.submitted_at, r.score
      FROM "assessment_result" r
     ORDER BY r.organization_id, r.account_id, date_trunc('month', r.submitted_at AT TIME ZONE 'UTC'),
              r.submitted_at DESC, r.assessment_id DESC
  ) m;
