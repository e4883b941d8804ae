-- Hand-written: the reports' figures (report_days, report_patient_firsts, report_class_firsts; db/schema/reports.ts)
-- kept by the database in the same transaction as every change they follow, whoever makes it, so a report never
-- reads a figure that is behind. The definitions are docs/reports.md's:
--   report_appointment_figures: what one appointment adds to its practitioner's, location's and local date's row;
--   report_patient_firsts: where each patient's first ever appointment (by start, then id) counts as a new patient;
--   report_class_firsts: where each class's minutes count (its first place by id that is not cancelled);
--   report_days_expected(): every row worked out from scratch, which the tests compare with the kept rows.
-- Concurrency: additions commute (`x = x + delta`); what depends on other rows is decided after locking the row
-- that serialises it (the patient's or the class's firsts row, the appointment for its intakes, the service for its
-- cancellation window), and in READ COMMITTED each statement of a trigger function reads what was committed before it.
-- Locks are taken in one order everywhere: the appointment, the service, the firsts rows (by id), then the day rows
-- (by key, in one statement). Lengths are kept in whole microseconds (bigint), so sums are exact in any order.

-- An appointment's length (start to end) in whole microseconds: exact, whatever the order of additions.
CREATE FUNCTION "report_length"(a appointments) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT (extract(epoch FROM a.ends_at - a.starts_at) * 1000000)::bigint
$$;
--> statement-breakpoint
-- What one version of an appointment adds to its day's row, times `sign` (1 to add it, -1 to take it away).
CREATE FUNCTION "report_appointment_figures"(a appointments, sign integer) RETURNS SETOF report_days
LANGUAGE sql STABLE AS $$
  SELECT (a.starts_at AT TIME ZONE l.timezone)::date, a.location_id, a.practitioner_id,
    sign,
    sign * (a.status IN ('arrived', 'completed'))::int,
    sign * (a.status = 'no-show')::int,
    sign * (a.status = 'cancelled')::int,
    sign * (a.status = 'cancelled'
      AND a.cancelled_at > a.starts_at - make_interval(hours => s.cancellation_window_hours) IS TRUE)::int,
    CASE WHEN a.status <> 'cancelled' AND a.class_id IS NULL THEN sign * report_length(a) ELSE 0 END,
    sign * (a.status <> 'cancelled' AND a.source::text <> 'import')::int,
    sign * (a.status <> 'cancelled' AND a.source::text <> 'import' AND EXISTS (
      SELECT 1 FROM intake_responses i WHERE i.appointment_id = a.id AND i.submitted_at < a.starts_at))::int,
    0,
    sign * (a.source::text = 'online')::int,
    sign * (a.source::text IN ('phone', 'staff'))::int,
    sign * (a.source::text = 'waitlist')::int,
    sign * (a.source::text = 'referral')::int,
    sign * (a.source::text = 'import')::int
  FROM locations l, services s
  WHERE l.id = a.location_id AND s.id = a.service_id
