import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { practitioners } from "./practitioners";
import { staffRoleEnum } from "./types";

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: staffRoleEnum("role").notNull(),
    practitionerId: uuid("practitioner_id")
      .unique()
      .references(() => practitioners.id),
    passwordHash: text("password_hash").notNull(),
    // bumped to end every session of this account at once (disable, password change)
    sessionVersion: integer("session_version").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    // TOTP (RFC 6238): the secret sealed with AES-GCM (key outside the database), set once enrolment is confirmed
    mfaSecret: text("mfa_secret"),
    mfaEnabledAt: timestamp("mfa_enabled_at", { withTimezone: true }),
    // the last 30-second step accepted, so a code cannot be used twice
    mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
    // demo accounts only (db/seed): may sign in without MFA even where it is required, so a trial works
    mfaExempt: boolean("mfa_exempt").notNull().default(false),
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
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

/** Ten single-use MFA recovery codes per enrolment, stored as argon2 hashes. */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_recovery_codes_user_idx").on(t.userId)],
);

/** Emailed password-reset links: only the token's SHA-256 is kept; single use, one hour. */
export const staffPasswordResets = pgTable(
  "staff_password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_password_resets_user_idx").on(t.userId)],
);

/**
 * Invitations to set a first password, emailed when an admin creates an account: only the token's SHA-256 is kept;
 * single use, 72 hours. An account with an unused invitation and no password of its own is "invited".
 */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Set when a newer invitation replaces this one, or the account is deactivated. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    invitedBy: uuid("invited_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_invitations_user_idx").on(t.userId)],
);
