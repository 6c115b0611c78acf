CREATE TABLE "breach_playbook_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"position" integer NOT NULL,
	"step_key" text,
	"title" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_measure_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text,
	"media_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content_sealed" "bytea",
	"url" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"catalogue_key" text,
	"title" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"not_applicable_reason" text,
	"owner_user_id" uuid,
	"review_date" date,
	"review_reminded_for" date,
	"controls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"system_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vendor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "breach_playbook_steps" ADD CONSTRAINT "breach_playbook_steps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measure_evidence" ADD CONSTRAINT "security_measure_evidence_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measure_evidence" ADD CONSTRAINT "security_measure_evidence_measure_id_security_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."security_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measure_evidence" ADD CONSTRAINT "security_measure_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measures" ADD CONSTRAINT "security_measures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measures" ADD CONSTRAINT "security_measures_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_playbook_steps_org_idx" ON "breach_playbook_steps" USING btree ("org_id","position");--> statement-breakpoint
CREATE INDEX "security_measure_evidence_measure_idx" ON "security_measure_evidence" USING btree ("org_id","measure_id");--> statement-breakpoint
CREATE INDEX "security_measures_org_idx" ON "security_measures" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "security_measures_org_catalogue_key" ON "security_measures" USING btree ("org_id","catalogue_key");--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;