$$;
--> statement-breakpoint
-- Adds deltas to their rows, one row per key, in key order (so two transactions lock shared rows in one order).
-- PL/pgSQL rather than SQL, so that its plan is kept for the session.
CREATE FUNCTION "report_days_add"(deltas report_days[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_days AS t
  SELECT d.day, d.location_id, d.practitioner_id,
    coalesce(sum(d.total), 0), coalesce(sum(d.attended), 0), coalesce(sum(d.no_show), 0),
    coalesce(sum(d.cancelled), 0), coalesce(sum(d.late_cancelled), 0), coalesce(sum(d.booked_microseconds), 0),
    coalesce(sum(d.intake_due), 0), coalesce(sum(d.intake_completed), 0), coalesce(sum(d.new_patients), 0),
    coalesce(sum(d.online), 0), coalesce(sum(d.phone), 0), coalesce(sum(d.waitlist), 0),
    coalesce(sum(d.referral), 0), coalesce(sum(d.import), 0)
  FROM unnest(deltas) d
  WHERE d.day IS NOT NULL
  GROUP BY 1, 2, 3
  -- a change that adds up to nothing (a visit moved within its day) leaves its row alone, and unlocked
  HAVING (sum(d.total), sum(d.attended), sum(d.no_show), sum(d.cancelled), sum(d.late_cancelled),
      sum(d.booked_microseconds), sum(d.intake_due), sum(d.intake_completed), sum(d.new_patients), sum(d.online),
      sum(d.phone), sum(d.waitlist), sum(d.referral), sum(d.import))
    IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3
  ON CONFLICT (day, location_id, practitioner_id) DO UPDATE SET
    total = t.total + excluded.total, attended = t.attended + excluded.attended, no_show = t.no_show + excluded.no_show,
    cancelled = t.cancelled + excluded.cancelled, late_cancelled = t.late_cancelled + excluded.late_cancelled,
    booked_microseconds = t.booked_microseconds + excluded.booked_microseconds, intake_due = t.intake_due + excluded.intake_due,
    intake_completed = t.intake_completed + excluded.intake_completed,
    new_patients = t.new_patients + excluded.new_patients, online = t.online + excluded.online,
    phone = t.phone + excluded.phone, waitlist = t.waitlist + excluded.waitlist,
    referral = t.referral + excluded.referral, import = t.import + excluded.import;
END $$;
--> statement-breakpoint
-- A delta of one figure on one row.
CREATE FUNCTION "report_day_delta"(day date, location_id uuid, practitioner_id uuid, figure text, amount bigint)
RETURNS report_days LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_populate_record(NULL::report_days, jsonb_build_object('day', day, 'location_id', location_id,
    'practitioner_id', practitioner_id, figure, amount))
$$;
--> statement-breakpoint
-- Where a patient's new-patient count moves, now that `gone` (an appointment of theirs removed or changed, or null)
-- and `came` (one added or changed, or null) have changed: the deltas, for the caller to add with the rest. The
-- patient's row is locked first, so their changes are judged one transaction after another, each against the first
-- the last one committed.
CREATE FUNCTION "report_patient_first_refresh"(p uuid, gone uuid, came appointments) RETURNS report_days[]
LANGUAGE plpgsql AS $$
DECLARE
  was report_patient_firsts;
  cur report_patient_firsts;
BEGIN
  INSERT INTO report_patient_firsts AS f (patient_id) VALUES (p)
    ON CONFLICT (patient_id) DO UPDATE SET patient_id = f.patient_id RETURNING * INTO was;
  IF was.appointment_id IS NOT NULL AND was.appointment_id IS DISTINCT FROM gone THEN
    -- the first is still there: only an earlier arrival replaces it
    IF came.id IS NULL OR (came.starts_at, came.id) > (was.starts_at, was.appointment_id) THEN
      RETURN '{}';
    END IF;
    SELECT p, came.id, came.starts_at, (came.starts_at AT TIME ZONE l.timezone)::date, came.location_id,
        came.practitioner_id INTO cur
      FROM locations l WHERE l.id = came.location_id;
  ELSE
    SELECT p, a.id, a.starts_at, (a.starts_at AT TIME ZONE l.timezone)::date, a.location_id, a.practitioner_id INTO cur
      FROM appointments a JOIN locations l ON l.id = a.location_id
      WHERE a.patient_id = p ORDER BY a.starts_at, a.id LIMIT 1;
  END IF;
  UPDATE report_patient_firsts SET appointment_id = cur.appointment_id, starts_at = cur.starts_at, day = cur.day,
    location_id = cur.location_id, practitioner_id = cur.practitioner_id
    WHERE patient_id = p;
  IF (was.day, was.location_id, was.practitioner_id) IS NOT DISTINCT FROM (cur.day, cur.location_id, cur.practitioner_id) THEN
    RETURN '{}';
  END IF;
  RETURN ARRAY[report_day_delta(was.day, was.location_id, was.practitioner_id, 'new_patients', -1),
    report_day_delta(cur.day, cur.location_id, cur.practitioner_id, 'new_patients', 1)];
END $$;
--> statement-breakpoint
-- Where a class's minutes move, now that its places changed: its first place that is not cancelled, as deltas.
CREATE FUNCTION "report_class_first_refresh"(c uuid) RETURNS report_days[] LANGUAGE plpgsql AS $$
DECLARE
  was report_class_firsts;
  cur report_class_firsts;
BEGIN
  INSERT INTO report_class_firsts AS f (class_id) VALUES (c)
    ON CONFLICT (class_id) DO UPDATE SET class_id = f.class_id RETURNING * INTO was;
  SELECT c, (a.starts_at AT TIME ZONE l.timezone)::date, a.location_id, a.practitioner_id, report_length(a) INTO cur
    FROM appointments a JOIN locations l ON l.id = a.location_id
    WHERE a.class_id = c AND a.status <> 'cancelled' ORDER BY a.id LIMIT 1;
  IF (was.day, was.location_id, was.practitioner_id, was.microseconds)
      IS NOT DISTINCT FROM (cur.day, cur.location_id, cur.practitioner_id, cur.microseconds) THEN
    RETURN '{}';
  END IF;
  UPDATE report_class_firsts SET day = cur.day, location_id = cur.location_id, practitioner_id = cur.practitioner_id,
    microseconds = cur.microseconds WHERE class_id = c;
  RETURN ARRAY[report_day_delta(was.day, was.location_id, was.practitioner_id, 'booked_microseconds', -was.microseconds),
    report_day_delta(cur.day, cur.location_id, cur.practitioner_id, 'booked_microseconds', cur.microseconds)];
END $$;
--> statement-breakpoint
CREATE FUNCTION "appointments_report_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas report_days[] := '{}';
  k uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.during, OLD.status, OLD.source, OLD.practitioner_id, OLD.location_id, OLD.patient_id,
      OLD.class_id, OLD.service_id, OLD.cancelled_at) IS NOT DISTINCT FROM (NEW.during, NEW.status, NEW.source,
      NEW.practitioner_id, NEW.location_id, NEW.patient_id, NEW.class_id, NEW.service_id, NEW.cancelled_at) THEN
    RETURN NULL;
  END IF;
  -- a late cancellation is judged by the service's window: wait for a change of that window to commit, or hold it off
  IF OLD.status = 'cancelled' OR NEW.status = 'cancelled' THEN
    PERFORM 1 FROM services WHERE id IN (OLD.service_id, NEW.service_id) ORDER BY id FOR SHARE;
  END IF;
  -- the firsts rows, locked in id order, before any day row
  IF TG_OP <> 'UPDATE' OR (OLD.during, OLD.patient_id, OLD.location_id, OLD.practitioner_id)
      IS DISTINCT FROM (NEW.during, NEW.patient_id, NEW.location_id, NEW.practitioner_id) THEN
    FOR k IN SELECT DISTINCT x FROM unnest(ARRAY[OLD.patient_id, NEW.patient_id]) x WHERE x IS NOT NULL ORDER BY x LOOP
      deltas := deltas || report_patient_first_refresh(k,
        CASE WHEN OLD.patient_id = k THEN OLD.id END, CASE WHEN NEW.patient_id = k THEN NEW END);
    END LOOP;
  END IF;
  FOR k IN SELECT DISTINCT x FROM unnest(ARRAY[OLD.class_id, NEW.class_id]) x WHERE x IS NOT NULL ORDER BY x LOOP
    deltas := deltas || report_class_first_refresh(k);
  END LOOP;
  -- a visit given to another patient (a merge) changes only where new patients are counted
  IF TG_OP <> 'UPDATE' OR (OLD.during, OLD.status, OLD.source, OLD.practitioner_id, OLD.location_id, OLD.class_id,
      OLD.service_id, OLD.cancelled_at) IS DISTINCT FROM (NEW.during, NEW.status, NEW.source, NEW.practitioner_id,
      NEW.location_id, NEW.class_id, NEW.service_id, NEW.cancelled_at) THEN
    deltas := deltas || ARRAY(
      SELECT f FROM report_appointment_figures(OLD, -1) f UNION ALL SELECT f FROM report_appointment_figures(NEW, 1) f);
  END IF;
  -- then every day row in one statement, in key order
  IF cardinality(deltas) > 0 THEN
    PERFORM report_days_add(deltas);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "appointments_report_days"
  AFTER INSERT OR DELETE OR UPDATE OF during, status, source, practitioner_id, location_id, patient_id, class_id,
    service_id, cancelled_at ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION "appointments_report_days"();
--> statement-breakpoint
-- Intakes submitted, moved or deleted: an appointment's "completed before the visit" may change. Once per statement,
-- with the statement's old and new rows, so that several versions of one appointment's intake changed together are
-- judged together: before = the intakes now, less the statement's new rows, plus its old ones. Each appointment's
-- row is locked first (in id order), so its start and status cannot change underneath, nor its other intakes.
CREATE FUNCTION "intake_responses_report_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  olds intake_responses[] := '{}';
  news intake_responses[] := '{}';
  a appointments;
  done_before boolean;
  done_after boolean;
  deltas report_days[] := '{}';
BEGIN
  -- (each transition table is named only where it exists: a statement is planned when first run)
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.appointment_id, o.submitted_at) IS DISTINCT FROM (n.appointment_id, n.submitted_at)) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    olds := ARRAY(SELECT o FROM old_rows o);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    news := ARRAY(SELECT n FROM new_rows n);
  END IF;
  FOR a IN SELECT * FROM appointments
      WHERE id IN (SELECT o.appointment_id FROM unnest(olds) o UNION SELECT n.appointment_id FROM unnest(news) n)
      ORDER BY id FOR NO KEY UPDATE LOOP
    CONTINUE WHEN a.status = 'cancelled' OR a.source::text = 'import';
    done_after := EXISTS (SELECT 1 FROM intake_responses i WHERE i.appointment_id = a.id AND i.submitted_at < a.starts_at);
    done_before := EXISTS (SELECT 1 FROM intake_responses i WHERE i.appointment_id = a.id AND i.submitted_at < a.starts_at
        AND i.id NOT IN (SELECT n.id FROM unnest(news) n))
      OR EXISTS (SELECT 1 FROM unnest(olds) o WHERE o.appointment_id = a.id AND o.submitted_at < a.starts_at);
    IF done_before <> done_after THEN
      deltas := deltas || report_day_delta(
        (SELECT (a.starts_at AT TIME ZONE l.timezone)::date FROM locations l WHERE l.id = a.location_id),
        a.location_id, a.practitioner_id, 'intake_completed', CASE WHEN done_after THEN 1 ELSE -1 END);
    END IF;
  END LOOP;
  IF cardinality(deltas) > 0 THEN
    PERFORM report_days_add(deltas);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Transition tables need one trigger per kind of change (and no column list on UPDATE).
