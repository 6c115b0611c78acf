ALTER TABLE "processing_activities" DROP CONSTRAINT "processing_activities_org_name_key";--> statement-breakpoint
DROP INDEX "processing_activities_org_lower_name_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "processing_activities_org_lower_name_key" ON "processing_activities" USING btree ("org_id",lower("name"));