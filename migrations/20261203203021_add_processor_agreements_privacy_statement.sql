CREATE TABLE "processor_agreement_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text DEFAULT 'agreement' NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_sealed" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processor_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"vendor_id" uuid,
	"client_org_id" uuid,
	"external_name" text DEFAULT '' NOT NULL,
	"external_contact" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"services" text DEFAULT '' NOT NULL,
	"system_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activity_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sub_processor_vendor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"term" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_by_name" text DEFAULT '' NOT NULL,
	"signed_on" date,
	"document_kind" text DEFAULT 'agreement' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_statement_texts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"introduction_nl" text DEFAULT '' NOT NULL,
	"introduction_en" text DEFAULT '' NOT NULL,
	"cookies_nl" text DEFAULT '' NOT NULL,
	"cookies_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_statement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"content_nl" jsonb NOT NULL,
	"content_en" jsonb NOT NULL,
	"register_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processor_agreement_documents" ADD CONSTRAINT "processor_agreement_documents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_agreement_documents" ADD CONSTRAINT "processor_agreement_documents_agreement_id_processor_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."processor_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_agreement_documents" ADD CONSTRAINT "processor_agreement_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_agreements" ADD CONSTRAINT "processor_agreements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_agreements" ADD CONSTRAINT "processor_agreements_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_agreements" ADD CONSTRAINT "processor_agreements_client_org_id_organisations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_statement_texts" ADD CONSTRAINT "privacy_statement_texts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_statement_versions" ADD CONSTRAINT "privacy_statement_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_statement_versions" ADD CONSTRAINT "privacy_statement_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "processor_agreement_documents_agreement_idx" ON "processor_agreement_documents" USING btree ("org_id","agreement_id");--> statement-breakpoint
CREATE INDEX "processor_agreements_org_idx" ON "processor_agreements" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "processor_agreements_vendor_idx" ON "processor_agreements" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "processor_agreements_client_idx" ON "processor_agreements" USING btree ("client_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_statement_versions_org_version_key" ON "privacy_statement_versions" USING btree ("org_id","version");