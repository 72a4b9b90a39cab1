CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" text NOT NULL,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'annotator'))
);
--> statement-breakpoint
CREATE TABLE "campaign_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'annotator' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_members_status_check" CHECK ("campaign_members"."status" in ('active', 'paused'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"template" jsonb NOT NULL,
	"template_version" integer DEFAULT 1 NOT NULL,
	"overlap" integer DEFAULT 3 NOT NULL,
	"lease_ttl_seconds" integer DEFAULT 900 NOT NULL,
	"gold_rate" real DEFAULT 0 NOT NULL,
	"probe_rate" real DEFAULT 0 NOT NULL,
	"daily_cap" integer,
	"guidelines" text DEFAULT '' NOT NULL,
	"guideline_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'active', 'paused', 'archived')),
	CONSTRAINT "campaigns_overlap_check" CHECK ("campaigns"."overlap" between 1 and 100),
	CONSTRAINT "campaigns_lease_ttl_check" CHECK ("campaigns"."lease_ttl_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "items_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"prompt" jsonb NOT NULL,
	"prompt_format" text DEFAULT 'messages' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"gold_answer" jsonb,
	"source" jsonb,
	"open_slots" integer NOT NULL,
	"judgement_count" integer DEFAULT 0 NOT NULL,
	"rand_key" double precision DEFAULT random() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "items_kind_check" CHECK ("items"."kind" in ('regular', 'gold', 'probe')),
	CONSTRAINT "items_open_slots_check" CHECK ("items"."open_slots" >= 0),
	CONSTRAINT "items_judgement_count_check" CHECK ("items"."judgement_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"position" integer NOT NULL,
	"model" text,
	"content_kind" text DEFAULT 'text' NOT NULL,
	"content" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"annotator_id" uuid NOT NULL,
	"purpose" text DEFAULT 'regular' NOT NULL,
	"status" text DEFAULT 'leased' NOT NULL,
	"display_order" jsonb NOT NULL,
	"leased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"draft" jsonb,
	"skip_reason" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "assignments_id_annotator_id_item_id_key" UNIQUE("id","annotator_id","item_id"),
	CONSTRAINT "assignments_status_check" CHECK ("assignments"."status" in ('leased', 'submitted', 'skipped', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "judgements_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"annotator_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"display_order" jsonb NOT NULL,
	"guideline_version" integer NOT NULL,
	"template_version" integer NOT NULL,
	"shown_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active_ms" integer,
	"idempotency_key" text NOT NULL,
	"revision_of" uuid
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"campaign_id" uuid,
	"subject_type" text,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file" text DEFAULT 'jsonl' NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"row_count" integer,
	"sha256" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_annotator_id_users_id_fk" FOREIGN KEY ("annotator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgements" ADD CONSTRAINT "judgements_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgements" ADD CONSTRAINT "judgements_assignment_id_annotator_id_item_id_assignments_id_annotator_id_item_id_fk" FOREIGN KEY ("assignment_id","annotator_id","item_id") REFERENCES "public"."assignments"("id","annotator_id","item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgements" ADD CONSTRAINT "judgements_revision_of_judgements_id_fk" FOREIGN KEY ("revision_of") REFERENCES "public"."judgements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_members_campaign_id_user_id_key" ON "campaign_members" USING btree ("campaign_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_slug_key" ON "campaigns" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "items_campaign_id_external_id_key" ON "items" USING btree ("campaign_id","external_id");--> statement-breakpoint
CREATE INDEX "items_campaign_id_seq_idx" ON "items" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "items_campaign_id_open_idx" ON "items" USING btree ("campaign_id","judgement_count" DESC NULLS LAST,"rand_key") WHERE "items"."open_slots" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "responses_item_id_position_key" ON "responses" USING btree ("item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_item_id_external_id_key" ON "responses" USING btree ("item_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_item_id_annotator_id_key" ON "assignments" USING btree ("item_id","annotator_id") WHERE "assignments"."purpose" = 'regular';--> statement-breakpoint
CREATE INDEX "assignments_campaign_id_expires_at_idx" ON "assignments" USING btree ("campaign_id","expires_at") WHERE "assignments"."status" = 'leased';--> statement-breakpoint
CREATE INDEX "assignments_annotator_id_campaign_id_status_idx" ON "assignments" USING btree ("annotator_id","campaign_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "judgements_idempotency_key_key" ON "judgements" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "judgements_assignment_id_key" ON "judgements" USING btree ("assignment_id") WHERE "judgements"."revision_of" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "judgements_revision_of_key" ON "judgements" USING btree ("revision_of");--> statement-breakpoint
CREATE INDEX "judgements_campaign_id_seq_idx" ON "judgements" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "judgements_item_id_idx" ON "judgements" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "audit_events_campaign_id_created_at_idx" ON "audit_events" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "exports_campaign_id_created_at_idx" ON "exports" USING btree ("campaign_id","created_at");