-- A scoring-configuration save re-scores the latest result of every account in one transaction (50,000 rows of
-- ~1.2 kB at 50,000 accounts). Measured: that UPDATE dominated the save, because each new row version needed new
-- entries in all three indexes (weight_config_version is indexed and changes, so no update could be HOT) on pages
-- with no free space (COPY-loaded, fillfactor 100).
--
-- 1. Drop the index on (organization_id, weight_config_version). Nothing queries results by version; the
--    foreign key to weight_config only needs it for deleting or re-keying a version, which never happens (versions
--    are append-only). Without it, a re-score changes no indexed column and can be a HOT update.
-- 2. Leave 15 % of each new heap page free, so the updated row version fits on its page (HOT needs that).
--    Existing pages keep their fill until rewritten; new data (and seed:large) gets the room.
DROP INDEX "assessment_result_organization_id_weight_config_version_idx";
ALTER TABLE "assessment_result" SET (fillfactor = 85);
