import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    // stored lower-cased so that matching by email and date of birth is exact; null when reception booked by phone
    // without one (no email is sent to such a patient)
    email: text("email"),
    phone: text("phone").notNull(),
    /** Null when reception booked by phone without it: the age is then unknown to intake and triage. */
    dateOfBirth: date("date_of_birth"),
    /**
     * Set on a provisional record made by an online booking whose email and date of birth matched this patient: the
     * booker may not be them, so nothing of theirs is shown or changed until reception merges the two (docs/security.md).
     */
    possibleDuplicateOf: uuid("possible_duplicate_of").references((): AnyPgColumn => patients.id),
    /** When reception decided the provisional record is a different person (twins sharing a parent's email). */
    duplicateReviewedAt: timestamp("duplicate_reviewed_at", { withTimezone: true }),
    /** Set once this record has been merged into another: its appointments and intakes now belong to that one. */
    mergedInto: uuid("merged_into").references((): AnyPgColumn => patients.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one record of record per email and date of birth; provisional and merged ones stand aside, and a record
    // missing either (a phone booking) never conflicts: nulls are distinct in a unique index
    uniqueIndex("patients_email_dob")
      .on(t.email, t.dateOfBirth)
      .where(sql`possible_duplicate_of is null and merged_into is null`),
    check("patients_email_lower", sql`${t.email} = lower(${t.email})`),
    check("patients_not_own_duplicate", sql`${t.possibleDuplicateOf} <> ${t.id} and ${t.mergedInto} <> ${t.id}`),
    index("patients_name_idx").on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
    index("patients_phone_idx").on(t.phone),
    index("patients_possible_duplicate_idx").on(t.possibleDuplicateOf),
    // the online booking caps count by normalised email (lib/scheduling/online-booking-caps.ts)
    index("patients_normalised_email_idx").on(sql`regexp_replace(${t.email}, '\\+[^@]*@', '@')`),
  ],
);
