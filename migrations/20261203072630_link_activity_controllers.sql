CREATE TABLE "activity_controllers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"controller_org_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_joint_controllers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"arrangement" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_controllers" ADD CONSTRAINT "activity_controllers_controller_org_id_organisations_id_fk" FOREIGN KEY ("controller_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_controllers" ADD CONSTRAINT "activity_controllers_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_joint_controllers" ADD CONSTRAINT "activity_joint_controllers_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_controllers_activity_idx" ON "activity_controllers" USING btree ("org_id","activity_id");--> statement-breakpoint
CREATE INDEX "activity_controllers_controller_org_idx" ON "activity_controllers" USING btree ("controller_org_id");--> statement-breakpoint
CREATE INDEX "activity_joint_controllers_activity_idx" ON "activity_joint_controllers" USING btree ("org_id","activity_id");--> statement-breakpoint
-- Carry the free-text controller of older registers over as an external controller, so nothing is lost: one
-- without contact details (such as "clients (per agreement)") is then reported as incomplete by the register check.
INSERT INTO "activity_controllers" ("org_id", "activity_id", "position", "kind", "name", "contact")
SELECT "org_id", "id", 0, 'external', "controller_name", "controller_contact"
FROM "processing_activities"
WHERE btrim("controller_name") <> '' OR btrim("controller_contact") <> '';--> statement-breakpoint
ALTER TABLE "processing_activities" DROP COLUMN "controller_name";--> statement-breakpoint
ALTER TABLE "processing_activities" DROP COLUMN "controller_contact";