import { customType, pgEnum } from "drizzle-orm/pg-core";

export const disciplineEnum = pgEnum("discipline", ["sports-physio", "exercise-physiology"]);
export const staffRoleEnum = pgEnum("staff_role", ["admin", "reception", "practitioner"]);
export const appointmentStatusEnum = pgEnum("appointment_status", [
  "booked",
  "arrived",
  "completed",
  "no-show",
  "cancelled",
]);
// "waitlist": booked by accepting a wait-list offer; "referral": booked online through a directory's deep link
// (SMART Scheduling Links `source` / `booking-referral` parameters, kept in the appointment's referral columns).
export const bookingSourceEnum = pgEnum("booking_source", [
  "online",
  "phone",
  "staff",
  "import",
  "waitlist",
  "referral",
]);
export type BookingSource = (typeof bookingSourceEnum.enumValues)[number];
/** The one place an appointment's statuses are written; everything else takes the type from here. */
export type AppointmentStatus = (typeof appointmentStatusEnum.enumValues)[number];
export const intakeStatusEnum = pgEnum("intake_status", ["in-progress", "completed"]);

/** Written as a literal "[start,end)"; read back through the generated starts_at/ends_at columns instead. */
export const tstzrange = customType<{ data: { start: Date; end: Date }; driverData: string }>({
  dataType() {
    return "tstzrange";
  },
  toDriver(value) {
    return `[${value.start.toISOString()},${value.end.toISOString()})`;
  },
  fromDriver(value) {
    const m = /^[[(]"?([^",]+)"?,"?([^")]+)"?[)\]]$/.exec(value);
    if (!m) throw new Error("Unreadable tstzrange");
    return { start: new Date(m[1]!), end: new Date(m[2]!) };
  },
});

export const SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

/** Raw bytes; both drivers (postgres-js, PGlite) hand back a Uint8Array (a Buffer is one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
  dataType() {
    return "bytea";
  },
  toDriver(value) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  },
  fromDriver(value) {
    if (typeof value === "string") return new Uint8Array(Buffer.from(value.replace(/^\\x/, ""), "hex"));
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
});
