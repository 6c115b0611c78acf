ALTER TABLE "connectors" DROP CONSTRAINT "connectors_system_fk";
--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_system_fk" FOREIGN KEY ("org_id","system_id") REFERENCES "public"."systems"("org_id","id") ON DELETE SET NULL ("system_id") ON UPDATE no action;