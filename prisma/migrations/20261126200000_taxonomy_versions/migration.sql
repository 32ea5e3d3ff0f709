-- Segments and journey stages become editable by admins (rename, retire, reorder): a version per row lets an
-- edit made on a stale page be refused instead of silently overwriting someone else's change.
ALTER TABLE "segment" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "journey_stage" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "segment" ADD CONSTRAINT "segment_version_check" CHECK ("version" >= 1);
ALTER TABLE "journey_stage" ADD CONSTRAINT "journey_stage_version_check" CHECK ("version" >= 1);
