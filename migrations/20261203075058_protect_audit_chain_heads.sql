-- The chain heads are as append-only as the entries: a head only moves forward (a higher seq, the same chain) and is
-- never deleted or truncated. Before this, deleting a head (say, with its organisation) hid that chain from
-- `privacydesk audit verify` altogether; `verify` now also reports a chain whose entries have no head.
CREATE FUNCTION guard_audit_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.chain = OLD.chain AND NEW.seq > OLD.seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_chain_heads only moves forward (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_heads_forward_only
  BEFORE UPDATE OR DELETE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION guard_audit_chain_head();
--> statement-breakpoint
CREATE TRIGGER audit_chain_heads_no_truncate
  BEFORE TRUNCATE ON audit_chain_heads
  FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_change();
