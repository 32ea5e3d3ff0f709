-- Indexes for the account list (issue 4): each sort key gets an index led by the organisation, so a page sorted
-- by it is an ordered index scan that stops after 50 rows instead of a sort of every account (measured in
-- docs/benchmarks.md, "Accounts list"). The list reads NULL keys as a separate slice, so plain ascending indexes
-- serve both directions with NULLs last.
CREATE INDEX "account_organization_id_arr_idx" ON "account"("organization_id", "arr");
CREATE INDEX "account_organization_id_renewal_date_idx" ON "account"("organization_id", "renewal_date");
CREATE INDEX "account_score_organization_id_gap_idx" ON "account_score"("organization_id", "gap");
