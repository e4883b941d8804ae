import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import type { EnqueueOptions } from "@/lib/notifications/enqueue";
import { UUID_SHAPE } from "@/lib/staff/reception-schemas";
import { issuePasswordResetLink } from "@/lib/staff/request-password-reset";
import { requireRole } from "@/lib/staff/staff-access";
import { loadOneStaff } from "./staff-dto";
import type { StaffDto } from "./staff-schemas";
import { STAFF_NOT_FOUND } from "./update-staff";

/** An admin emails an active account a password-reset link (the same one-hour, single-use link as "Forgot password?"). */
export async function sendStaffPasswordReset(
  db: Db,
  actor: Actor,
  id: string,
  opts: EnqueueOptions = {},
): Promise<{ staff: StaffDto }> {
  const admin = await requireRole(db, actor, ["admin"], "staff.password-reset");
  if (!UUID_SHAPE.test(id)) throw new NotFound(STAFF_NOT_FOUND);
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id));
    if (!user) throw new NotFound(STAFF_NOT_FOUND);
    if (user.disabledAt) throw new Conflict("This account is deactivated: reactivate it first.");
    await issuePasswordResetLink(tx, user, opts);
    await recordAudit(tx, admin, {
      action: "staff.password-reset-send",
      entityType: "staff_user",
      entityId: id,
    });
    return { staff: (await loadOneStaff(tx, id))! };
  });
}
