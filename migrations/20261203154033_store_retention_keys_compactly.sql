CREATE TABLE "retention_key_hashes" (
	"org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"record_type_id" uuid NOT NULL,
	"key_hashes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_key_hashes_pkey" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
ALTER TABLE "retention_run_batches" ALTER COLUMN "keys" SET DATA TYPE text USING "keys"::text;--> statement-breakpoint
CREATE INDEX "retention_key_hashes_record_type_idx" ON "retention_key_hashes" USING btree ("org_id","record_type_id");