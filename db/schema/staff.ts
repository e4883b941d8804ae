import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practitioners } from "./practitioners";
import { staffRoleEnum } from "./types";

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: staffRoleEnum("role").notNull(),
    practitionerId: uuid("practitioner_id").unique().references(() => practitioners.id),
    passwordHash: text("password_hash").notNull(),
    // bumped to end every session of this account at once (disable, password change)
    sessionVersion: integer("session_version").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("staff_email_lower", sql`${t.email} = lower(${t.email})`),
    check("staff_practitioner_role", sql`(${t.role} = 'practitioner') = (${t.practitionerId} is not null)`),
  ],
);

/** Fixed-window counters shared by every app process (API rate limits, sign-in throttling). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
    /** The end of the window; a row past it counts nothing and may be deleted. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_expires_idx").on(t.expiresAt)],
);

/** Server-side record of each staff sign-in: the cookie only names it, so idle and absolute timeouts and sign-out hold. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);