CREATE TRIGGER "intake_responses_report_days_insert" AFTER INSERT ON "intake_responses"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "intake_responses_report_days"();
--> statement-breakpoint
CREATE TRIGGER "intake_responses_report_days_update" AFTER UPDATE ON "intake_responses"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "intake_responses_report_days"();
--> statement-breakpoint
CREATE TRIGGER "intake_responses_report_days_delete" AFTER DELETE ON "intake_responses"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "intake_responses_report_days"();
--> statement-breakpoint
-- A service's cancellation window changed: its cancelled appointments are judged late or not again.
CREATE FUNCTION "services_report_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cancellation_window_hours IS NOT DISTINCT FROM OLD.cancellation_window_hours THEN
    RETURN NULL;
  END IF;
  PERFORM report_days_add(ARRAY(
    SELECT report_day_delta((a.starts_at AT TIME ZONE l.timezone)::date, a.location_id, a.practitioner_id,
        'late_cancelled',
        (a.cancelled_at > a.starts_at - make_interval(hours => NEW.cancellation_window_hours) IS TRUE)::int
        - (a.cancelled_at > a.starts_at - make_interval(hours => OLD.cancellation_window_hours) IS TRUE)::int)
      FROM appointments a JOIN locations l ON l.id = a.location_id
      WHERE a.service_id = NEW.id AND a.status = 'cancelled'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "services_report_days" AFTER UPDATE OF cancellation_window_hours ON "services"
  FOR EACH ROW EXECUTE FUNCTION "services_report_days"();
--> statement-breakpoint
-- Every row from scratch: what the kept rows must equal (rows of all zeros aside).
CREATE FUNCTION "report_days_expected"() RETURNS SETOF report_days LANGUAGE sql STABLE AS $$
  SELECT d.day, d.location_id, d.practitioner_id,
    sum(d.total)::int, sum(d.attended)::int, sum(d.no_show)::int, sum(d.cancelled)::int, sum(d.late_cancelled)::int,
    sum(d.booked_microseconds)::bigint, sum(d.intake_due)::int, sum(d.intake_completed)::int, sum(d.new_patients)::int,
    sum(d.online)::int, sum(d.phone)::int, sum(d.waitlist)::int, sum(d.referral)::int, sum(d.import)::int
  FROM (
    SELECT f.* FROM appointments a CROSS JOIN LATERAL report_appointment_figures(a, 1) f
    UNION ALL
    SELECT x.* FROM (SELECT DISTINCT ON (a.patient_id) (a.starts_at AT TIME ZONE l.timezone)::date AS day, a.location_id,
          a.practitioner_id
        FROM appointments a JOIN locations l ON l.id = a.location_id ORDER BY a.patient_id, a.starts_at, a.id) p
      CROSS JOIN LATERAL report_day_delta(p.day, p.location_id, p.practitioner_id, 'new_patients', 1) x
    UNION ALL
    SELECT x.* FROM (SELECT DISTINCT ON (a.class_id) (a.starts_at AT TIME ZONE l.timezone)::date AS day, a.location_id,
          a.practitioner_id, report_length(a) AS microseconds
        FROM appointments a JOIN locations l ON l.id = a.location_id
        WHERE a.class_id IS NOT NULL AND a.status <> 'cancelled' ORDER BY a.class_id, a.id) c
      CROSS JOIN LATERAL report_day_delta(c.day, c.location_id, c.practitioner_id, 'booked_microseconds', c.microseconds) x
  ) d
  GROUP BY 1, 2, 3
$$;
--> statement-breakpoint
-- Where the kept rows and the rows from scratch differ (none, unless something bypassed the triggers): each row that
-- is only on one side, as JSON. `SELECT * FROM report_days_drift()` checks a database; `report_days_rebuild()` mends it.
CREATE FUNCTION "report_days_drift"() RETURNS TABLE (side text, figures jsonb) LANGUAGE sql STABLE AS $$
  WITH kept AS (
    SELECT * FROM report_days k
    WHERE (k.total, k.attended, k.no_show, k.cancelled, k.late_cancelled, k.booked_microseconds, k.intake_due,
      k.intake_completed, k.new_patients, k.online, k.phone, k.waitlist, k.referral, k.import)
      IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ), expected AS (SELECT * FROM report_days_expected())
  SELECT 'kept', to_jsonb(k) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM expected) k
  UNION ALL
  SELECT 'expected', to_jsonb(e) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM kept) e
