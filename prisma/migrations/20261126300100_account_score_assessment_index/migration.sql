-- account_score's foreign key to assessment_result had no index on its referencing columns, so every result
-- deleted by a cascade (deleting an organisation) scanned the organisation's account_score rows: quadratic, it
-- did not finish in 10 minutes for 500,000 results. The index makes each cascade check a lookup.
CREATE INDEX "account_score_organization_id_assessment_id_idx" ON "account_score"("organization_id", "assessment_id");
