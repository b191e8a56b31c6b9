-- Integrity rules the application must not be able to bypass.
-- Offsets are in characters (code points), matching Postgres substring() on a UTF8 database.

-- 1. A claim's quote is exactly the substring of its source's text at its offsets.
CREATE FUNCTION claims_check_quote() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claims_quote_in_source
  BEFORE INSERT OR UPDATE OF quote, quote_start, quote_end, source_id ON claims
  FOR EACH ROW EXECUTE FUNCTION claims_check_quote();
--> statement-breakpoint

-- 2. A source's text cannot change under the claims that quote it; its hash always follows it.
CREATE FUNCTION sources_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  broken integer;
BEGIN
  NEW.text_sha256 := encode(sha256(convert_to(NEW.text, 'UTF8')), 'hex');
  IF TG_OP = 'UPDATE' AND OLD.text IS DISTINCT FROM NEW.text THEN
    SELECT c.id INTO broken FROM claims c
     WHERE c.source_id = NEW.id
       AND (c.quote_end > char_length(NEW.text)
            OR substring(NEW.text FROM c.quote_start + 1 FOR c.quote_end - c.quote_start) <> c.quote)
     LIMIT 1;
    IF broken IS NOT NULL THEN
      RAISE EXCEPTION 'changing the text of source % would break the quote of claim %', NEW.id, broken
        USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_quote_in_source';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sources_text_integrity
  BEFORE INSERT OR UPDATE ON sources
  FOR EACH ROW EXECUTE FUNCTION sources_before_write();
--> statement-breakpoint

-- 3. The revision log is append-only.
CREATE FUNCTION revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the revision log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER revisions_no_update_delete
  BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION revisions_append_only();
--> statement-breakpoint
CREATE TRIGGER revisions_no_truncate
  BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION revisions_append_only();
--> statement-breakpoint

-- 4. A model's family must be a family, and family chains must not loop.
CREATE FUNCTION models_check_family() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_kind model_kind;
  cursor_id integer := NEW.family_id;
  hops integer := 0;
BEGIN
  IF NEW.family_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT kind INTO parent_kind FROM models WHERE id = NEW.family_id;
  IF parent_kind IS DISTINCT FROM 'family' THEN
    RAISE EXCEPTION 'model % can only belong to a family, not to %', NEW.slug, NEW.family_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'models_family_is_family';
  END IF;
  WHILE cursor_id IS NOT NULL LOOP
    IF cursor_id = NEW.id OR hops > 16 THEN
      RAISE EXCEPTION 'family chain of % loops', NEW.slug
        USING ERRCODE = 'check_violation', CONSTRAINT = 'models_family_is_family';
    END IF;
    SELECT family_id INTO cursor_id FROM models WHERE id = cursor_id;
    hops := hops + 1;
  END LOOP;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER models_family_is_family
  BEFORE INSERT OR UPDATE OF family_id ON models
  FOR EACH ROW EXECUTE FUNCTION models_check_family();
