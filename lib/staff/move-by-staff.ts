import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import type { BookingDto } from "@/lib/scheduling/booking-dto";
import { rescheduleAppointment } from "@/lib/scheduling/reschedule-appointment";
import { FRONT_DESK, requireRole } from "./staff-access";

/** Moves an appointment to a free time (another practitioner allowed); notice waived, overlaps refused by the database. */
export async function moveByStaff(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: unknown,
  now = new Date(),
): Promise<BookingDto> {
  const staff = await requireRole(db, actor, FRONT_DESK, "appointments.move");
  return rescheduleAppointment(db, staff, id, { staff: true }, rawInput, now);
}
