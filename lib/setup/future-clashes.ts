import "server-only";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appointments } from "@/db/schema";
import { loadBoardAppointments, toStaffAppointmentDto } from "@/lib/staff/board-appointments";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";

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
