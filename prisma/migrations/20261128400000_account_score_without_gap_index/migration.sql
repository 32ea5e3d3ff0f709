-- The overall gap is 100 − score (the scoring contract; lib/scoring computes it so), so the accounts list sorts by
-- gap by walking the score index the other way. This index was one more entry to write for every account on every
-- re-score (50,000 per scoring-settings save; account_score updates are never HOT, score being indexed) and on
-- every submit.
DROP INDEX "account_score_organization_id_gap_idx";
