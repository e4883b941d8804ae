import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import { loadBoardAppointments } from "./board-appointments";
import { calledSchema, uuidSchema } from "./reception-schemas";
import type { BoardAppointment } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";

/**
 * Reception has called back a patient whose intake asked for a call, optionally noting what came of it: the flag
 * leaves the calendar and the "Needs a call" worklist.
 */
export async function markPatientCalled(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: unknown = {},
  now = new Date(),
): Promise<BoardAppointment> {
  const staff = await requireRole(db, actor, FRONT_DESK, "appointments.called");
  if (!uuidSchema.safeParse(id).success) throw new NotFound("We could not find that appointment.");
  const { note } = calledSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ patientId: appointments.patientId, calledAt: appointments.calledAt })
      .from(appointments)
      .where(eq(appointments.id, id))
      .for("update");
    if (!row) throw new NotFound("We could not find that appointment.");
    if (row.calledAt) throw new Conflict("This patient has already been called back.");
    await tx
      .update(appointments)
      .set({ calledAt: now, callNote: note || null, updatedAt: now })
      .where(eq(appointments.id, id));
    // the note may be clinical, so it stays on the appointment, not in the audit row
    await recordAudit(tx, staff, {
      action: "appointment.called",
      entityType: "appointment",
      entityId: id,
      patientId: row.patientId,
      detail: { noted: !!note },
    });
    const [dto] = await loadBoardAppointments(tx, eq(appointments.id, id));
    return dto!;
  });
}
