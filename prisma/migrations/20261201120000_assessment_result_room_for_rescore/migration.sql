-- A re-score rewrites every account's latest result. Recent pages of assessment_result hold mostly latest
-- results (~7 per page), and with 15 % of each page free (fillfactor 85, migration 20261126400000) only about one
-- new row version fits beside them: the rest went to whatever page had room, all over the table. Measured at
-- 50,000 accounts: the latest results spread from 12,000 pages to 41,000 over 22 re-scores, and after each
-- checkpoint a re-score copies every page it changes whole into the write-ahead log (docs/benchmarks.md).
-- With half of each page free, every row on a page of latest results can be updated in place (HOT), so they
-- stay on as few pages as they were written to. The setting applies to pages written after it; on an existing
-- database `VACUUM FULL assessment_result` (which locks it) applies it at once.
ALTER TABLE "assessment_result" SET (fillfactor = 50);
