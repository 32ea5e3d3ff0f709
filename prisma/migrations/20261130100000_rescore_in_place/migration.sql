-- A re-score rewrites every account's account_score row and its latest account_period_score row. Updated in
-- place, these tables grew by one table's worth per re-score until autovacuum caught up (account_score 16 →
-- 113 MB over a burst of ten), and every later scan and update paid for the dead rows.
--
-- account_score: its score, gap and band are indexed, so its updates can never be HOT. They can still stay on
-- their page when it has room: with half of each page free, the new version lands beside the old one, and the
-- next re-score's index lookup prunes the version before it (on-access pruning needs no vacuum). Measured over
-- ten back-to-back re-scores: 36 → 37 MB instead of 16 → 113 MB.
ALTER TABLE "account_score" SET (fillfactor = 50);

-- account_period_score: a re-score changes only the score of each account's latest month, which no index covers,
-- so with some room per page the update is HOT (no index entries, pruned on access).
ALTER TABLE "account_period_score" SET (fillfactor = 85);
