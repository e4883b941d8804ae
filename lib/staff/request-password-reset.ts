import "server-only";
import { readClinicIdentity } from "@/lib/setup/clinic-identity";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { staffPasswordResets, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrors, RateLimited, ValidationFailed } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { enqueueStaffPasswordResetEmail, type EnqueueOptions } from "@/lib/notifications/enqueue";
import { hashToken, newToken } from "@/lib/security/tokens";
import { forgotPasswordSchema } from "./account-schemas";

export const RESET_LINK_MINUTES = 60;
export const RESETS_PER_ADDRESS_PER_HOUR = 10;
export const RESETS_PER_ACCOUNT_PER_HOUR = 3;

/**
 * "Forgot password?": emails a single-use link to an active staff account with that email. The answer is the same
 * whether or not there is one (no account enumeration); only the per-address limit shows, as a 429.
 */
export async function requestPasswordReset(db: Db, raw: unknown, ip: string, opts: EnqueueOptions = {}): Promise<void> {
  const started = Date.now();
  await sendResetLink(db, raw, ip, opts);
  // every answer takes at least as long, so timing does not tell a known email from an unknown one
  await new Promise((r) => setTimeout(r, Math.max(0, MIN_ANSWER_MS - (Date.now() - started))));
}

const MIN_ANSWER_MS = 300;

async function sendResetLink(db: Db, raw: unknown, ip: string, opts: EnqueueOptions): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { email } = parsed.data;
  await enforceRateLimit(
    db,
    `password-reset:address:${ip}`,
    RESETS_PER_ADDRESS_PER_HOUR,
    3600,
    "Too many requests. Wait a while, then try again.",
  );
  try {
    // counted for every email alike, so a silent stop says nothing about whether the account exists
    await enforceRateLimit(db, `password-reset:account:${email}`, RESETS_PER_ACCOUNT_PER_HOUR, 3600);
  } catch (error) {
    if (error instanceof RateLimited) return;
    throw error;
  }
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const anonymous = { kind: "anonymous" as const, ip };
  if (!user || user.disabledAt) {
    await recordAudit(db, anonymous, {
      action: "account.password-reset-request",
      outcome: "failed",
      detail: { reason: user ? "disabled" : "unknown-email" },
    });
    return;
  }
  await db.transaction(async (tx) => {
    await issuePasswordResetLink(tx, user, opts);
    await recordAudit(tx, anonymous, {
      action: "account.password-reset-request",
      entityType: "staff_user",
      entityId: user.id,
    });
  });
}

/**
 * Stores a new single-use reset link for the account and queues its email, in the caller's transaction (which also
 * writes the audit row): used by "Forgot password?" and by an admin sending a link from the staff screen.
 */
export async function issuePasswordResetLink(
  tx: Db | Tx,
  user: { id: string; email: string; name: string },
  opts: EnqueueOptions = {},
): Promise<void> {
  const token = newToken();
  const resetUrl = new URL(`/login/reset/${token}`, (await readClinicIdentity(tx)).publicBaseUrl).toString();
  await tx.insert(staffPasswordResets).values({
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
  });
  await enqueueStaffPasswordResetEmail(tx, { email: user.email, name: user.name, resetUrl }, opts);
}
