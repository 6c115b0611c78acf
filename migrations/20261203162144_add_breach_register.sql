CREATE TABLE "breach_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"once_key" text
);
--> statement-breakpoint
CREATE TABLE "breach_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone,
	"aware_at" timestamp with time zone NOT NULL,
	"reported_by" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'internal' NOT NULL,
	"provider_incident_id" uuid,
	"system_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vendor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activity_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_confidentiality_breach" boolean DEFAULT false NOT NULL,
	"is_integrity_breach" boolean DEFAULT false NOT NULL,
	"is_availability_breach" boolean DEFAULT false NOT NULL,
	"approx_people" integer,
	"approx_records" integer,
	"consequences" text DEFAULT '' NOT NULL,
	"measures_taken" text DEFAULT '' NOT NULL,
	"triage" jsonb,
	"decision" jsonb,
	"late_reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"phase" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"position" integer NOT NULL,
	"step_key" text,
	"title" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breach_events" ADD CONSTRAINT "breach_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_events" ADD CONSTRAINT "breach_events_incident_id_breach_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."breach_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_incidents" ADD CONSTRAINT "breach_incidents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_notifications" ADD CONSTRAINT "breach_notifications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_notifications" ADD CONSTRAINT "breach_notifications_incident_id_breach_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."breach_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_notifications" ADD CONSTRAINT "breach_notifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_steps" ADD CONSTRAINT "breach_steps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_steps" ADD CONSTRAINT "breach_steps_incident_id_breach_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."breach_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_steps" ADD CONSTRAINT "breach_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_events_incident_idx" ON "breach_events" USING btree ("incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "breach_events_once_key" ON "breach_events" USING btree ("incident_id","once_key");--> statement-breakpoint
CREATE UNIQUE INDEX "breach_incidents_org_number_key" ON "breach_incidents" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "breach_incidents_org_status_idx" ON "breach_incidents" USING btree ("org_id","status","aware_at");--> statement-breakpoint
CREATE INDEX "breach_incidents_provider_idx" ON "breach_incidents" USING btree ("provider_incident_id");--> statement-breakpoint
CREATE INDEX "breach_notifications_incident_idx" ON "breach_notifications" USING btree ("incident_id","sent_at");--> statement-breakpoint
CREATE INDEX "breach_steps_incident_idx" ON "breach_steps" USING btree ("incident_id","position");