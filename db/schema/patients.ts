import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    // stored lower-cased so that matching by email and date of birth is exact
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    dateOfBirth: date("date_of_birth").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("patients_email_dob").on(t.email, t.dateOfBirth),
    check("patients_email_lower", sql`${t.email} = lower(${t.email})`),
    index("patients_name_idx").on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
    index("patients_phone_idx").on(t.phone),
  ],
);
