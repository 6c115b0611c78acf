CREATE TABLE "activity_completeness" (
	"org_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"missing" integer NOT NULL,
	"warnings" integer NOT NULL,
	"is_complete" boolean NOT NULL,
	"computed_for" date NOT NULL,
	CONSTRAINT "activity_completeness_org_id_activity_id_pk" PRIMARY KEY("org_id","activity_id")
);
--> statement-breakpoint
ALTER TABLE "activity_completeness" ADD CONSTRAINT "activity_completeness_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."processing_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_completeness_rank_idx" ON "activity_completeness" USING btree ("org_id","missing","warnings");--> statement-breakpoint
CREATE INDEX "activity_completeness_computed_idx" ON "activity_completeness" USING btree ("computed_for");