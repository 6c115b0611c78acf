CREATE TABLE "connectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config_version" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"secrets_sealed" text,
	"system_id" uuid,
	"last_check_at" timestamp with time zone,
	"last_check_ok" boolean,
	"last_check_code" text,
	"last_check_detail" text DEFAULT '' NOT NULL,
	"last_check_server_version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectors_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "record_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"connector_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"last_check_at" timestamp with time zone,
	"last_check_ok" boolean,
	"last_check_code" text,
	"last_check_detail" text DEFAULT '' NOT NULL,
	"last_check_result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_types_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"definition" jsonb NOT NULL,
	"reason" text NOT NULL,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_manual_handling" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"review_date" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"record_type_id" uuid NOT NULL,
	"activity_id" uuid,
	"start_event" jsonb NOT NULL,
	"period" jsonb NOT NULL,
	"legal_preset_id" text,
	"legal_reference" text DEFAULT '' NOT NULL,
	"action" jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"owner_user_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_preview_id" uuid,
	"margin_percent" integer DEFAULT 10 NOT NULL,
	"based_on_retention" jsonb,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_policies_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_previews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"policy_fingerprint" text NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"matched" integer NOT NULL,
	"held" jsonb NOT NULL,
	"to_act" integer NOT NULL,
	"sample" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "retention_previews_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_run_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"keys" jsonb,
	"size" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "retention_run_batches_run_seq_key" UNIQUE("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"cutoff" jsonb,
	"expected" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"deleted" integer DEFAULT 0 NOT NULL,
	"anonymised" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"cursor" text,
	"is_cancel_requested" boolean DEFAULT false NOT NULL,
	"lease_until" timestamp with time zone,
	"error_code" text,
	"error_detail" text DEFAULT '' NOT NULL,
	"started_by_user_id" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_runs_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "system_locations" ADD COLUMN "rotation_days" integer;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_system_fk" FOREIGN KEY ("org_id","system_id") REFERENCES "public"."systems"("org_id","id") ON DELETE SET NULL ("system_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_types" ADD CONSTRAINT "record_types_connector_fk" FOREIGN KEY ("org_id","connector_id") REFERENCES "public"."connectors"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_policy_fk" FOREIGN KEY ("org_id","policy_id") REFERENCES "public"."retention_policies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_manual_handling" ADD CONSTRAINT "retention_manual_handling_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_manual_handling" ADD CONSTRAINT "retention_manual_handling_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_record_type_fk" FOREIGN KEY ("org_id","record_type_id") REFERENCES "public"."record_types"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE SET NULL ("activity_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_previews" ADD CONSTRAINT "retention_previews_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_previews" ADD CONSTRAINT "retention_previews_policy_fk" FOREIGN KEY ("org_id","policy_id") REFERENCES "public"."retention_policies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run_batches" ADD CONSTRAINT "retention_run_batches_run_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."retention_runs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_policy_fk" FOREIGN KEY ("org_id","policy_id") REFERENCES "public"."retention_policies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connectors_org_name_key" ON "connectors" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "record_types_connector_name_key" ON "record_types" USING btree ("connector_id",lower("name"));--> statement-breakpoint
CREATE INDEX "record_types_org_idx" ON "record_types" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "retention_holds_policy_idx" ON "retention_holds" USING btree ("org_id","policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_manual_handling_subject_key" ON "retention_manual_handling" USING btree ("org_id","subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_policies_org_name_key" ON "retention_policies" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "retention_policies_due_idx" ON "retention_policies" USING btree ("status","next_run_at");--> statement-breakpoint
CREATE INDEX "retention_previews_policy_idx" ON "retention_previews" USING btree ("org_id","policy_id");--> statement-breakpoint
CREATE INDEX "retention_runs_policy_idx" ON "retention_runs" USING btree ("org_id","policy_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_runs_one_open_per_policy" ON "retention_runs" USING btree ("policy_id") WHERE status in ('queued', 'running', 'paused_for_approval');