CREATE TABLE "breach_playbook_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"position" integer NOT NULL,
	"step_key" text,
	"title" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breach_playbook_steps" ADD CONSTRAINT "breach_playbook_steps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_playbook_steps_org_idx" ON "breach_playbook_steps" USING btree ("org_id","position");