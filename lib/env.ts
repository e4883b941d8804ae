import { z } from "zod";

// The only reader of process.env: every setting is parsed once, here, with a clear message when wrong.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // prepare each statement once per connection (turn off behind a transaction-mode pooler such as PgBouncer)
  DATABASE_PREPARE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // the role the app works as on Postgres (SET on every connection; migrations run as the login user, the owner); it
  // may only add to the audit log. Empty: no role change. See db/migrations/0008_audit_log_app_role.sql
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,62})?$/, "a Postgres role name, or empty")
    .default("clinic_app"),
  DATA_DIR: z.string().default(".data"),
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32).optional(),
  DEMO_PASSWORD: z.string().min(8).default("clinic-demo-2026"),
  // "false": an empty embedded database stays empty (a real clinic's first run: `admin:create`, then the setup screens)
  DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  SMTP_URL: z.string().optional(),
  // the clinic group's identity in every email and calendar entry (the demo clinic's by default); MAIL_FROM is its sender
  CLINIC_NAME: z.string().trim().min(1).default("Harbour Physio Group"),
  CLINIC_PHONE: z.string().trim().min(1).default("(02) 9000 4100"),
  MAIL_FROM: z.string().default("Harbour Physio Group <bookings@demo.clinic>"),
  // where "an intake needs your attention" goes besides the treating practitioner (unset: the practitioner only)
  CLINIC_RECEPTION_EMAIL: z
    .string()
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // "auto": the email worker runs inside the app on the embedded database, and as `npm run worker` on Postgres
  NOTIFICATIONS_WORKER: z.enum(["auto", "in-app", "off"]).default("auto"),
  // seals the manage/intake links kept in queued email jobs; falls back to AUTH_SECRET, then a key file in DATA_DIR
  NOTIFICATIONS_KEY: z.string().min(32).optional(),
  // proxies in front of the app that append to X-Forwarded-For; the client address is read that far from the right.
  // 0: no proxy, the client address is the socket's (X-Forwarded-For is ignored)
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // "true": a production server refuses to start while TRUSTED_PROXY_HOPS is 0 (for operators who always run behind one)
  REQUIRE_TRUSTED_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  // failed staff sign-ins a minute from one client address before that address waits a minute
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  // staff two-step sign-in (TOTP): "required" makes admins and practitioners enrol; default "required" in production
  STAFF_MFA: z.enum(["required", "optional", "off"]).optional(),
  // future bookings one email address (lower-cased, +tag removed) or one patient may hold when booking online
  ONLINE_FUTURE_BOOKINGS_MAX: z.coerce.number().int().min(1).max(100).default(3),
  // wait list: entries offered a freed time at once, and how long each offer holds the time for them
  WAITLIST_OFFER_BATCH: z.coerce.number().int().min(1).max(50).default(3),
  WAITLIST_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = Omit<z.infer<typeof schema>, "STAFF_MFA"> & { STAFF_MFA: "required" | "optional" | "off" };

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment settings:\n${lines.join("\n")}`);
  }
  return {
    ...parsed.data,
    STAFF_MFA: parsed.data.STAFF_MFA ?? (parsed.data.NODE_ENV === "production" ? "required" : "optional"),
  };
}

export const env: Env = parseEnv();
