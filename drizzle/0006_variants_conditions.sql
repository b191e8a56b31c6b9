DROP INDEX "claims_one_preferred";--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "variant" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "condition" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "settings_quote" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "settings_quote_start" integer;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "settings_quote_end" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "claims_one_preferred" ON "claims" USING btree ("model_id","field","label","variant","condition","settings") WHERE "claims"."rank" = 'preferred' and "claims"."retired_at" is null;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_variant_length" CHECK (char_length("claims"."variant") <= 60);--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_condition_values" CHECK ("claims"."condition" in ('', 'native', 'extended'));--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_condition_only_context" CHECK ("claims"."condition" = '' or "claims"."field" = 'context_window');--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_settings_quote_whole" CHECK (("claims"."settings_quote" is null) = ("claims"."settings_quote_start" is null)
        and ("claims"."settings_quote" is null) = ("claims"."settings_quote_end" is null)
        and ("claims"."settings_quote" is null or ("claims"."settings_quote_start" >= 0
          and "claims"."settings_quote_end" > "claims"."settings_quote_start"
          and char_length("claims"."settings_quote") <= 4000)));--> statement-breakpoint
-- The settings' own citation is held to the same rule as the quote: the substring of the same
-- source at its offsets, on every write, and a source's text cannot change under it.
CREATE OR REPLACE FUNCTION claims_check_quote() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src_text text;
BEGIN
  SELECT s.text INTO src_text FROM sources s WHERE s.id = NEW.source_id;
  IF src_text IS NULL THEN
    RAISE EXCEPTION 'claim cites source % which does not exist', NEW.source_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF NEW.quote_end > char_length(src_text) THEN
    RAISE EXCEPTION 'claim quote offsets [%, %) are outside source % (% characters)',
      NEW.quote_start, NEW.quote_end, NEW.source_id, char_length(src_text)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_quote_in_source';
  END IF;
  IF substring(src_text FROM NEW.quote_start + 1 FOR NEW.quote_end - NEW.quote_start) IS DISTINCT FROM NEW.quote THEN
    RAISE EXCEPTION 'claim quote does not match source % at offsets [%, %)',
      NEW.source_id, NEW.quote_start, NEW.quote_end
      USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_quote_in_source';
  END IF;
  IF NEW.settings_quote IS NOT NULL AND (NEW.settings_quote_end > char_length(src_text)
      OR substring(src_text FROM NEW.settings_quote_start + 1
                   FOR NEW.settings_quote_end - NEW.settings_quote_start) IS DISTINCT FROM NEW.settings_quote) THEN
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
  BEFORE INSERT OR UPDATE OF quote, quote_start, quote_end, source_id,
    settings_quote, settings_quote_start, settings_quote_end ON claims
  FOR EACH ROW EXECUTE FUNCTION claims_check_quote();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sources_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  broken integer;
BEGIN
  NEW.text_sha256 := encode(sha256(convert_to(NEW.text, 'UTF8')), 'hex');
  IF TG_OP = 'UPDATE' AND OLD.text IS DISTINCT FROM NEW.text THEN
    SELECT c.id INTO broken FROM claims c
     WHERE c.source_id = NEW.id
       AND (c.quote_end > char_length(NEW.text)
            OR substring(NEW.text FROM c.quote_start + 1 FOR c.quote_end - c.quote_start) <> c.quote
            OR (c.settings_quote IS NOT NULL AND (c.settings_quote_end > char_length(NEW.text)
                OR substring(NEW.text FROM c.settings_quote_start + 1
                             FOR c.settings_quote_end - c.settings_quote_start) <> c.settings_quote)))
     LIMIT 1;
    IF broken IS NOT NULL THEN
      RAISE EXCEPTION 'changing the text of source % would break the quote of claim %', NEW.id, broken
        USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_quote_in_source';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
