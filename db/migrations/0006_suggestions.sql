CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"endpoint_id" uuid,
	"judge" text NOT NULL,
	"order_index" integer NOT NULL,
	"display_order" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"consistent" boolean,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"latency_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestions_order_index_check" CHECK ("suggestions"."order_index" in (0, 1))
);
--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_endpoint_id_model_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."model_endpoints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_job_id_item_id_order_index_key" ON "suggestions" USING btree ("job_id","item_id","order_index");--> statement-breakpoint
CREATE INDEX "suggestions_campaign_id_endpoint_id_idx" ON "suggestions" USING btree ("campaign_id","endpoint_id");--> statement-breakpoint
CREATE INDEX "suggestions_item_id_idx" ON "suggestions" USING btree ("item_id");