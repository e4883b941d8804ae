import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { cancelAppointment } from "@/lib/scheduling/cancel-appointment";
import type { BookingDto } from "@/lib/scheduling/booking-dto";
import { FRONT_DESK, requireRole } from "./staff-access";

/** Reception cancels at any time (no cancellation window) but always says why; the row stays, with the reason. */
export async function cancelByStaff(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: unknown,
  now = new Date(),
): Promise<BookingDto> {
  const staff = await requireRole(db, actor, FRONT_DESK, "appointments.cancel");
  return cancelAppointment(db, staff, id, { staff: true }, rawInput, now);
}
