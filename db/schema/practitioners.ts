import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { locationDisciplines, locations } from "./locations";
import { serviceLocations, services } from "./services";
import { bytea, disciplineEnum, SLUG_PATTERN } from "./types";

export const practitioners = pgTable(
  "practitioners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    discipline: disciplineEnum("discipline").notNull(),
    title: text("title").notNull(),
    bio: text("bio").notNull().default(""),
    /** As patients read them, e.g. "BPhty (Hons), MSportsPhysio". */
    qualifications: text("qualifications").notNull().default(""),
    /** AHPRA registration: the profession's three letters and ten digits (PHY0001234567); null for professions it
     * does not register (exercise physiologists are accredited by ESSA instead). */
    ahpraNumber: text("ahpra_number").unique(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    unique("practitioners_id_discipline").on(t.id, t.discipline),
    check("practitioners_slug_format", sql`${t.slug} ~ ${sql.raw(`'${SLUG_PATTERN}'`)}`),
    check("practitioners_ahpra_format", sql`${t.ahpraNumber} ~ '^[A-Z]{3}[0-9]{10}$'`),
  ],
);

/**
 * A practitioner's photo, uploaded by an admin and served by this site (GET /api/v1/practitioners/{slug}/photo), so
 * no other host sees who opens the booking page. Only PNG, JPEG or WebP, judged by their bytes; at most 1 MB.
 */
export const practitionerPhotos = pgTable(
  "practitioner_photos",
  {
    practitionerId: uuid("practitioner_id")
      .primaryKey()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    /** Hex sha256 of the bytes: the ETag. */
    sha256: text("sha256").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("practitioner_photos_type", sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`),
    check("practitioner_photos_size", sql`octet_length(${t.bytes}) between 1 and 1048576`),
  ],
);

/** Where a practitioner works; the composite keys refuse a location that does not offer their discipline. */
export const practitionerLocations = pgTable(
  "practitioner_locations",
  {
    practitionerId: uuid("practitioner_id").notNull(),
    locationId: uuid("location_id").notNull(),
    discipline: disciplineEnum("discipline").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practitionerId, t.locationId] }),
    foreignKey({
      columns: [t.practitionerId, t.discipline],
      foreignColumns: [practitioners.id, practitioners.discipline],
    }),
    foreignKey({
      columns: [t.locationId, t.discipline],
      foreignColumns: [locationDisciplines.locationId, locationDisciplines.discipline],
    }),
    foreignKey({ columns: [t.locationId], foreignColumns: [locations.id] }),
  ],
);

/** A weekly working window at one location. `serviceId` set = a block dedicated to that service (group classes). */
export const rosterEntries = pgTable(
  "roster_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practitionerId: uuid("practitioner_id").notNull(),
    locationId: uuid("location_id").notNull(),
    weekday: smallint("weekday").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    serviceId: uuid("service_id"),
    // A rotation of 1 to 4 weeks; this entry works in week `week` of it, week 1 being the Monday-to-Sunday week that
    // holds valid_from. Rows from before rotations are a one-week rotation (1, 1).
    rotationWeeks: smallint("rotation_weeks").notNull().default(1),
    week: smallint("week").notNull().default(1),
  },
  (t) => [
    foreignKey({
      columns: [t.practitionerId, t.locationId],
      foreignColumns: [practitionerLocations.practitionerId, practitionerLocations.locationId],
    }),
    foreignKey({
      columns: [t.serviceId, t.locationId],
      foreignColumns: [serviceLocations.serviceId, serviceLocations.locationId],
    }),
    foreignKey({ columns: [t.serviceId], foreignColumns: [services.id] }),
    check("roster_weekday_iso", sql`${t.weekday} between 1 and 7`),
    check("roster_window_ordered", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "roster_rotation_weeks",
      sql`${t.rotationWeeks} between 1 and 4 and ${t.week} between 1 and ${t.rotationWeeks}`,
    ),
    check("roster_validity_ordered", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    index("roster_location_idx").on(t.locationId, t.weekday),
    index("roster_practitioner_idx").on(t.practitionerId, t.locationId, t.validFrom),
  ],
);

export const rosterBreaks = pgTable(
  "roster_breaks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rosterEntryId: uuid("roster_entry_id")
      .notNull()
      .references(() => rosterEntries.id, { onDelete: "cascade" }),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
  },
  // the slot engine's statement reads each roster entry's breaks by this key
  (t) => [
    check("roster_break_ordered", sql`${t.endsAt} > ${t.startsAt}`),
    index("roster_breaks_entry_idx").on(t.rosterEntryId),
  ],
);

export const leave = pgTable(
  "leave",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull().default("Leave"),
    // Whole-day leave keeps its dates: it covers those days in the zone of each location the practitioner works at,
    // while starts_at/ends_at hold the widest instants across those zones (for overlap queries).
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
  },
  (t) => [
    check("leave_ordered", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "leave_dates_ordered",
      sql`(${t.startsOn} is null) = (${t.endsOn} is null) and (${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn})`,
    ),
    index("leave_practitioner_idx").on(t.practitionerId, t.startsAt),
  ],
);
