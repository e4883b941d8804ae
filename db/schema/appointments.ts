import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { locations } from "./locations";
import { patients } from "./patients";
import { practitionerLocations, practitioners } from "./practitioners";
import { serviceLocations, services } from "./services";
import { appointmentStatusEnum, bookingSourceEnum, tstzrange } from "./types";

/** One occurrence of a group class: a single block of the practitioner's time that several patients book into. */
export const classes = pgTable(
  "classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull(),
    locationId: uuid("location_id").notNull(),
    practitionerId: uuid("practitioner_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    // kept by a trigger on appointments; the check makes an over-full class impossible, even under races
    bookedCount: integer("booked_count").notNull().default(0),
  },
  (t) => [
    foreignKey({
      columns: [t.serviceId, t.locationId],
      foreignColumns: [serviceLocations.serviceId, serviceLocations.locationId],
    }),
    foreignKey({
      columns: [t.practitionerId, t.locationId],
      foreignColumns: [practitionerLocations.practitionerId, practitionerLocations.locationId],
    }),
    unique("classes_practitioner_start").on(t.practitionerId, t.startsAt),
    check("classes_capacity_positive", sql`${t.capacity} >= 1`),
    check("classes_not_over_full", sql`${t.bookedCount} between 0 and ${t.capacity}`),
    check("classes_ordered", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    classId: uuid("class_id").references(() => classes.id),
    during: tstzrange("during").notNull(),
    // the time the practitioner is taken up, buffers included; the exclusion constraint works on this
    blocked: tstzrange("blocked").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`lower(during)`),
    endsAt: timestamp("ends_at", { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`upper(during)`),
    // one-to-one visits block alone; the places in one class share its key and so may overlap each other
    blockKey: uuid("block_key")
      .notNull()
      .generatedAlwaysAs(sql`coalesce(class_id, id)`),
    status: appointmentStatusEnum("status").notNull().default("booked"),
    source: bookingSourceEnum("source").notNull().default("online"),
    // a directory's deep link: its `source` parameter (who referred) and `booking-referral` (their reference)
    referralSource: text("referral_source"),
    bookingReferral: text("booking_referral"),
    notes: text("notes"),
    triageId: uuid("triage_id"),
    manageTokenHash: text("manage_token_hash").notNull().unique(),
    intakeTokenHash: text("intake_token_hash").notNull().unique(),
    needsCall: boolean("needs_call").notNull().default(false),
    calledAt: timestamp("called_at", { withTimezone: true }),
    // what reception noted when they called back a patient whose intake needed a call (read by staff only)
    callNote: text("call_note"),
    // Set when a clinic setup change (roster, leave, closure, holiday) leaves this booking outside working time;
    // cleared when it is moved, or when a later change puts its time back inside. A stored flag rather than computed
    // live: the calendar and the count on every reception page then read one indexed column instead of expanding
    // every practitioner's roster, leave and holidays per request, and the count stays exact because every change
    // of working time re-evaluates the bookings it touches in its own transaction (lib/setup/needs-moving.ts).
    needsMovingSince: timestamp("needs_moving_since", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    // "patient", "system" or a staff user id
    cancelledBy: text("cancelled_by"),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.serviceId, t.locationId],
      foreignColumns: [serviceLocations.serviceId, serviceLocations.locationId],
    }),
    foreignKey({
      columns: [t.practitionerId, t.locationId],
      foreignColumns: [practitionerLocations.practitionerId, practitionerLocations.locationId],
    }),
    check("appointments_blocked_covers_visit", sql`${t.blocked} @> ${t.during} and not isempty(${t.during})`),
    check(
      "appointments_referral_short",
      sql`coalesce(length(${t.referralSource}), 0) <= 100 and coalesce(length(${t.bookingReferral}), 0) <= 200`,
    ),
    check("appointments_cancel_reason", sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    index("appointments_location_start_idx").on(t.locationId, t.startsAt),
    index("appointments_practitioner_start_idx").on(t.practitionerId, t.startsAt),
    // a patient's appointments in order: their first ever one (new patients in reports) is the first entry
    index("appointments_patient_start_idx").on(t.patientId, t.startsAt, t.id),
    index("appointments_class_idx").on(t.classId),
    // the "Needs a call" count is on every staff page: a handful of rows, found without reading the whole table
    index("appointments_needs_call_idx")
      .on(t.startsAt)
      .where(sql`${t.needsCall} and ${t.calledAt} is null`),
    // the "needs moving" count reception sees: a handful of flagged bookings
    index("appointments_needs_moving_idx")
      .on(t.startsAt)
      .where(sql`${t.needsMovingSince} is not null and ${t.status} = 'booked'`),
  ],
);

/** A replayed Idempotency-Key returns the first answer instead of booking twice. */
export const idempotencyKeys = pgTable("idempotency_keys", {
  key: text("key").primaryKey(),
  requestHash: text("request_hash").notNull(),
  statusCode: integer("status_code").notNull(),
  response: text("response").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
