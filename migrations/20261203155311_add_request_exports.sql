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
ALTER TABLE "subject_request_exports" ADD CONSTRAINT "subject_request_exports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_exports" ADD CONSTRAINT "subject_request_exports_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_findings" ADD CONSTRAINT "subject_request_findings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_findings" ADD CONSTRAINT "subject_request_findings_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_findings" ADD CONSTRAINT "subject_request_findings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_request_exports_request_idx" ON "subject_request_exports" USING btree ("org_id","request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_request_exports_token_key" ON "subject_request_exports" USING btree ("download_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_request_findings_record_key" ON "subject_request_findings" USING btree ("request_id","record_type_id","record_key");--> statement-breakpoint
CREATE INDEX "subject_request_findings_org_idx" ON "subject_request_findings" USING btree ("org_id","request_id");