import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { disciplineEnum, SLUG_PATTERN } from "./types";

export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    timezone: text("timezone").notNull(),
    address: text("address"),
    phone: text("phone"),
    online: boolean("online").notNull().default(false),
    // date-holidays region code, e.g. "AU-NSW"; null means no public holidays apply
    holidayRegion: text("holiday_region"),
    // an inactive location offers no time and leaves the public lists; its appointments stay
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("locations_slug_format", sql`${t.slug} ~ ${sql.raw(`'${SLUG_PATTERN}'`)}`),
    check("locations_address_unless_online", sql`${t.online} or ${t.address} is not null`),
  ],
);

/** Which disciplines a location offers; services and practitioners may only be placed where their discipline is offered. */
export const locationDisciplines = pgTable(
  "location_disciplines",
  {
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id),
    discipline: disciplineEnum("discipline").notNull(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.discipline] })],
);

export const closures = pgTable(
  "closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locationId: uuid("location_id").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.locationId], foreignColumns: [locations.id] }),
    check("closures_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    index("closures_location_idx").on(t.locationId, t.startsOn),
  ],
);

/** A public holiday on which this location opens anyway ("open this day"); other days are unaffected. */
export const locationOpenDays = pgTable(
  "location_open_days",
  {
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id),
    date: date("date").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.date] })],
);
