import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, or, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffRecoveryCodes, staffUsers } from "@/db/schema";
import { unseal } from "@/lib/notifications/secrets";
import { hashPassword, verifyPassword } from "@/lib/security/password";
import { verifyTotp } from "@/lib/security/totp";

// Recovery codes: 10 characters from an alphabet with no 0/O or 1/l/I, about 50 bits each, shown as xxxxx-xxxxx.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

function randomChars(count: number): string {
  let out = "";
  while (out.length < count) {
    // bytes past the last whole multiple of the alphabet are dropped, so every character is equally likely
    for (const b of randomBytes(16))
      if (b < ALPHABET.length * 8 && out.length < count) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = randomChars(10);
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const hashRecoveryCode = (code: string) => hashPassword(normaliseRecoveryCode(code));
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

export function openTotpSecret(sealed: string): string {
  return unseal<{ secret: string }>(sealed).secret;
}

/**
 * Checks a second factor for a user: a TOTP code (each time step once) or an unused recovery code (then spent).
 * Returns which kind matched, or null.
 */
export async function checkSecondFactor(
  db: Db,
  user: { id: string; mfaSecret: string | null; mfaLastStep: number | null },
  rawCode: string,
): Promise<"totp" | "recovery" | null> {
  const code = rawCode.trim().replace(/\s+/g, "");
  if (/^\d{6}$/.test(code)) {
    if (!user.mfaSecret) return null;
    const step = await verifyTotp(openTotpSecret(user.mfaSecret), code, user.mfaLastStep);
    if (step === null) return null;
    // the conditional update keeps a code from being accepted twice by two requests at once
    const claimed = await db
      .update(staffUsers)
      .set({ mfaLastStep: step })
      .where(and(eq(staffUsers.id, user.id), or(isNull(staffUsers.mfaLastStep), lt(staffUsers.mfaLastStep, step))))
      .returning({ id: staffUsers.id });
    return claimed.length ? "totp" : null;
  }
  const normal = normaliseRecoveryCode(code);
  if (normal.length !== 10) return null;
  const unused = await db
    .select()
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, user.id), isNull(staffRecoveryCodes.usedAt)));
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, normal))) continue;
    const spent = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(staffRecoveryCodes.id, row.id), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    return spent.length ? "recovery" : null;
  }
  return null;
}
