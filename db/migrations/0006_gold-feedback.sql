ALTER TABLE "campaigns" ADD COLUMN "gold_feedback" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "gold_explanation" text;