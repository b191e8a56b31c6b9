CREATE TABLE "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK ("data_version"."id")
);
--> statement-breakpoint
INSERT INTO "data_version" DEFAULT VALUES;
--> statement-breakpoint
-- Statement-level: one bump per statement however many rows it touched. The row lock it takes is
-- held to commit, so writers to the catalog queue here; db/catalog-index.ts uses the same row as
-- the read model's write lock, so there is one lock and one lock order.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sources_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER models_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON models
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER claims_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER revisions_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
-- Public history pages name the maintainer who made each change.
CREATE TRIGGER maintainers_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON maintainers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER catalog_rows_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
