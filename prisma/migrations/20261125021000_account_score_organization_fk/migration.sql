-- account_score's own foreign key to its organisation (schema.prisma's AccountScore.organization relation),
-- missed by 20261125020000; the schema-drift test caught it.
ALTER TABLE "account_score" ADD CONSTRAINT "account_score_organization_id_fkey"
  FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
