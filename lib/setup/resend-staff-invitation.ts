import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import type { EnqueueOptions } from "@/lib/notifications/enqueue";
import { UUID_SHAPE } from "@/lib/staff/reception-schemas";
import { requireRole } from "@/lib/staff/staff-access";
import { issueInvitation } from "./issue-invitation";
import { loadOneStaff } from "./staff-dto";
import type { StaffDto } from "./staff-schemas";
import { STAFF_NOT_FOUND } from "./update-staff";

/** Emails an invited account a fresh invitation (72 hours); the earlier link stops working. */
export async function resendStaffInvitation(
  db: Db,
  actor: Actor,
  id: string,
  opts: EnqueueOptions = {},
): Promise<{ staff: StaffDto }> {
  const admin = await requireRole(db, actor, ["admin"], "staff.invitation-resend");
  if (!UUID_SHAPE.test(id)) throw new NotFound(STAFF_NOT_FOUND);
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id));
    if (!user) throw new NotFound(STAFF_NOT_FOUND);
    const before = (await loadOneStaff(tx, id))!;
    if (before.status !== "invited")
      throw new Conflict(
        before.status === "deactivated"
          ? "This account is deactivated: reactivate it first."
          : "This account has already set a password: send a password-reset link instead.",
      );
    const { expiresAt } = await issueInvitation(tx, user, admin.userId, opts);
    await recordAudit(tx, admin, {
      action: "staff.invitation-resend",
      entityType: "staff_user",
      entityId: id,
      detail: { invitationExpiresAt: expiresAt.toISOString() },
    });
    return { staff: (await loadOneStaff(tx, id))! };
  });
}
