-- A configuration save rewrites the output of every account's latest result (50,000 at a time). As jsonb, each of
-- an output's ~60 numbers was parsed into a numeric and most outputs were then pglz-compressed: about a third of
-- the save's time on its critical path (docs/benchmarks.md, session 8). As json the column keeps the text the app
-- wrote (JSON.stringify: each number's shortest exact form), checked once on input, and the re-score copies the
-- staged json as it is. Outputs are only read whole or with -> and ->>, which json has too: no index, no equality.
--
-- Rewrites the table under an exclusive lock: ~18 s at 500,000 results on the benchmark machine.
ALTER TABLE "assessment_result" ALTER COLUMN "output" TYPE json USING "output"::json;
