ALTER TABLE "campaigns" ADD COLUMN "suggestion_mode" text DEFAULT 'hidden' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "suggestion" jsonb;--> statement-breakpoint
ALTER TABLE "judgements" ADD COLUMN "suggestion_shown" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "judgements" ADD COLUMN "agreed_with_suggestion" boolean;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_suggestion_mode_check" CHECK ("campaigns"."suggestion_mode" in ('hidden', 'after_submit', 'before_submit'));