-- A claim's check read its source's whole text, then measured and cut it: three passes over up
-- to 2 MB per claim, so importing a 1 MB document (thousands of claims) took minutes. Now the
-- check asks only for the slice it compares: a slice shorter than its offsets ask for is one that
-- runs past the end of the text. Stored uncompressed
-- (EXTERNAL), a source's text can be sliced without being decompressed whole. Same rule, same
-- errors.
ALTER TABLE sources ALTER COLUMN text SET STORAGE EXTERNAL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claims_check_quote() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found_source boolean;
  got text;
  got_settings text;
BEGIN
  SELECT true,
         substring(s.text FROM NEW.quote_start + 1 FOR NEW.quote_end - NEW.quote_start),
         CASE WHEN NEW.settings_quote IS NULL THEN NULL
              ELSE substring(s.text FROM NEW.settings_quote_start + 1
                             FOR NEW.settings_quote_end - NEW.settings_quote_start) END
    INTO found_source, got, got_settings
    FROM sources s WHERE s.id = NEW.source_id;
  IF found_source IS NULL THEN
    RAISE EXCEPTION 'claim cites source % which does not exist', NEW.source_id
      USING ERRCODE = 'foreign_key_violation';
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
