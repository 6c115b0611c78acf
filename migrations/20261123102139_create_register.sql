CREATE TABLE "data_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_special" boolean DEFAULT false NOT NULL,
	"is_criminal" boolean DEFAULT false NOT NULL,
	"is_national_id" boolean DEFAULT false NOT NULL,
	"is_financial" boolean DEFAULT false NOT NULL,
	"is_credentials" boolean DEFAULT false NOT NULL,
	"is_communication_content" boolean DEFAULT false NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_categories_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "data_categories_org_key_key" UNIQUE("org_id","key")
);
--> statement-breakpoint
CREATE TABLE "subject_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_vulnerable" boolean DEFAULT false NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_categories_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "subject_categories_org_key_key" UNIQUE("org_id","key")
);
--> statement-breakpoint
CREATE TABLE "system_data_categories" (
	"org_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"data_category_id" uuid NOT NULL,
	CONSTRAINT "system_data_categories_system_id_data_category_id_pk" PRIMARY KEY("system_id","data_category_id")
);
--> statement-breakpoint
CREATE TABLE "system_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"role" text NOT NULL,
	"country" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"provider_vendor_id" uuid,
	"since" date NOT NULL,
	"until" date,
	"transfer_safeguard" text,
	"safeguard_details" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"vendor_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"is_mfa_enforced" boolean,
	"is_encrypted_at_rest" boolean,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "systems_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "systems_org_name_key" UNIQUE("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "processing_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"controller_name" text DEFAULT '' NOT NULL,
	"controller_contact" text DEFAULT '' NOT NULL,
	"processing_categories" text DEFAULT '' NOT NULL,
	"purposes" text[] DEFAULT '{}' NOT NULL,
	"legal_basis" text,
	"legal_basis_justification" text DEFAULT '' NOT NULL,
	"special_category_ground" text,
	"criminal_data_ground" text DEFAULT '' NOT NULL,
	"has_no_recipients" boolean DEFAULT false NOT NULL,
	"recipient_categories" text DEFAULT '' NOT NULL,
	"retention_kind" text,
	"retention_amount" integer,
	"retention_unit" text,
	"retention_start_event" text DEFAULT '' NOT NULL,
	"retention_reference" text DEFAULT '' NOT NULL,
	"retention_preset_id" text,
	"security_measures" text DEFAULT '' NOT NULL,
	"is_dpia_required" boolean,
	"dpia_reason" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"review_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_activities_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "processing_activities_org_name_key" UNIQUE("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "activity_data_categories" (
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"data_category_id" uuid NOT NULL,
	CONSTRAINT "activity_data_categories_activity_id_data_category_id_pk" PRIMARY KEY("activity_id","data_category_id")
);
--> statement-breakpoint
CREATE TABLE "activity_recipients" (
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	CONSTRAINT "activity_recipients_activity_id_vendor_id_pk" PRIMARY KEY("activity_id","vendor_id")
);
--> statement-breakpoint
CREATE TABLE "activity_subject_categories" (
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"subject_category_id" uuid NOT NULL,
	CONSTRAINT "activity_subject_categories_activity_id_subject_category_id_pk" PRIMARY KEY("activity_id","subject_category_id")
);
--> statement-breakpoint
CREATE TABLE "activity_systems" (
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "activity_systems_activity_id_system_id_pk" PRIMARY KEY("activity_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "activity_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"country" text NOT NULL,
	"recipient" text NOT NULL,
	"safeguard" text,
	"safeguard_details" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_vendor_id" uuid,
	"services" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"website" text,
	"contact_email" text,
	"is_dpf_certified" boolean DEFAULT false NOT NULL,
	"transfer_safeguard" text,
	"safeguard_details" text DEFAULT '' NOT NULL,
	"has_mfa" boolean,
	"can_access_client_infrastructure" boolean DEFAULT false NOT NULL,
	"client_access_description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"retired_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendors_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "vendors_org_name_key" UNIQUE("org_id","name")
);
--> statement-breakpoint
ALTER TABLE "data_categories" ADD CONSTRAINT "data_categories_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_categories" ADD CONSTRAINT "subject_categories_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_data_categories" ADD CONSTRAINT "system_data_categories_system_fk" FOREIGN KEY ("org_id","system_id") REFERENCES "public"."systems"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_data_categories" ADD CONSTRAINT "system_data_categories_category_fk" FOREIGN KEY ("org_id","data_category_id") REFERENCES "public"."data_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_locations" ADD CONSTRAINT "system_locations_system_fk" FOREIGN KEY ("org_id","system_id") REFERENCES "public"."systems"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_locations" ADD CONSTRAINT "system_locations_provider_fk" FOREIGN KEY ("org_id","provider_vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_vendor_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD CONSTRAINT "processing_activities_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD CONSTRAINT "processing_activities_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_data_categories" ADD CONSTRAINT "activity_data_categories_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_data_categories" ADD CONSTRAINT "activity_data_categories_category_fk" FOREIGN KEY ("org_id","data_category_id") REFERENCES "public"."data_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_recipients" ADD CONSTRAINT "activity_recipients_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_recipients" ADD CONSTRAINT "activity_recipients_vendor_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_subject_categories" ADD CONSTRAINT "activity_subject_categories_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_subject_categories" ADD CONSTRAINT "activity_subject_categories_category_fk" FOREIGN KEY ("org_id","subject_category_id") REFERENCES "public"."subject_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_systems" ADD CONSTRAINT "activity_systems_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_systems" ADD CONSTRAINT "activity_systems_system_fk" FOREIGN KEY ("org_id","system_id") REFERENCES "public"."systems"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_transfers" ADD CONSTRAINT "activity_transfers_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_certifications" ADD CONSTRAINT "vendor_certifications_vendor_fk" FOREIGN KEY ("org_id","vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_parent_fk" FOREIGN KEY ("org_id","parent_vendor_id") REFERENCES "public"."vendors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_categories_org_idx" ON "data_categories" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "system_data_categories_category_idx" ON "system_data_categories" USING btree ("org_id","data_category_id");--> statement-breakpoint
CREATE INDEX "system_locations_system_idx" ON "system_locations" USING btree ("org_id","system_id");--> statement-breakpoint
CREATE INDEX "systems_org_idx" ON "systems" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "processing_activities_org_updated_idx" ON "processing_activities" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "activity_data_categories_category_idx" ON "activity_data_categories" USING btree ("org_id","data_category_id");--> statement-breakpoint
CREATE INDEX "activity_recipients_vendor_idx" ON "activity_recipients" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE INDEX "activity_subject_categories_category_idx" ON "activity_subject_categories" USING btree ("org_id","subject_category_id");--> statement-breakpoint
CREATE INDEX "activity_systems_system_idx" ON "activity_systems" USING btree ("org_id","system_id");--> statement-breakpoint
CREATE INDEX "activity_transfers_activity_idx" ON "activity_transfers" USING btree ("org_id","activity_id");--> statement-breakpoint
CREATE INDEX "vendor_certifications_vendor_idx" ON "vendor_certifications" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE INDEX "vendors_org_idx" ON "vendors" USING btree ("org_id");