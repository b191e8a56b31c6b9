CREATE TYPE "public"."claim_field" AS ENUM('total_params', 'active_params', 'architecture', 'license', 'quantization', 'context_window', 'memory_footprint', 'release_date', 'benchmark', 'other');--> statement-breakpoint
CREATE TYPE "public"."model_kind" AS ENUM('family', 'model');--> statement-breakpoint
CREATE TYPE "public"."provenance" AS ENUM('publisher', 'third_party', 'forecast');--> statement-breakpoint
CREATE TYPE "public"."value_qualifier" AS ENUM('exact', 'approx', 'at_least', 'at_most');--> statement-breakpoint
CREATE TYPE "public"."claim_rank" AS ENUM('preferred', 'normal', 'deprecated');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('article', 'model_card', 'readme', 'license', 'blog', 'docs');--> statement-breakpoint
CREATE TYPE "public"."source_tier" AS ENUM('primary', 'secondary', 'press');--> statement-breakpoint
CREATE TABLE "claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"field" "claim_field" NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"settings" text DEFAULT '' NOT NULL,
	"value_text" text NOT NULL,
	"value_num" numeric,
	"unit" text,
	"value_date" date,
	"qualifier" "value_qualifier" DEFAULT 'exact' NOT NULL,
	"provenance" "provenance" NOT NULL,
	"rank" "claim_rank" DEFAULT 'normal' NOT NULL,
	"rank_reason" text,
	"note" text,
	"source_id" integer NOT NULL,
	"quote" text NOT NULL,
	"quote_start" integer NOT NULL,
	"quote_end" integer NOT NULL,
	"seed_key" text,
	"retired_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_seed_key_unique" UNIQUE("seed_key"),
	CONSTRAINT "claims_offsets" CHECK ("claims"."quote_start" >= 0 and "claims"."quote_end" > "claims"."quote_start"),
	CONSTRAINT "claims_quote_length" CHECK (char_length("claims"."quote") between 1 and 4000),
	CONSTRAINT "claims_value_text_length" CHECK (char_length("claims"."value_text") between 1 and 500),
	CONSTRAINT "claims_label_required" CHECK ("claims"."field" not in ('other', 'benchmark') or char_length("claims"."label") > 0),
	CONSTRAINT "claims_forecast_not_preferred" CHECK ("claims"."provenance" <> 'forecast' or "claims"."rank" <> 'preferred'),
	CONSTRAINT "claims_value_ranges" CHECK ("claims"."value_num" is null or (
        "claims"."value_num" >= 0 and "claims"."value_num" < 1e15 and case "claims"."field"
          when 'total_params' then "claims"."value_num" between 1e5 and 1e14
          when 'active_params' then "claims"."value_num" between 1e5 and 1e14
          when 'context_window' then "claims"."value_num" between 1 and 1e9
          when 'memory_footprint' then "claims"."value_num" > 0 and "claims"."value_num" <= 1e6
          when 'benchmark' then "claims"."unit" = 'Elo' or "claims"."value_num" <= 100
          else true end)),
	CONSTRAINT "claims_date_only_for_dates" CHECK ("claims"."value_date" is null or "claims"."field" = 'release_date')
);
--> statement-breakpoint
CREATE TABLE "maintainers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintainers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintainers_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "model_kind" NOT NULL,
	"family_id" integer,
	"developer" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "models_slug_unique" UNIQUE("slug"),
	CONSTRAINT "models_slug_format" CHECK ("models"."slug" ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
	CONSTRAINT "models_not_own_family" CHECK ("models"."family_id" is null or "models"."family_id" <> "models"."id"),
	CONSTRAINT "models_name_length" CHECK (char_length("models"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"reason" text,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"token_hash" text NOT NULL,
	"maintainer_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"author" text,
	"url" text,
	"published_on" date,
	"retrieved_on" date,
	"kind" "source_kind" NOT NULL,
	"tier" "source_tier" NOT NULL,
	"commit" text,
	"note" text,
	"text" text NOT NULL,
	"text_sha256" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_slug_unique" UNIQUE("slug"),
	CONSTRAINT "sources_slug_format" CHECK ("sources"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "sources_title_length" CHECK (char_length("sources"."title") between 1 and 300),
	CONSTRAINT "sources_text_length" CHECK (char_length("sources"."text") between 1 and 2000000),
	CONSTRAINT "sources_url_scheme" CHECK ("sources"."url" is null or "sources"."url" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_author_id_maintainers_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."maintainers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_family_id_models_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_maintainers_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."maintainers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_maintainer_id_maintainers_id_fk" FOREIGN KEY ("maintainer_id") REFERENCES "public"."maintainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_model_field_idx" ON "claims" USING btree ("model_id","field");--> statement-breakpoint
CREATE INDEX "claims_source_idx" ON "claims" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_one_preferred" ON "claims" USING btree ("model_id","field","label","settings") WHERE "claims"."rank" = 'preferred' and "claims"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "models_family_idx" ON "models" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revisions_entity_revision" ON "revisions" USING btree ("entity_type","entity_id","revision");--> statement-breakpoint
CREATE INDEX "revisions_created_idx" ON "revisions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sessions_maintainer_idx" ON "sessions" USING btree ("maintainer_id");