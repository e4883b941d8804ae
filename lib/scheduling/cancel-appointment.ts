import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict } from "@/lib/errors";
import { publishBookingEvent } from "./booking-events";
import { appointmentToChange, type ChangeAuth } from "./booking-access";
import { type BookingDto, loadBookingDetail, toBookingDto } from "./booking-dto";
import { assertOutsideCancellationWindow } from "./booking-rules";
import { cancelBookingSchema, staffCancelSchema } from "./schemas";

/**
 * Cancels a booking, keeping the row with its reason, and publishes the freed time. Patients (by token) only outside
 * the cancellation window; the front desk at any time, but always with a reason.
 */
export async function cancelAppointment(
  db: Db,
  actor: Actor,
  id: string,
  auth: ChangeAuth,
  rawInput: unknown,
  now = new Date(),
): Promise<BookingDto> {
  const input = ("staff" in auth ? staffCancelSchema : cancelBookingSchema).parse(rawInput ?? {});
  return db.transaction(async (tx) => {
    const row = await appointmentToChange(tx, id, auth);
    if (row.status === "cancelled") throw new Conflict("This booking is already cancelled.");
    if (row.status !== "booked")
      throw new Conflict(`This appointment is marked ${row.status} and can no longer be cancelled.`);
    const detail = (await loadBookingDetail(tx, row.id))!;
    if ("token" in auth)
      assertOutsideCancellationWindow(
        row.startsAt,
        detail.service.cancellationWindowHours,
        now,
        detail.location.phone,
        "cancel",
      );
    const by = actor.kind === "staff" ? actor.userId : "patient";
    await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelReason: input.reason || (actor.kind === "staff" ? "Cancelled by the clinic" : "Cancelled by the patient"),
        cancelledBy: by,
        updatedAt: now,
      })
      .where(eq(appointments.id, row.id));
    await recordAudit(tx, actor, {
      action: "appointment.cancel",
      entityType: "appointment",
      entityId: row.id,
      patientId: row.patientId,
    });
    await publishBookingEvent(tx, { kind: "cancelled", appointmentId: row.id, now });
    return toBookingDto({ ...detail, a: { ...detail.a, status: "cancelled" } });
  });
}
