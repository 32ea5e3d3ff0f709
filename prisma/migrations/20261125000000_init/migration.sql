-- Desired State core model. Reviewed by hand: the Prisma CLI cannot run its schema engine on these machines.
-- Tenancy: every tenant-owned table's primary key, unique constraints and foreign keys start with
-- organization_id, so no row can reference another organisation's row.

CREATE TYPE "role" AS ENUM ('ADMIN', 'LEADER', 'CSM');
CREATE TYPE "assessment_status" AS ENUM ('DRAFT', 'SUBMITTED');
CREATE TYPE "band" AS ENUM ('desired', 'engaged', 'at_risk', 'critical');
CREATE TYPE "component_slug" AS ENUM (
  'intent', 'anticipation', 'adoption', 'outcomes', 'relationships', 'engagement', 'education', 'journey'
);

CREATE TABLE "organization" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "slug" TEXT NOT NULL,
  "review_interval_days" INTEGER NOT NULL DEFAULT 90,
  "band_desired" DOUBLE PRECISION NOT NULL DEFAULT 85,
  "band_engaged" DOUBLE PRECISION NOT NULL DEFAULT 70,
  "band_at_risk" DOUBLE PRECISION NOT NULL DEFAULT 50,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
  -- Settings are validated in the app too; the database refuses nonsense from any path.
  CONSTRAINT "organization_review_interval_check" CHECK ("review_interval_days" BETWEEN 1 AND 3650),
  CONSTRAINT "organization_bands_check"
    CHECK ("band_desired" <= 100 AND "band_desired" > "band_engaged"
           AND "band_engaged" > "band_at_risk" AND "band_at_risk" >= 0)
);
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

CREATE TABLE "user" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "password_hash" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "user_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_email_lowercase_check" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

CREATE TABLE "membership" (
  "organization_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "role" "role" NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "membership_pkey" PRIMARY KEY ("organization_id", "user_id")
);
CREATE INDEX "membership_user_id_idx" ON "membership"("user_id");

CREATE TABLE "segment" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "tier" INTEGER NOT NULL,
  "retired_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "segment_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE UNIQUE INDEX "segment_organization_id_name_key" ON "segment"("organization_id", "name");

CREATE TABLE "journey_stage" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "retired_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "journey_stage_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE UNIQUE INDEX "journey_stage_organization_id_name_key" ON "journey_stage"("organization_id", "name");

CREATE TABLE "account" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "external_id" TEXT,
  "segment_id" UUID,
  "owner_user_id" UUID,
  "journey_stage_id" UUID,
  "arr" DECIMAL(14,2),
  "renewal_date" DATE,
  "archived_at" TIMESTAMPTZ(3),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "account_pkey" PRIMARY KEY ("organization_id", "id"),
  CONSTRAINT "account_arr_check" CHECK ("arr" IS NULL OR "arr" >= 0)
);
CREATE UNIQUE INDEX "account_organization_id_external_id_key" ON "account"("organization_id", "external_id");
CREATE INDEX "account_organization_id_owner_user_id_idx" ON "account"("organization_id", "owner_user_id");
CREATE INDEX "account_organization_id_segment_id_idx" ON "account"("organization_id", "segment_id");
CREATE INDEX "account_organization_id_journey_stage_id_idx" ON "account"("organization_id", "journey_stage_id");
CREATE INDEX "account_organization_id_name_idx" ON "account"("organization_id", "name");

CREATE TABLE "assessment" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "account_id" UUID NOT NULL,
  "author_user_id" UUID NOT NULL,
  "status" "assessment_status" NOT NULL DEFAULT 'DRAFT',
  "framework_version" TEXT NOT NULL,
  "answers" JSONB NOT NULL DEFAULT '{}',
  "notes" JSONB NOT NULL DEFAULT '{}',
  "submitted_at" TIMESTAMPTZ(3),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "assessment_pkey" PRIMARY KEY ("organization_id", "id"),
  CONSTRAINT "assessment_submitted_at_check"
    CHECK (("status" = 'SUBMITTED') = ("submitted_at" IS NOT NULL))
);
CREATE INDEX "assessment_organization_id_account_id_submitted_at_idx"
  ON "assessment"("organization_id", "account_id", "submitted_at");

