ALTER TYPE "public"."claim_field" ADD VALUE 'layers';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'hidden_size';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'attention_heads';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'kv_heads';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'head_dim';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'vocab_size';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'experts';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'active_experts';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'sliding_window';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'sliding_window_layers';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'kv_lora_rank';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'qk_rope_head_dim';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'max_position_embeddings';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'rope_scaling';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'dtype';--> statement-breakpoint
ALTER TYPE "public"."claim_field" ADD VALUE 'unquantized_modules';--> statement-breakpoint
ALTER TYPE "public"."source_kind" ADD VALUE 'config';--> statement-breakpoint
ALTER TYPE "public"."source_tier" ADD VALUE 'mirror';--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "mirror_of" text;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_architecture_counts" CHECK ("claims"."field"::text not in ('layers', 'hidden_size', 'attention_heads', 'kv_heads', 'head_dim', 'vocab_size', 'experts', 'active_experts', 'sliding_window', 'kv_lora_rank', 'qk_rope_head_dim', 'max_position_embeddings') or ("claims"."value_num" is not null
        and "claims"."value_num" = trunc("claims"."value_num") and "claims"."value_num" between 1 and 1e8));--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_mirror_named" CHECK (("sources"."tier"::text = 'mirror') = ("sources"."mirror_of" is not null)
        and ("sources"."mirror_of" is null or "sources"."mirror_of" ~ '^https?://'));