-- Staged rows keep their JSON as `json` (validated text) rather than `jsonb`: the staging INSERT runs on the second
-- connection while the save's transaction applies the previous chunk, and it was the slower side of that
-- pipeline; parsing each row's ~1 kB output into jsonb cost ~95 ms of its ~270 ms per 5,000 rows. The apply casts
-- to jsonb once, as it writes assessment_result. Staging rows are transient (one save), so no data to convert.
ALTER TABLE "rescore_staging"
  ALTER COLUMN "targets" TYPE json USING "targets"::json,
  ALTER COLUMN "output" TYPE json USING "output"::json;
