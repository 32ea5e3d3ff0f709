-- Staging rows of a scoring-configuration save's re-score. The save computes every account's new latest result
-- in Node (lib/scoring), inserts them here on a second connection (committed at once, in its own short
-- transaction), then applies them in its own transaction with one set-based UPDATE per table and deletes them.
-- Why: passing 50,000 re-scored results as statement parameters through the Prisma driver adapter cost ~1.3 s
-- per 5,000 rows (measured), ten times the UPDATE itself. If the save rolls back, its batch stays behind
-- invisible to everyone else (each batch has its own id) and the next save of the organisation removes it.
-- UNLOGGED: nothing here needs to survive a crash.
CREATE UNLOGGED TABLE "rescore_staging" (
  "organization_id" UUID NOT NULL,
  "batch_id" UUID NOT NULL,
  "assessment_id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "score" DOUBLE PRECISION NOT NULL,
  "gap" DOUBLE PRECISION NOT NULL,
  "band" "band" NOT NULL,
  "targets" JSONB NOT NULL,
  "output" JSONB NOT NULL,
  "gap_intent" DOUBLE PRECISION,
  "gap_anticipation" DOUBLE PRECISION,
  "gap_adoption" DOUBLE PRECISION,
  "gap_outcomes" DOUBLE PRECISION,
  "gap_relationships" DOUBLE PRECISION,
  "gap_engagement" DOUBLE PRECISION,
  "gap_education" DOUBLE PRECISION,
  "gap_journey" DOUBLE PRECISION,
  "lever_intent" DOUBLE PRECISION,
  "lever_anticipation" DOUBLE PRECISION,
  "lever_adoption" DOUBLE PRECISION,
  "lever_outcomes" DOUBLE PRECISION,
  "lever_relationships" DOUBLE PRECISION,
  "lever_engagement" DOUBLE PRECISION,
  "lever_education" DOUBLE PRECISION,
  "lever_journey" DOUBLE PRECISION,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "rescore_staging_pkey" PRIMARY KEY ("organization_id", "batch_id", "assessment_id")
);

-- The save holds the organisation row FOR NO KEY UPDATE, which this key-share check does not wait for.
ALTER TABLE "rescore_staging" ADD CONSTRAINT "rescore_staging_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "rescore_staging" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "rescore_staging" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "rescore_staging"
  USING (organization_id = app_current_org_id()) WITH CHECK (organization_id = app_current_org_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "rescore_staging" TO desired_state_app;
