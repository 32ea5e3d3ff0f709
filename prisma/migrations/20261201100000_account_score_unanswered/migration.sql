-- A re-score rewrites the output of every account's latest result. Until now it merged the result's stored
-- confidence and unanswered count into the new output in SQL (jsonb || jsonb_build_object(...)), which read and
-- rebuilt every 1.2 kB output on the save's critical path. With the unanswered count beside the confidence in
-- account_score (which the re-score reads anyway), Node writes the complete output and the apply copies it.
-- A constant default makes ADD COLUMN a catalogue change; the backfill then sets each latest result's count.
ALTER TABLE "account_score" ADD COLUMN "unanswered" INTEGER NOT NULL DEFAULT 0;

UPDATE "account_score" s
   SET "unanswered" = (r."output"->>'unanswered')::int
  FROM "assessment_result" r
 WHERE r."organization_id" = s."organization_id" AND r."assessment_id" = s."assessment_id"
   AND (r."output"->>'unanswered')::int <> 0;
