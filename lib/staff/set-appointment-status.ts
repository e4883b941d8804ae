import "server-only";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { appointments, locations } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { loadBoardAppointments } from "./board-appointments";
import { ALLOWED_FROM, statusChangeSchema, uuidSchema } from "./reception-schemas";
import type { BoardAppointment } from "./reception-types";
import { ANY_STAFF, requireRole } from "./staff-access";

const LABEL = { arrived: "arrived", "no-show": "a no-show", completed: "completed" } as const;

/**
 * Checks a patient in, marks a no-show, or completes a visit: booked → arrived → completed, booked → no-show.
 * Reception and admins for any appointment, a practitioner for their own. Not for an appointment on a later day.
 */
export async function setAppointmentStatus(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: unknown,
  now = new Date(),
): Promise<BoardAppointment> {
  const staff = await requireRole(db, actor, ANY_STAFF, "appointments.status");
  const { status } = statusChangeSchema.parse(rawInput);
  if (!uuidSchema.safeParse(id).success) throw new NotFound("We could not find that appointment.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: appointments.id,
        status: appointments.status,
        startsAt: appointments.startsAt,
        patientId: appointments.patientId,
        practitionerId: appointments.practitionerId,
        timezone: locations.timezone,
      })
      .from(appointments)
      .innerJoin(locations, eq(locations.id, appointments.locationId))
      .where(eq(appointments.id, id))
      .for("update", { of: appointments });
    if (!row) throw new NotFound("We could not find that appointment.");
    if (staff.role === "practitioner" && staff.practitionerId !== row.practitionerId)
      throw new Forbidden("You can only update your own appointments.");
    const from = ALLOWED_FROM[status];
    if (row.status !== from) {
      throw new Conflict(
        row.status === status
          ? `This appointment is already marked ${LABEL[status]}.`
          : `A ${row.status} appointment cannot be marked ${LABEL[status]}.`,
      );
    }
    const today = DateTime.fromJSDate(now, { zone: row.timezone }).toISODate()!;
    const day = DateTime.fromJSDate(row.startsAt, { zone: row.timezone }).toISODate()!;
    if (day > today) throw new Conflict(`This appointment is on ${day}; it can be marked ${LABEL[status]} on the day.`);
    await tx.update(appointments).set({ status, updatedAt: now }).where(eq(appointments.id, id));
    await recordAudit(tx, staff, {
      action: `appointment.${status}`,
      entityType: "appointment",
      entityId: id,
      patientId: row.patientId,
      detail: { from: row.status },
    });
    const [dto] = await loadBoardAppointments(tx, eq(appointments.id, id));
    return dto!;
  });
}
