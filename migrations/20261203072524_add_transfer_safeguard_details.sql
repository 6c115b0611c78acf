CREATE TABLE "transfer_scope_answers" (
	"org_id" uuid NOT NULL,
	"country" text NOT NULL,
	"is_within_scope" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_scope_answers_org_id_country_pk" PRIMARY KEY("org_id","country")
);
--> statement-breakpoint
ALTER TABLE "system_locations" ADD COLUMN "tia_assessed_on" date;--> statement-breakpoint
ALTER TABLE "system_locations" ADD COLUMN "tia_reference" text;--> statement-breakpoint
ALTER TABLE "activity_transfers" ADD COLUMN "tia_assessed_on" date;--> statement-breakpoint
ALTER TABLE "activity_transfers" ADD COLUMN "tia_reference" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "dpf_certified_since" date;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "is_dpf_hr_in_scope" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "tia_assessed_on" date;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "tia_reference" text;--> statement-breakpoint
ALTER TABLE "transfer_scope_answers" ADD CONSTRAINT "transfer_scope_answers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Existing DPF certifications keep is_dpf_certified = true with dpf_certified_since NULL: the register shows them as
-- a finding ("enter since when") instead of dropping or guessing the date. Existing SCCs and BCRs get no TIA: they
-- become a warning until one is recorded. A TIA is its day and its reference together, or nothing.
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_tia_complete" CHECK (("tia_assessed_on" IS NULL) = ("tia_reference" IS NULL));--> statement-breakpoint
ALTER TABLE "system_locations" ADD CONSTRAINT "system_locations_tia_complete" CHECK (("tia_assessed_on" IS NULL) = ("tia_reference" IS NULL));--> statement-breakpoint
ALTER TABLE "activity_transfers" ADD CONSTRAINT "activity_transfers_tia_complete" CHECK (("tia_assessed_on" IS NULL) = ("tia_reference" IS NULL));
