-- The accounts list's search matches a substring of the name or the external id. Without an index every search
-- read every account of the organisation (50,000: "zeta" sorted by score 40 ms, a count of an external-id search
-- 28 ms, on every keystroke's request); trigram GIN indexes answer the same in 1-3 ms (docs/benchmarks.md). The
-- list now matches with ILIKE, which these indexes serve (lower(...) LIKE would need expression indexes, which
-- schema.prisma cannot describe). pg_trgm is a trusted extension: the migration role needs CREATE on the database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "account_name_trgm_idx" ON "account" USING gin ("name" gin_trgm_ops);
CREATE INDEX "account_external_id_trgm_idx" ON "account" USING gin ("external_id" gin_trgm_ops);
