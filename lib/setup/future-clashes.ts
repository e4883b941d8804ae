import "server-only";
import { and, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments } from "@/db/schema";
import { loadBoardAppointments, toStaffAppointmentDto } from "@/lib/staff/board-appointments";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { reviewNeedsMoving } from "./needs-moving";

/**
 * The future active appointments a deactivation leaves without working time, in the shape of the staff
 * appointments list. They are not cancelled: reception moves or cancels each one.
 */
export async function futureClashes(
  db: Db | Tx,
  of: { practitionerId: string } | { locationId: string },
  now: Date,
): Promise<StaffAppointmentDto[]> {
  const rows = await loadBoardAppointments(
    db,
    and(
      "practitionerId" in of
        ? eq(appointments.practitionerId, of.practitionerId)
        : eq(appointments.locationId, of.locationId),
      gte(appointments.startsAt, now),
      inArray(appointments.status, ["booked", "arrived"]),
    ),
  );
  return rows.map(toStaffAppointmentDto);
}

/**
 * After a practitioner or location is switched off or on: a deactivation flags its future booked appointments
 * "needs moving" for reception (and returns them as clashes); turning it back on clears the flags of the ones its
 * working time covers again.
 */
export async function reviewActivation(
  tx: Tx,
  of: { practitionerId: string } | { locationId: string },
  change: { active: boolean; wasActive: boolean },
  now: Date,
): Promise<StaffAppointmentDto[]> {
  if (change.active) {
    if (!change.wasActive) await reviewNeedsMoving(tx, { ...of, from: now, to: null }, now);
    return [];
  }
  const clashes = await futureClashes(tx, of, now);
  const booked = clashes.filter((c) => c.status === "booked").map((c) => c.id);
  if (booked.length)
    await tx
      .update(appointments)
      .set({ needsMovingSince: now })
      .where(and(inArray(appointments.id, booked), isNull(appointments.needsMovingSince)));
  return clashes;
}
