CREATE TABLE "subject_request_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"package_sealed" "bytea",
	"size_bytes" integer,
	"record_count" integer,
	"sha256" text,
	"contents" jsonb,
	"download_token_hash" text,
	"expires_at" timestamp with time zone,
	"download_count" integer DEFAULT 0 NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"built_at" timestamp with time zone,
	"last_downloaded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subject_request_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"system_name" text NOT NULL,
	"checked_at" timestamp with time zone,
	"checked_by" uuid,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note_sealed" text,
	"once_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_request_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"connector_id" uuid NOT NULL,
	"connector_name" text NOT NULL,
	"record_type_id" uuid NOT NULL,
	"record_type_name" text NOT NULL,
	"system_id" uuid,
	"record_key" text NOT NULL,
	"matched_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_found_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reason" text,
	"decision_fields" jsonb,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"action_status" text,
	"action_at" timestamp with time zone,
	"action_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer,
	"right" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"locale" text NOT NULL,
	"content_sealed" text,
	"email_hash" text,
	"received_at" timestamp with time zone NOT NULL,
	"original_due_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_at" timestamp with time zone,
	"assignee_user_id" uuid,
	"identity_method" text,
	"identity_note" text,
	"identity_verified_at" timestamp with time zone,
	"identity_verified_by" uuid,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"proof_hash" text,
	"closed_at" timestamp with time zone,
	"minimised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subject_request_exports" ADD CONSTRAINT "subject_request_exports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_exports" ADD CONSTRAINT "subject_request_exports_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_checks" ADD CONSTRAINT "subject_request_checks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_checks" ADD CONSTRAINT "subject_request_checks_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_checks" ADD CONSTRAINT "subject_request_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_events" ADD CONSTRAINT "subject_request_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_events" ADD CONSTRAINT "subject_request_events_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_findings" ADD CONSTRAINT "subject_request_findings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_findings" ADD CONSTRAINT "subject_request_findings_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_findings" ADD CONSTRAINT "subject_request_findings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_identity_verified_by_users_id_fk" FOREIGN KEY ("identity_verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_request_exports_request_idx" ON "subject_request_exports" USING btree ("org_id","request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_request_exports_token_key" ON "subject_request_exports" USING btree ("download_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_request_checks_request_system_key" ON "subject_request_checks" USING btree ("request_id","system_id");--> statement-breakpoint
CREATE INDEX "subject_request_events_request_idx" ON "subject_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_request_events_once_key" ON "subject_request_events" USING btree ("request_id","once_key") WHERE "subject_request_events"."once_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subject_request_findings_record_key" ON "subject_request_findings" USING btree ("request_id","record_type_id","record_key");--> statement-breakpoint
CREATE INDEX "subject_request_findings_org_idx" ON "subject_request_findings" USING btree ("org_id","request_id");--> statement-breakpoint
CREATE INDEX "subject_requests_org_status_idx" ON "subject_requests" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "subject_requests_email_hash_idx" ON "subject_requests" USING btree ("org_id","email_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_requests_org_number_key" ON "subject_requests" USING btree ("org_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_requests_confirm_token_key" ON "subject_requests" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_requests_proof_key" ON "subject_requests" USING btree ("proof_hash");