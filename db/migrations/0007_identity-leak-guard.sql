DROP INDEX "items_campaign_id_open_idx";--> statement-breakpoint
DROP INDEX "items_campaign_id_gold_open_idx";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "identity_leak" text DEFAULT 'hold' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "identity_leak_words" jsonb DEFAULT '["as an AI developed by","as an AI language model","as a large language model trained by","I am ChatGPT","I''m ChatGPT","I am Claude","I''m Claude","I am Gemini","I''m Gemini","ChatGPT","OpenAI","Anthropic","Gemini","Llama","Mistral AI","DeepMind","DeepSeek","Qwen"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "leak_status" text DEFAULT 'clean' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "leak_matches" jsonb;--> statement-breakpoint
CREATE INDEX "items_campaign_id_flagged_idx" ON "items" USING btree ("campaign_id","seq") WHERE "items"."leak_status" <> 'clean';--> statement-breakpoint
CREATE INDEX "items_campaign_id_open_idx" ON "items" USING btree ("campaign_id","judgement_count" DESC NULLS LAST,"rand_key") WHERE "items"."open_slots" > 0 and not "items"."awaiting_generation" and "items"."leak_status" <> 'held';--> statement-breakpoint
CREATE INDEX "items_campaign_id_gold_open_idx" ON "items" USING btree ("campaign_id","judgement_count" DESC NULLS LAST,"rand_key") WHERE "items"."open_slots" > 0 and not "items"."awaiting_generation" and "items"."leak_status" <> 'held' and "items"."kind" = 'gold';--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_identity_leak_check" CHECK ("campaigns"."identity_leak" in ('hold', 'warn'));--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_leak_status_check" CHECK ("items"."leak_status" in ('clean', 'warned', 'held', 'released'));