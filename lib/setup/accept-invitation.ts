import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffInvitations, staffPasswordResets, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrors, NotFound, ValidationFailed } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { hashPassword } from "@/lib/security/password";
import { passwordProblem } from "@/lib/security/password-policy";
import { hashToken } from "@/lib/security/tokens";
import { resetPasswordSchema } from "@/lib/staff/account-schemas";
import { revokeSessionsOf } from "@/lib/staff/staff-sessions";

export const INVITATION_UNUSABLE =
  "This invitation has expired or has been used. Ask the clinic manager to send you a new one.";

async function findUsableInvitation(db: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [row] = await db
    .select({ invitation: staffInvitations, user: staffUsers })
    .from(staffInvitations)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvitations.userId))
    .where(
      and(
        eq(staffInvitations.tokenHash, hashToken(token)),
        isNull(staffInvitations.usedAt),
        isNull(staffInvitations.revokedAt),
        gt(staffInvitations.expiresAt, now),
        isNull(staffUsers.disabledAt),
        // an account that has set a password another way (a reset link) no longer needs the invitation
        isNull(staffUsers.passwordChangedAt),
      ),
    );
  return row;
}

/** Whom a usable invitation is for (for the page's greeting), or null when it has expired or been used. */
export async function invitationFor(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ name: string; email: string } | null> {
  const found = await findUsableInvitation(db, token, now);
  return found ? { name: found.user.name, email: found.user.email } : null;
}

/**
 * The invitee sets their first password through the emailed link: once only, within 72 hours, under the same password
 * rules (one schema, and the common-password list) as a reset or a change.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  raw: unknown,
  ip: string,
  now = new Date(),
): Promise<{ email: string }> {
  await enforceRateLimit(db, `invitation-use:${ip}`, 20, 600);
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const found = await findUsableInvitation(db, token, now);
  if (!found) throw new NotFound(INVITATION_UNUSABLE);
  const problem = passwordProblem(parsed.data.newPassword, found.user);
  if (problem) throw new ValidationFailed({ newPassword: problem });
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const u = found.user;
  await db.transaction(async (tx) => {
    // the conditional update is what makes the link single-use when two requests race
    const claimed = await tx
      .update(staffInvitations)
      .set({ usedAt: now })
      .where(and(eq(staffInvitations.id, found.invitation.id), isNull(staffInvitations.usedAt)))
      .returning({ id: staffInvitations.id });
    if (claimed.length === 0) throw new NotFound(INVITATION_UNUSABLE);
    await tx
      .update(staffPasswordResets)
      .set({ usedAt: now })
      .where(and(eq(staffPasswordResets.userId, u.id), isNull(staffPasswordResets.usedAt)));
    await tx
      .update(staffUsers)
      .set({ passwordHash, passwordChangedAt: now, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, u.id));
    await revokeSessionsOf(tx, u.id);
    await recordAudit(
      tx,
      { kind: "staff", userId: u.id, role: u.role, practitionerId: u.practitionerId, name: u.name, ip },
      {
        action: "account.invitation-accept",
        entityType: "staff_user",
        entityId: u.id,
        detail: { before: { status: "invited" }, after: { status: "active" } },
      },
    );
  });
  return { email: u.email };
}
