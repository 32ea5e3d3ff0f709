-- The organisation export (GET /api/o/[slug]/export) records in its manifest which migrations the exporting
-- database has applied, so `npm run org:import` can refuse an archive from a newer schema. The app role may read
-- only those three columns: never the checksums or the logs of the migration table, and never write it.
GRANT SELECT ("migration_name", "finished_at", "rolled_back_at") ON "_prisma_migrations" TO desired_state_app;
