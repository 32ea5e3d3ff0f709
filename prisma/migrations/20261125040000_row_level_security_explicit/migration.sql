-- Restates, table by table, what 20261125010000 enabled in a loop, so that every tenant table's row-level
-- security can be read (and grepped) in the migrations. Idempotent: both statements are no-ops when already set.
ALTER TABLE "segment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "segment" FORCE ROW LEVEL SECURITY;
ALTER TABLE "journey_stage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "journey_stage" FORCE ROW LEVEL SECURITY;
ALTER TABLE "account" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "account" FORCE ROW LEVEL SECURITY;
ALTER TABLE "assessment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assessment" FORCE ROW LEVEL SECURITY;
ALTER TABLE "assessment_result" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assessment_result" FORCE ROW LEVEL SECURITY;
ALTER TABLE "weight_config" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "weight_config" FORCE ROW LEVEL SECURITY;
ALTER TABLE "target" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "target" FORCE ROW LEVEL SECURITY;
ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_event" FORCE ROW LEVEL SECURITY;
