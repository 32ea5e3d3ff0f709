-- Every weight_config version becomes a full scoring-configuration snapshot: besides the weights, the
-- desired-state targets (organisation defaults and per-segment overrides) and the band thresholds in force from
-- that version on, so version history, diff and restore cover everything that changes a score. The live
-- `target` rows and `organization.band_*` columns remain the current configuration (updated in the same
-- transaction as each new version). The review interval does not change scores and is not versioned.
--
-- targets:    {"defaults": {"<component>": T, ...}, "segments": {"<segment id>": {"<component>": T, ...}, ...}}
-- thresholds: {"desired": 85, "engaged": 70, "atRisk": 50}
-- The defaults describe the contract's default configuration, for writers that predate the snapshot.
ALTER TABLE "weight_config"
  ADD COLUMN "targets" JSONB NOT NULL DEFAULT '{"defaults": {}, "segments": {}}',
  ADD COLUMN "thresholds" JSONB NOT NULL DEFAULT '{"desired": 85, "engaged": 70, "atRisk": 50}';

-- Backfill: each existing version gets the organisation's current targets and thresholds (the best record of
-- them there is). The owner may not be a superuser, so FORCE is lifted for the owner within this transaction
-- only; the app role stays under row-level security throughout.
ALTER TABLE "weight_config" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "organization" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "target" NO FORCE ROW LEVEL SECURITY;

UPDATE "weight_config" w
   SET "thresholds" = jsonb_build_object('desired', o."band_desired", 'engaged', o."band_engaged", 'atRisk', o."band_at_risk"),
       "targets" = jsonb_build_object(
         'defaults', COALESCE(
           (SELECT jsonb_object_agg(t."component", t."value")
              FROM "target" t
             WHERE t."organization_id" = w."organization_id" AND t."segment_id" IS NULL),
           '{}'::jsonb),
         'segments', COALESCE(
           (SELECT jsonb_object_agg(s."segment_id", s."values")
              FROM (SELECT t."segment_id", jsonb_object_agg(t."component", t."value") AS "values"
                      FROM "target" t
                     WHERE t."organization_id" = w."organization_id" AND t."segment_id" IS NOT NULL
                     GROUP BY t."segment_id") s),
           '{}'::jsonb))
  FROM "organization" o
 WHERE o."id" = w."organization_id";

ALTER TABLE "weight_config" FORCE ROW LEVEL SECURITY;
ALTER TABLE "organization" FORCE ROW LEVEL SECURITY;
ALTER TABLE "target" FORCE ROW LEVEL SECURITY;
