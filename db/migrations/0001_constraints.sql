-- Hand-written: what drizzle-kit cannot express. The database itself keeps these invariants.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No two active appointments of one practitioner may overlap (buffers included), at any location.
-- Places in one class share a block_key, so they may overlap each other but nothing else.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("practitioner_id" WITH =, "blocked" WITH &&, "block_key" WITH <>)
  WHERE ("status" <> 'cancelled');
--> statement-breakpoint
-- A class's booked_count follows its active places; the check on classes refuses an over-full class.
CREATE FUNCTION "appointments_class_count"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_active boolean := TG_OP <> 'INSERT' AND OLD.class_id IS NOT NULL AND OLD.status <> 'cancelled';
  new_active boolean := TG_OP <> 'DELETE' AND NEW.class_id IS NOT NULL AND NEW.status <> 'cancelled';
BEGIN
  IF old_active AND (NOT new_active OR OLD.class_id IS DISTINCT FROM NEW.class_id) THEN
    UPDATE classes SET booked_count = booked_count - 1 WHERE id = OLD.class_id;
  END IF;
  IF new_active AND (NOT old_active OR OLD.class_id IS DISTINCT FROM NEW.class_id) THEN
    UPDATE classes SET booked_count = booked_count + 1 WHERE id = NEW.class_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "appointments_class_count" AFTER INSERT OR UPDATE OF status, class_id OR DELETE ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION "appointments_class_count"();
--> statement-breakpoint
-- A class place must match its class: same practitioner, location, service and time.
CREATE FUNCTION "appointments_class_match"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.class_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM classes c WHERE c.id = NEW.class_id AND c.practitioner_id = NEW.practitioner_id
      AND c.location_id = NEW.location_id AND c.service_id = NEW.service_id
      AND c.starts_at = lower(NEW.during) AND c.ends_at = upper(NEW.during)
  ) THEN
    RAISE EXCEPTION 'appointment does not match its class' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "appointments_class_match" BEFORE INSERT OR UPDATE OF class_id, during, practitioner_id ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION "appointments_class_match"();
--> statement-breakpoint
-- The audit log is append-only.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
-- Only one-to-one services may be booked without a class, and only classes with one.
CREATE FUNCTION "appointments_class_required"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT capacity FROM services WHERE id = NEW.service_id) > 1 AND NEW.class_id IS NULL THEN
    RAISE EXCEPTION 'a class service needs a class' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "appointments_class_required" BEFORE INSERT ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION "appointments_class_required"();
