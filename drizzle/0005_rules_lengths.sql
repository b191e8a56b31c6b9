ALTER TABLE "claims" ADD CONSTRAINT "claims_label_length" CHECK (char_length("claims"."label") <= 200);--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_settings_length" CHECK (char_length("claims"."settings") <= 200);--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_slug_length" CHECK (char_length("models"."slug") <= 100);--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_developer_length" CHECK (char_length("models"."developer") between 1 and 200);--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_slug_length" CHECK (char_length("sources"."slug") <= 100);