CREATE TABLE "assessment_result" (
  "organization_id" UUID NOT NULL,
  "assessment_id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "weight_config_version" INTEGER NOT NULL,
  "targets" JSONB NOT NULL,
  "score" DOUBLE PRECISION NOT NULL,
  "gap" DOUBLE PRECISION NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "band" "band" NOT NULL,
  "output" JSONB NOT NULL,
  "submitted_at" TIMESTAMPTZ(3) NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "assessment_result_pkey" PRIMARY KEY ("organization_id", "assessment_id"),
  CONSTRAINT "assessment_result_score_check" CHECK ("score" BETWEEN 0 AND 100 AND "confidence" BETWEEN 0 AND 100)
);
CREATE INDEX "assessment_result_organization_id_account_id_submitted_at_idx"
  ON "assessment_result"("organization_id", "account_id", "submitted_at");
CREATE INDEX "assessment_result_organization_id_weight_config_version_idx"
  ON "assessment_result"("organization_id", "weight_config_version");

CREATE TABLE "weight_config" (
  "organization_id" UUID NOT NULL,
  "version" INTEGER NOT NULL,
  "weights" JSONB NOT NULL,
  "reason" TEXT,
  "created_by_user_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "weight_config_pkey" PRIMARY KEY ("organization_id", "version"),
  CONSTRAINT "weight_config_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "target" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "segment_id" UUID,
  "component" "component_slug" NOT NULL,
  "value" DOUBLE PRECISION NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "target_pkey" PRIMARY KEY ("organization_id", "id"),
  CONSTRAINT "target_value_check" CHECK ("value" > 0 AND "value" <= 100)
);
-- NULLS NOT DISTINCT: exactly one organisation default (segment_id NULL) per component.
CREATE UNIQUE INDEX "target_organization_id_segment_id_component_key"
  ON "target"("organization_id", "segment_id", "component") NULLS NOT DISTINCT;

CREATE TABLE "audit_event" (
  "organization_id" UUID NOT NULL,
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "actor_user_id" UUID,
  "action" TEXT NOT NULL,
  "entity_type" TEXT NOT NULL,
  "entity_id" TEXT,
  "before" JSONB,
  "after" JSONB,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "audit_event_pkey" PRIMARY KEY ("organization_id", "id")
);
CREATE INDEX "audit_event_organization_id_created_at_idx" ON "audit_event"("organization_id", "created_at");

-- Foreign keys. Composite keys carry organization_id, so a reference can only land in the same tenant.
ALTER TABLE "membership" ADD CONSTRAINT "membership_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "segment" ADD CONSTRAINT "segment_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "journey_stage" ADD CONSTRAINT "journey_stage_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "account" ADD CONSTRAINT "account_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "account" ADD CONSTRAINT "account_organization_id_segment_id_fkey"
  FOREIGN KEY ("organization_id", "segment_id") REFERENCES "segment"("organization_id", "id")
  ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "account" ADD CONSTRAINT "account_organization_id_owner_user_id_fkey"
  FOREIGN KEY ("organization_id", "owner_user_id") REFERENCES "membership"("organization_id", "user_id")
  ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "account" ADD CONSTRAINT "account_organization_id_journey_stage_id_fkey"
  FOREIGN KEY ("organization_id", "journey_stage_id") REFERENCES "journey_stage"("organization_id", "id")
  ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "assessment" ADD CONSTRAINT "assessment_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_organization_id_account_id_fkey"
  FOREIGN KEY ("organization_id", "account_id") REFERENCES "account"("organization_id", "id")
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_author_user_id_fkey"
  FOREIGN KEY ("author_user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_organization_id_assessment_id_fkey"
  FOREIGN KEY ("organization_id", "assessment_id") REFERENCES "assessment"("organization_id", "id")
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_organization_id_account_id_fkey"
  FOREIGN KEY ("organization_id", "account_id") REFERENCES "account"("organization_id", "id")
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_organization_id_weight_config_version_fkey"
  FOREIGN KEY ("organization_id", "weight_config_version") REFERENCES "weight_config"("organization_id", "version")
  ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "weight_config" ADD CONSTRAINT "weight_config_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "weight_config" ADD CONSTRAINT "weight_config_created_by_user_id_fkey"
  FOREIGN KEY ("created_by_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "target" ADD CONSTRAINT "target_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "target" ADD CONSTRAINT "target_organization_id_segment_id_fkey"
  FOREIGN KEY ("organization_id", "segment_id") REFERENCES "segment"("organization_id", "id")
  ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_user_id_fkey"
  FOREIGN KEY ("actor_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
