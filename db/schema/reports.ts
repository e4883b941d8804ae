import { bigint, date, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";

// The reports' figures, kept by the database itself: triggers on appointments, intake_responses, services and
// locations (db/migrations/0023_report_days_triggers.sql) change these rows in the same transaction as the change
// they follow, so they are never behind. The definitions are those of docs/reports.md; `report_days_expected()`
// works the same rows out from scratch, and tests compare the two.

const count = (name: string) => integer(name).notNull().default(0);

/** One row per practitioner, location and local date (in the location's zone) that has had an appointment. */
export const reportDays = pgTable(
  "report_days",
  {
    day: date("day").notNull(),
    locationId: uuid("location_id").notNull(),
    practitionerId: uuid("practitioner_id").notNull(),
    total: count("total"),
    attended: count("attended"),
    noShow: count("no_show"),
    cancelled: count("cancelled"),
    lateCancelled: count("late_cancelled"),
    // length of the appointments that are not cancelled, each class once (on its first place that is not cancelled),
    // in whole microseconds: sums of integers are exact in any order, as a running total must be
    bookedMicroseconds: bigint("booked_microseconds", { mode: "number" }).notNull().default(0),
    intakeDue: count("intake_due"),
    intakeCompleted: count("intake_completed"),
    newPatients: count("new_patients"),
    online: count("online"),
    phone: count("phone"),
    waitlist: count("waitlist"),
    referral: count("referral"),
    import: count("import"),
  },
  (t) => [primaryKey({ columns: [t.day, t.locationId, t.practitionerId] })],
);

/** Where each patient's first ever appointment is counted as a new patient (null: no appointment any more). */
export const reportPatientFirsts = pgTable("report_patient_firsts", {
  patientId: uuid("patient_id").primaryKey(),
  // that appointment and its start, so that a later booking is judged without looking the patient's visits up
  appointmentId: uuid("appointment_id"),
  startsAt: timestamp("starts_at", { withTimezone: true }),
  day: date("day"),
  locationId: uuid("location_id"),
  practitionerId: uuid("practitioner_id"),
});

/** Where each class's minutes are counted: its first place (by id) that is not cancelled (null: none). */
export const reportClassFirsts = pgTable("report_class_firsts", {
  classId: uuid("class_id").primaryKey(),
  day: date("day"),
  locationId: uuid("location_id"),
  practitionerId: uuid("practitioner_id"),
  microseconds: bigint("microseconds", { mode: "number" }),
});
