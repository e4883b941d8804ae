import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffPasswordResets, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrors, NotFound, ValidationFailed } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { hashPassword } from "@/lib/security/password";
import { passwordProblem } from "@/lib/security/password-policy";
import { hashToken } from "@/lib/security/tokens";
import { resetPasswordSchema } from "./account-schemas";
import { revokeSessionsOf } from "./staff-sessions";

const LINK_USED = "This link has expired or has been used. Ask for a new one from the sign-in page.";

async function findUsableReset(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [row] = await db
    .select({ reset: staffPasswordResets, user: staffUsers })
    .from(staffPasswordResets)
    .innerJoin(staffUsers, eq(staffUsers.id, staffPasswordResets.userId))
    .where(
      and(
        eq(staffPasswordResets.tokenHash, hashToken(token)),
        isNull(staffPasswordResets.usedAt),
        gt(staffPasswordResets.expiresAt, new Date()),
        isNull(staffUsers.disabledAt),
      ),
    );
  return row;
}

/** Whether a reset link can still be used (for the page to show the form or say it has expired). */
export async function resetLinkIsUsable(db: Db, token: string): Promise<boolean> {
  return !!(await findUsableReset(db, token));
}

/** Sets a new password through an emailed link: once only, within the hour; every session of the account ends. */
export async function resetPassword(db: Db, token: string, raw: unknown, ip: string): Promise<void> {
  await enforceRateLimit(db, `password-reset-use:${ip}`, 20, 600);
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const found = await findUsableReset(db, token);
  if (!found) throw new NotFound(LINK_USED);
  const problem = passwordProblem(parsed.data.newPassword, found.user);
  if (problem) throw new ValidationFailed({ newPassword: problem });
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.transaction(async (tx) => {
    // the conditional update is what makes the link single-use when two requests race
    const claimed = await tx
      .update(staffPasswordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(staffPasswordResets.id, found.reset.id), isNull(staffPasswordResets.usedAt)))
      .returning({ id: staffPasswordResets.id });
    if (claimed.length === 0) throw new NotFound(LINK_USED);
    // any other link still out there is spent too
    await tx
      .update(staffPasswordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(staffPasswordResets.userId, found.user.id), isNull(staffPasswordResets.usedAt)));
    await tx
      .update(staffUsers)
      .set({ passwordHash, passwordChangedAt: new Date(), sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, found.user.id));
    const sessionsEnded = await revokeSessionsOf(tx, found.user.id);
    const u = found.user;
    await recordAudit(
      tx,
      { kind: "staff", userId: u.id, role: u.role, practitionerId: u.practitionerId, name: u.name, ip },
      { action: "account.password-reset", entityType: "staff_user", entityId: u.id, detail: { sessionsEnded } },
    );
  });
}
