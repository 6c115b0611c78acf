-- The subject's display name at the time of the entry (an activity's, system's, vendor's name; never a person's).
-- Entries written before stay without one: the append-only trigger forbids filling it in, and the hash chain
-- leaves a null name out of the hashed content, so existing chains verify unchanged.
ALTER TABLE "audit_entries" ADD COLUMN "target_name" text;
