import "server-only";
import type { Db, Tx } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { fieldErrors, ValidationFailed } from "@/lib/errors";
import type { EnqueueOptions } from "@/lib/notifications/enqueue";
import { requireRole } from "@/lib/staff/staff-access";
import { issueInvitation } from "./issue-invitation";
import { loadOneStaff, NO_PASSWORD } from "./staff-dto";
import { mapStaffUniqueViolation, practitionerToLink } from "./staff-links";
import { inviteStaffSchema, type StaffDto } from "./staff-schemas";

/**
 * Creates a staff account with no usable password and emails it a single-use invitation (72 hours) to set one. Takes a
 * Db or the caller's Tx (creating a practitioner with an email invites them in the same transaction).
 */
export async function inviteStaff(
  db: Db | Tx,
  actor: Actor,
  raw: unknown,
  opts: EnqueueOptions = {},
): Promise<{ staff: StaffDto }> {
  const admin = await requireRole(db, actor, ["admin"], "staff.invite");
  const parsed = inviteStaffSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const input = parsed.data;
  try {
    // a savepoint when `db` is already a transaction: a refused insert leaves the caller's transaction usable
    return await db.transaction(async (tx) => {
      const practitionerId = input.practitioner ? await practitionerToLink(tx, input.practitioner) : null;
      const [user] = await tx
        .insert(staffUsers)
        .values({ email: input.email, name: input.name, role: input.role, practitionerId, passwordHash: NO_PASSWORD })
        .returning();
      const { expiresAt } = await issueInvitation(tx, user!, admin.userId, opts);
      const staff = (await loadOneStaff(tx, user!.id))!;
      await recordAudit(tx, admin, {
        action: "staff.invite",
        entityType: "staff_user",
        entityId: user!.id,
        detail: {
          before: null,
          after: { email: staff.email, name: staff.name, role: staff.role, practitioner: staff.practitioner },
          invitationExpiresAt: expiresAt.toISOString(),
        },
      });
      return { staff };
    });
  } catch (error) {
    return mapStaffUniqueViolation(error);
  }
}
