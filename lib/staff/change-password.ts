import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrors, ValidationFailed } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { hashPassword, verifyPassword } from "@/lib/security/password";
import { passwordProblem } from "@/lib/security/password-policy";
import { changePasswordSchema } from "./account-schemas";
import type { SessionActor } from "./account-types";
import { revokeSessionsOf } from "./staff-sessions";

/**
 * The signed-in member changes their own password: the current one is required (a borrowed session is not enough),
 * the new one meets the policy, and every other session of theirs ends.
 */
export async function changePassword(db: Db, actor: SessionActor, raw: unknown): Promise<{ sessionsEnded: number }> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { currentPassword, newPassword } = parsed.data;
  await enforceRateLimit(
    db,
    `password-change:${actor.userId}`,
    5,
    300,
    "Too many attempts. Wait a few minutes, then try again.",
  );
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(db, actor, {
      action: "account.password-change",
      outcome: "failed",
      entityType: "staff_user",
      entityId: actor.userId,
      detail: { reason: "current-password" },
    });
    throw new ValidationFailed({ currentPassword: "That isn’t your current password." });
  }
  const problem =
    newPassword === currentPassword
      ? "Choose a password different from your current one."
      : passwordProblem(newPassword, user);
  if (problem) throw new ValidationFailed({ newPassword: problem });
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ passwordHash, passwordChangedAt: new Date(), sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, actor.userId));
    const sessionsEnded = await revokeSessionsOf(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, actor, {
      action: "account.password-change",
      entityType: "staff_user",
      entityId: actor.userId,
      detail: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
