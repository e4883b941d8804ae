import { sql } from "drizzle-orm";
import { check, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The clinic group's identity, one row (id 1): shown on the public pages and in emails. A null column falls back to
 * the environment's value (CLINIC_NAME, CLINIC_PHONE, MAIL_FROM, PUBLIC_BASE_URL), so an empty table changes nothing.
 */
export const clinicSettings = pgTable(
  "clinic_settings",
  {
    id: smallint("id").primaryKey().default(1),
    name: text("name"),
    phone: text("phone"),
    senderEmail: text("sender_email"),
    publicBaseUrl: text("public_base_url"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("clinic_settings_one_row", sql`${t.id} = 1`)],
);
