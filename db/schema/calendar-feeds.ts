import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practitioners } from "./practitioners";

/**
 * A practitioner's private calendar feed (GET /api/v1/calendar/{secret}.ics). The secret is found by its hash; the
 * sealed copy (AES-GCM, key outside the database) lets the practitioner's own page show the address again.
 * Replacing the secret replaces the row's values, so the old address stops working at once.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  practitionerId: uuid("practitioner_id")
    .primaryKey()
    .references(() => practitioners.id),
  secretHash: text("secret_hash").notNull().unique(),
  secretSealed: text("secret_sealed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