$$;
--> statement-breakpoint
-- Works every kept row out again (the migration's first fill, and a location's time zone changing: its dates move).
CREATE FUNCTION "report_days_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE appointments, intake_responses, services IN SHARE MODE;
  DELETE FROM report_days;
  DELETE FROM report_patient_firsts;
  DELETE FROM report_class_firsts;
  INSERT INTO report_patient_firsts (patient_id, appointment_id, starts_at, day, location_id, practitioner_id)
    SELECT DISTINCT ON (a.patient_id) a.patient_id, a.id, a.starts_at, (a.starts_at AT TIME ZONE l.timezone)::date,
        a.location_id, a.practitioner_id
      FROM appointments a JOIN locations l ON l.id = a.location_id ORDER BY a.patient_id, a.starts_at, a.id;
  INSERT INTO report_class_firsts (class_id, day, location_id, practitioner_id, microseconds)
    SELECT DISTINCT ON (a.class_id) a.class_id, (a.starts_at AT TIME ZONE l.timezone)::date, a.location_id,
        a.practitioner_id, report_length(a)
      FROM appointments a JOIN locations l ON l.id = a.location_id
      WHERE a.class_id IS NOT NULL AND a.status <> 'cancelled' ORDER BY a.class_id, a.id;
  INSERT INTO report_days SELECT * FROM report_days_expected();
END $$;
--> statement-breakpoint
CREATE FUNCTION "locations_report_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.timezone IS DISTINCT FROM OLD.timezone THEN
    PERFORM report_days_rebuild();
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "locations_report_days" AFTER UPDATE OF timezone ON "locations"
  FOR EACH ROW EXECUTE FUNCTION "locations_report_days"();
--> statement-breakpoint
-- Emptying the appointments empties their figures.
CREATE FUNCTION "appointments_report_days_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_days;
  DELETE FROM report_patient_firsts;
  DELETE FROM report_class_firsts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "appointments_report_days_truncate" AFTER TRUNCATE ON "appointments"
  FOR EACH STATEMENT EXECUTE FUNCTION "appointments_report_days_truncate"();
--> statement-breakpoint
SELECT report_days_rebuild();
