-- The re-score stages 50,000 rows per save; the foreign-key check on each of them cost ~0.1 s per 5,000 rows
-- (EXPLAIN ANALYZE: "Trigger for constraint rescore_staging_organization_id_fkey"), on the path the save waits
-- for. Staging rows only live for the length of a save (or until the organisation's next save, after a
-- rollback), and deleteOrganization deletes the organisation's staging rows itself before the organisation row.
ALTER TABLE "rescore_staging" DROP CONSTRAINT "rescore_staging_organization_id_fkey";
