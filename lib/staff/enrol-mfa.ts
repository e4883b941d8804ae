import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "@/db/client";
import { staffRecoveryCodes, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrors, ValidationFailed } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { seal, unseal } from "@/lib/notifications/secrets";
import { newTotpSecret, totpUri, verifyTotp } from "@/lib/security/totp";
import { confirmMfaSchema } from "./account-schemas";
import type { SessionActor } from "./account-types";
import { hashRecoveryCode, newRecoveryCodes } from "./second-factor";

const ISSUER = "Harbour Physio staff";
const ENROLMENT_MINUTES = 15;

export interface MfaEnrolment {
  /** The new secret sealed for this user and a quarter of an hour, handed back with the first code. */
  sealed: string;
  /** For typing into an app that cannot scan. */
  secret: string;
  /** The otpauth:// URI drawn as an SVG QR code. */
  qrSvg: string;
}

/** A fresh TOTP secret to scan; nothing is stored until the member proves their app has it. */
export async function startMfaEnrolment(actor: SessionActor): Promise<MfaEnrolment> {
  const secret = newTotpSecret();
  const sealed = seal({
    purpose: "mfa-enrol",
    userId: actor.userId,
    secret,
    until: Date.now() + ENROLMENT_MINUTES * 60_000,
  });
  const qrSvg = await QRCode.toString(totpUri(secret, actor.email, ISSUER), {
    type: "svg",
    margin: 1,
    width: 200,
    errorCorrectionLevel: "M",
  });
  return { sealed, secret, qrSvg };
}

/**
 * Turns two-step sign-in on once the member enters a code from the new secret; returns ten recovery codes, shown
 * this once (only their hashes are kept; any earlier ones stop working).
 */
export async function confirmMfaEnrolment(
  db: Db,
  actor: SessionActor,
  sealed: string,
  raw: unknown,
): Promise<{ recoveryCodes: string[] }> {
  const parsed = confirmMfaSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  await enforceRateLimit(
    db,
    `mfa-enrol:${actor.userId}`,
    10,
    300,
    "Too many attempts. Wait a few minutes, then try again.",
  );
  let pending: { purpose?: string; userId?: string; secret?: string; until?: number };
  try {
    pending = unseal(String(sealed));
  } catch {
    pending = {};
  }
  if (
    pending.purpose !== "mfa-enrol" ||
    pending.userId !== actor.userId ||
    !pending.secret ||
    !pending.until ||
    pending.until < Date.now()
  ) {
    throw new ValidationFailed({ code: "This set-up has expired. Reload the page and scan the new code." });
  }
  const step = await verifyTotp(pending.secret, parsed.data.code.replace(/\s+/g, ""), null);
  if (step === null) {
    await recordAudit(db, actor, {
      action: "account.mfa-enrol",
      outcome: "failed",
      entityType: "staff_user",
      entityId: actor.userId,
    });
    throw new ValidationFailed({
      code: "That code doesn’t match. Check the time on your phone and try the next code.",
    });
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ mfaSecret: seal({ secret: pending.secret }), mfaEnabledAt: new Date(), mfaLastStep: step })
      .where(eq(staffUsers.id, actor.userId));
    await tx
      .update(staffRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(staffRecoveryCodes.userId, actor.userId), isNull(staffRecoveryCodes.usedAt)));
    await tx.insert(staffRecoveryCodes).values(hashes.map((codeHash) => ({ userId: actor.userId, codeHash })));
    await recordAudit(tx, actor, { action: "account.mfa-enrol", entityType: "staff_user", entityId: actor.userId });
  });
  return { recoveryCodes };
}
