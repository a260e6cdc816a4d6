-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000002-….sql.

-- revisions of API creates built once per statement (strata.revision_projection)
--!include strata/audit/revision_projection.sql
--!include strata/audit/audit.sql
