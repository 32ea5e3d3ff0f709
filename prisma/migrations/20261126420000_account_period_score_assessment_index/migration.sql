-- Deleting assessment results (an organisation's deletion cascades through them) looks up the month rows that
-- reference each result by (organization_id, assessment_id); without this index every lookup scans the
-- organisation's month rows, which made account_score's cascade quadratic (see 20261126300100). The re-score
-- also finds month rows by their assessment.
CREATE INDEX "account_period_score_organization_id_assessment_id_idx"
  ON "account_period_score"("organization_id", "assessment_id");
