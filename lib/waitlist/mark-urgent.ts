import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { waitlistEntries } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { FRONT_DESK, requireRole } from "@/lib/staff/staff-access";
import { markUrgentSchema } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reception marks an entry urgent (offered before older entries) or takes the mark off; audited before and after. */
export async function markUrgent(db: Db, actor: Actor, id: string, rawInput: unknown, now = new Date()) {
  const staff = await requireRole(db, actor, FRONT_DESK, "waitlist.urgent");
  const input = markUrgentSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [row] = UUID.test(id)
      ? await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)).for("update")
      : [];
    if (!row) throw new NotFound("We could not find that wait-list entry.");
    await tx.update(waitlistEntries).set({ urgent: input.urgent, updatedAt: now }).where(eq(waitlistEntries.id, id));
    await recordAudit(tx, staff, {
      action: "waitlist.urgent",
      entityType: "waitlist_entry",
      entityId: id,
      patientId: row.patientId,
      detail: { before: { urgent: row.urgent }, after: { urgent: input.urgent } },
    });
    return { id, urgent: input.urgent };
  });
}
