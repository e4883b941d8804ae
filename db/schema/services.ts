import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { locationDisciplines, locations } from "./locations";
import { disciplineEnum, SLUG_PATTERN } from "./types";

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    discipline: disciplineEnum("discipline").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    capacity: integer("capacity").notNull().default(1),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    horizonDays: integer("horizon_days").notNull().default(56),
    cancellationWindowHours: integer("cancellation_window_hours").notNull().default(24),
    // What the patient pays, in Australian cents: null shows no fee; 0 is shown as "Bulk billed" (Medicare pays it all).
    feeCents: integer("fee_cents"),
    stepMinutes: integer("step_minutes").notNull().default(15),
    online: boolean("online").notNull().default(false),
    active: boolean("active").notNull().default(true),
    // false: bookable by staff only (phone bookings); it leaves the public lists and the public booking API refuses it
    bookableOnline: boolean("bookable_online").notNull().default(true),
  },
  (t) => [
    unique("services_id_discipline").on(t.id, t.discipline),
    check("services_slug_format", sql`${t.slug} ~ ${sql.raw(`'${SLUG_PATTERN}'`)}`),
    check("services_duration_positive", sql`${t.durationMinutes} between 5 and 480`),
    check("services_fee_non_negative", sql`${t.feeCents} is null or ${t.feeCents} between 0 and 10000000`),
    check("services_capacity_positive", sql`${t.capacity} between 1 and 100`),
    check("services_buffers_non_negative", sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    check(
      "services_rules_non_negative",
      sql`${t.minNoticeMinutes} >= 0 and ${t.horizonDays} > 0 and ${t.cancellationWindowHours} >= 0 and ${t.stepMinutes} between 5 and 240`,
    ),
  ],
);

export const serviceLocations = pgTable(
  "service_locations",
  {
    serviceId: uuid("service_id").notNull(),
    locationId: uuid("location_id").notNull(),
    discipline: disciplineEnum("discipline").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.locationId] }),
    foreignKey({ columns: [t.serviceId, t.discipline], foreignColumns: [services.id, services.discipline] }).onUpdate(
      "cascade",
    ),
    foreignKey({
      columns: [t.locationId, t.discipline],
      foreignColumns: [locationDisciplines.locationId, locationDisciplines.discipline],
    }),
    foreignKey({ columns: [t.locationId], foreignColumns: [locations.id] }),
  ],
);
