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
CREATE INDEX "activity_completeness_computed_idx" ON "activity_completeness" USING btree ("org_id","computed_for");--> statement-breakpoint
-- Every activity has a summary row from the moment it exists: a new one (and every one this migration finds) is
-- dated 1970-01-01, never an answer, until the use case that wrote it, or the daily refresh, computes the real one.
-- "Are all summaries of today's?" is then one probe of activity_completeness_computed_idx.
CREATE FUNCTION activity_completeness_placeholder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_completeness (org_id, activity_id, missing, warnings, is_complete, computed_for)
  VALUES (NEW.org_id, NEW.id, 0, 0, false, DATE '1970-01-01')
  ON CONFLICT (org_id, activity_id) DO NOTHING;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER processing_activities_completeness_placeholder
  AFTER INSERT ON processing_activities
  FOR EACH ROW EXECUTE FUNCTION activity_completeness_placeholder();
--> statement-breakpoint
INSERT INTO activity_completeness (org_id, activity_id, missing, warnings, is_complete, computed_for)
SELECT org_id, id, 0, 0, false, DATE '1970-01-01' FROM processing_activities;
