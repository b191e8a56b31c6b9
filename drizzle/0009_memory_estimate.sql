ALTER TYPE "public"."claim_field" ADD VALUE 'tied_embeddings';--> statement-breakpoint
ALTER TABLE "catalog_rows" ADD COLUMN "mem_params" double precision;--> statement-breakpoint
ALTER TABLE "catalog_rows" ADD COLUMN "mem_params16" double precision;--> statement-breakpoint
ALTER TABLE "catalog_rows" ADD COLUMN "kv_full" double precision;--> statement-breakpoint
ALTER TABLE "catalog_rows" ADD COLUMN "kv_sliding" double precision;--> statement-breakpoint
ALTER TABLE "catalog_rows" ADD COLUMN "kv_window" double precision;