CREATE TABLE "claim_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"from_version_id" integer NOT NULL,
	"to_version_id" integer NOT NULL,
	"quote" text NOT NULL,
	"quote_start" integer NOT NULL,
	"quote_end" integer NOT NULL,
	"outcome" text NOT NULL,
	"proposed_start" integer,
	"proposed_end" integer,
	"proposed_quote" text,
	"similarity" double precision,
	"reason" text,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_reviews_outcome_values" CHECK ("claim_reviews"."outcome" in ('proposed', 'orphaned')),
	CONSTRAINT "claim_reviews_proposal_whole" CHECK (("claim_reviews"."outcome" = 'proposed') = ("claim_reviews"."proposed_quote" is not null)
        and ("claim_reviews"."proposed_quote" is null) = ("claim_reviews"."proposed_start" is null)
        and ("claim_reviews"."proposed_quote" is null) = ("claim_reviews"."proposed_end" is null)),
	CONSTRAINT "claim_reviews_resolution_values" CHECK ("claim_reviews"."resolution" is null or "claim_reviews"."resolution" in ('accepted', 'requoted', 'retired', 'superseded')),
	CONSTRAINT "claim_reviews_resolved_whole" CHECK (("claim_reviews"."resolution" is null) = ("claim_reviews"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "source_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"text_sha256" text DEFAULT '' NOT NULL,
	"published_on" date,
	"url" text,
	"commit" text,
	"retrieved_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_versions_number_positive" CHECK ("source_versions"."number" >= 1),
	CONSTRAINT "source_versions_text_length" CHECK (char_length("source_versions"."text") between 1 and 2000000),
	CONSTRAINT "source_versions_url_scheme" CHECK ("source_versions"."url" is null or "source_versions"."url" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "version_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_from_version_id_source_versions_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."source_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_to_version_id_source_versions_id_fk" FOREIGN KEY ("to_version_id") REFERENCES "public"."source_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_versions" ADD CONSTRAINT "source_versions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_reviews_claim_idx" ON "claim_reviews" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_reviews_one_open" ON "claim_reviews" USING btree ("claim_id") WHERE "claim_reviews"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "source_versions_number" ON "source_versions" USING btree ("source_id","number");--> statement-breakpoint
-- Every existing source becomes version 1 of itself; every claim cites that version.
INSERT INTO "source_versions" ("source_id", "number", "text", "text_sha256", "published_on", "url", "commit", "retrieved_on", "created_at")
  SELECT "id", 1, "text", encode(sha256(convert_to("text", 'UTF8')), 'hex'), "published_on", "url", "commit", "retrieved_on", "created_at" FROM "sources" ORDER BY "id";--> statement-breakpoint
UPDATE "claims" SET "version_id" = v."id" FROM "source_versions" v WHERE v."source_id" = "claims"."source_id" AND v."number" = 1;--> statement-breakpoint
ALTER TABLE "source_versions" ALTER COLUMN "text" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_version_id_source_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."source_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_version_idx" ON "claims" USING btree ("version_id");--> statement-breakpoint

-- A version's hash follows its text; its number is the next one; it must differ from the newest
-- version and may not be dated before it. Versions are append-only.
CREATE FUNCTION source_versions_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  newest record;
BEGIN
  NEW.text_sha256 := encode(sha256(convert_to(NEW.text, 'UTF8')), 'hex');
  -- A backup being restored (db/backup.ts) brings its own numbers, in order.
  IF current_setting('ledger.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- One writer at a time per source, so numbers never collide.
  PERFORM 1 FROM sources WHERE id = NEW.source_id FOR UPDATE;
  SELECT number, text_sha256, published_on INTO newest
    FROM source_versions WHERE source_id = NEW.source_id ORDER BY number DESC LIMIT 1;
  IF newest.number IS NULL THEN
    NEW.number := 1;
    RETURN NEW;
  END IF;
  NEW.number := newest.number + 1;
  IF newest.text_sha256 = NEW.text_sha256 THEN
    RAISE EXCEPTION 'the new text of source % is identical to its newest version (%)', NEW.source_id, newest.number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'source_versions_differs';
  END IF;
  IF NEW.published_on < newest.published_on THEN
    RAISE EXCEPTION 'version dated % is earlier than the newest version of source % (dated %)',
      NEW.published_on, NEW.source_id, newest.published_on
      USING ERRCODE = 'check_violation', CONSTRAINT = 'source_versions_date_order';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER source_versions_insert
  BEFORE INSERT ON source_versions
  FOR EACH ROW EXECUTE FUNCTION source_versions_before_insert();
--> statement-breakpoint

-- The source row mirrors its newest version.
CREATE FUNCTION source_versions_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A restored backup's source rows already hold their newest version.
  IF NEW.number > 1 AND current_setting('ledger.restoring', true) IS DISTINCT FROM 'on' THEN
    UPDATE sources
       SET text = NEW.text, published_on = NEW.published_on, commit = NEW.commit,
           retrieved_on = NEW.retrieved_on
     WHERE id = NEW.source_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER source_versions_mirror
  AFTER INSERT ON source_versions
  FOR EACH ROW EXECUTE FUNCTION source_versions_after_insert();
--> statement-breakpoint
CREATE FUNCTION source_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'source versions are append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER source_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON source_versions
  FOR EACH ROW EXECUTE FUNCTION source_versions_append_only();
--> statement-breakpoint
CREATE TRIGGER source_versions_no_truncate
  BEFORE TRUNCATE ON source_versions
  FOR EACH STATEMENT EXECUTE FUNCTION source_versions_append_only();
--> statement-breakpoint

-- A source's text changes only by adding a version (which claims no longer block: each claim is
-- checked against its own version). A new source's text is its version 1.
CREATE OR REPLACE FUNCTION sources_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.text_sha256 := encode(sha256(convert_to(NEW.text, 'UTF8')), 'hex');
  IF TG_OP = 'UPDATE' AND OLD.text IS DISTINCT FROM NEW.text AND NEW.text IS DISTINCT FROM (
      SELECT v.text FROM source_versions v WHERE v.source_id = NEW.id ORDER BY v.number DESC LIMIT 1) THEN
    RAISE EXCEPTION 'the text of source % changes only by adding a version', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'sources_text_is_newest_version';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION sources_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A backup being restored brings the source's versions itself.
  IF current_setting('ledger.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO source_versions (source_id, number, text, published_on, url, commit, retrieved_on)
    VALUES (NEW.id, 1, NEW.text, NEW.published_on, NEW.url, NEW.commit, NEW.retrieved_on);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sources_first_version
  AFTER INSERT ON sources
  FOR EACH ROW EXECUTE FUNCTION sources_after_insert();
--> statement-breakpoint

-- A claim's quote (and settings quote) is exactly its version's text at its offsets; the version
-- belongs to the claim's source. Left out (0), the version is the source's newest; moving a claim
-- to another source without naming a version also means that source's newest.
CREATE OR REPLACE FUNCTION claims_check_quote() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  version_source integer;
  got text;
  got_settings text;
BEGIN
  IF NEW.version_id IS NULL OR NEW.version_id = 0 OR (TG_OP = 'UPDATE'
      AND NEW.source_id IS DISTINCT FROM OLD.source_id AND NEW.version_id = OLD.version_id) THEN
    -- Wait for a version being added (it holds the source FOR UPDATE), then take the newest:
    -- otherwise a claim could land on the version before it, unseen by its re-anchoring.
    PERFORM 1 FROM sources WHERE id = NEW.source_id FOR SHARE;
    SELECT v.id INTO NEW.version_id FROM source_versions v
     WHERE v.source_id = NEW.source_id ORDER BY v.number DESC LIMIT 1;
    IF NEW.version_id IS NULL THEN
      RAISE EXCEPTION 'claim cites source % which does not exist', NEW.source_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  SELECT v.source_id,
         substring(v.text FROM NEW.quote_start + 1 FOR NEW.quote_end - NEW.quote_start),
         CASE WHEN NEW.settings_quote IS NULL THEN NULL
              ELSE substring(v.text FROM NEW.settings_quote_start + 1
                             FOR NEW.settings_quote_end - NEW.settings_quote_start) END
    INTO version_source, got, got_settings
    FROM source_versions v WHERE v.id = NEW.version_id;
  IF version_source IS DISTINCT FROM NEW.source_id THEN
    RAISE EXCEPTION 'claim cites version % which is not a version of source %', NEW.version_id, NEW.source_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_version_of_source';
  END IF;
  -- A slice shorter than asked for means the offsets run past the end of the text.
  IF char_length(got) < NEW.quote_end - NEW.quote_start THEN
    RAISE EXCEPTION 'claim quote offsets [%, %) are outside source %',
      NEW.quote_start, NEW.quote_end, NEW.source_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_quote_in_source';
  END IF;
  IF got IS DISTINCT FROM NEW.quote THEN
    RAISE EXCEPTION 'claim quote does not match source % at offsets [%, %)',
      NEW.source_id, NEW.quote_start, NEW.quote_end
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_quote_in_source';
  END IF;
  IF NEW.settings_quote IS NOT NULL AND (
      char_length(got_settings) < NEW.settings_quote_end - NEW.settings_quote_start
      OR got_settings IS DISTINCT FROM NEW.settings_quote) THEN
    RAISE EXCEPTION 'claim settings quote does not match source % at offsets [%, %)',
      NEW.source_id, NEW.settings_quote_start, NEW.settings_quote_end
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_settings_quote_in_source';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER claims_quote_in_source ON claims;
--> statement-breakpoint
CREATE TRIGGER claims_quote_in_source
  BEFORE INSERT OR UPDATE OF quote, quote_start, quote_end, source_id, version_id, settings_quote, settings_quote_start, settings_quote_end ON claims
  FOR EACH ROW EXECUTE FUNCTION claims_check_quote();
--> statement-breakpoint

-- A proposal is the target version's exact text at its offsets, and both versions are the claim's
-- source's.
CREATE FUNCTION claim_reviews_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  claim_source integer;
  from_source integer;
  to_source integer;
  got text;
  got_old text;
BEGIN
  SELECT source_id INTO claim_source FROM claims WHERE id = NEW.claim_id;
  SELECT source_id,
         substring(text FROM NEW.quote_start + 1 FOR NEW.quote_end - NEW.quote_start)
    INTO from_source, got_old FROM source_versions WHERE id = NEW.from_version_id;
  SELECT v.source_id,
         CASE WHEN NEW.proposed_quote IS NULL THEN NULL
              ELSE substring(v.text FROM NEW.proposed_start + 1 FOR NEW.proposed_end - NEW.proposed_start) END
    INTO to_source, got FROM source_versions v WHERE v.id = NEW.to_version_id;
  IF claim_source IS DISTINCT FROM from_source OR claim_source IS DISTINCT FROM to_source THEN
    RAISE EXCEPTION 'review of claim % names versions of another source', NEW.claim_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claim_reviews_same_source';
  END IF;
  IF got_old IS DISTINCT FROM NEW.quote THEN
    RAISE EXCEPTION 'the quoted passage of claim % does not match version % at [%, %)',
      NEW.claim_id, NEW.from_version_id, NEW.quote_start, NEW.quote_end
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claim_reviews_quote_in_version';
  END IF;
  IF NEW.proposed_quote IS NOT NULL AND got IS DISTINCT FROM NEW.proposed_quote THEN
    RAISE EXCEPTION 'proposed passage for claim % does not match version % at [%, %)',
      NEW.claim_id, NEW.to_version_id, NEW.proposed_start, NEW.proposed_end
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claim_reviews_proposal_in_version';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_reviews_checked
  BEFORE INSERT OR UPDATE OF claim_id, from_version_id, to_version_id, quote, quote_start, quote_end, proposed_quote, proposed_start, proposed_end ON claim_reviews
  FOR EACH ROW EXECUTE FUNCTION claim_reviews_check();
--> statement-breakpoint
CREATE TRIGGER source_versions_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source_versions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER claim_reviews_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claim_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
