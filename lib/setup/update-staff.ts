import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffInvitations, staffUsers } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { Conflict, fieldErrors, NotFound, ValidationFailed } from "@/lib/errors";
import { UUID_SHAPE } from "@/lib/staff/reception-schemas";
import { requireRole } from "@/lib/staff/staff-access";
import { revokeSessionsOf } from "@/lib/staff/staff-sessions";
import { countActiveAdmins, loadOneStaff, lockStaffChanges } from "./staff-dto";
import { mapStaffUniqueViolation, practitionerToLink } from "./staff-links";
import { type StaffDto, updateStaffSchema } from "./staff-schemas";

export const STAFF_NOT_FOUND = "We could not find that staff account.";

const view = (s: StaffDto) => ({ role: s.role, practitioner: s.practitioner, active: s.status !== "deactivated" });

/**
 * Changes an account's role, or deactivates or reactivates it. Deactivating ends every session of the account at once
 * (and any invitation still out). An admin cannot demote or deactivate themselves, and the last active admin stays.
 */
export async function updateStaff(
  db: Db,
  actor: Actor,
  id: string,
  raw: unknown,
  now = new Date(),
): Promise<{ staff: StaffDto }> {
  const admin = await requireRole(db, actor, ["admin"], "staff.update");
  if (!UUID_SHAPE.test(id)) throw new NotFound(STAFF_NOT_FOUND);
  const parsed = updateStaffSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const input = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      await lockStaffChanges(tx);
      const [target] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id));
      if (!target) throw new NotFound(STAFF_NOT_FOUND);
      const before = (await loadOneStaff(tx, id))!;
      const role = input.role ?? target.role;
      const deactivate = input.active === false && !target.disabledAt;
      const reactivate = input.active === true && !!target.disabledAt;
      const losesAdmin = target.role === "admin" && !target.disabledAt && (role !== "admin" || deactivate);
      if (losesAdmin && target.id === admin.userId)
        throw new Conflict(
          deactivate
            ? "You cannot deactivate your own account. Ask another admin."
            : "You cannot change your own role. Ask another admin.",
        );
      if (losesAdmin && (await countActiveAdmins(tx)) <= 1)
        throw new Conflict("This is the last active admin: make another account admin first.");

      const practitionerId =
        role === "practitioner"
          ? input.practitioner
            ? await practitionerToLink(tx, input.practitioner, id)
            : target.practitionerId
          : null;
      if (role === "practitioner" && !practitionerId)
        throw new ValidationFailed({ practitioner: "Choose the practitioner this account is for" });
      let sessionsEnded = 0;
      await tx
        .update(staffUsers)
        .set({
          role,
          practitionerId,
          ...(deactivate
            ? { disabledAt: now, sessionVersion: sql`${staffUsers.sessionVersion} + 1` }
            : reactivate
              ? { disabledAt: null }
              : {}),
        })
        .where(eq(staffUsers.id, id));
      if (deactivate) {
        sessionsEnded = await revokeSessionsOf(tx, id);
        await tx
          .update(staffInvitations)
          .set({ revokedAt: now })
          .where(
            and(eq(staffInvitations.userId, id), isNull(staffInvitations.usedAt), isNull(staffInvitations.revokedAt)),
          );
      }
      const staff = (await loadOneStaff(tx, id))!;
      await recordAudit(tx, admin, {
        action: "staff.update",
        entityType: "staff_user",
        entityId: id,
        detail: { before: view(before), after: view(staff), ...(deactivate ? { sessionsEnded } : {}) },
      });
      return { staff };
    });
  } catch (error) {
    return mapStaffUniqueViolation(error);
  }
}
