import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { locations } from "./locations";
import { patients } from "./patients";
import { practitioners } from "./practitioners";
import { serviceLocations, services } from "./services";
import { tstzrange } from "./types";

export const waitlistStatusEnum = pgEnum("waitlist_status", ["waiting", "offered", "booked", "expired", "left"]);
export const waitlistOfferStatusEnum = pgEnum("waitlist_offer_status", ["open", "accepted", "withdrawn", "expired"]);

/** A patient waiting for a time at one location and service: with one practitioner or anyone, within a date range. */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id),
    // null: anyone who gives the service there
    practitionerId: uuid("practitioner_id").references(() => practitioners.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    // local dates in the location's zone, both included
    earliest: date("earliest").notNull(),
    latest: date("latest").notNull(),
    // empty: any part of the day
    partsOfDay: text("parts_of_day")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: waitlistStatusEnum("status").notNull().default("waiting"),
    urgent: boolean("urgent").notNull().default(false),
    source: text("source").notNull().default("online"),
    triageId: uuid("triage_id"),
    manageTokenHash: text("manage_token_hash").notNull().unique(),
    // the manage link sealed with the notifications key: the offer emails sent later carry it
    manageUrlSealed: text("manage_url_sealed").notNull(),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.serviceId, t.locationId],
      foreignColumns: [serviceLocations.serviceId, serviceLocations.locationId],
    }),
    check("waitlist_entries_dates_ordered", sql`${t.latest} >= ${t.earliest}`),
    check("waitlist_entries_parts_known", sql`${t.partsOfDay} <@ array['morning','afternoon','evening']::text[]`),
    check("waitlist_entries_booked_has_booking", sql`(${t.status} = 'booked') = (${t.appointmentId} is not null)`),
    index("waitlist_entries_matching_idx").on(t.locationId, t.serviceId, t.status),
    index("waitlist_entries_patient_idx").on(t.patientId),
  ],
);

/**
 * One time offered to one entry. The unique key (entry, practitioner, start) means a time is never offered to the
 * same entry twice, and the partial unique index means an entry holds at most one open offer; `emailed_at` marks the
 * offer email sent, under the offer row's lock.
 */
export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // the practitioner's time the offer holds from the public, buffers included (as an appointment's `blocked`)
    blocked: tstzrange("blocked").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    status: waitlistOfferStatusEnum("status").notNull().default("open"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    unique("waitlist_offers_once_per_entry").on(t.entryId, t.practitionerId, t.startsAt),
    uniqueIndex("waitlist_offers_one_open_per_entry")
      .on(t.entryId)
      .where(sql`status = 'open'`),
    check("waitlist_offers_ordered", sql`${t.endsAt} > ${t.startsAt}`),
    index("waitlist_offers_open_idx")
      .on(t.practitionerId, t.expiresAt)
      .where(sql`status = 'open'`),
    index("waitlist_offers_time_idx").on(t.practitionerId, t.startsAt),
  ],
);
