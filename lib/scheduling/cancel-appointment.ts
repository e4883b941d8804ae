import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { publishBookingEvent } from "./booking-events";
import { appointmentForToken } from "./booking-access";
import { type BookingDto, loadBookingDetail, toBookingDto } from "./booking-dto";
import { assertOutsideCancellationWindow } from "./booking-rules";
import { cancelBookingSchema } from "./schemas";

export type CancelAuth = { token: string | null } | { staff: true };

/** Cancels a booking, keeping the row with its reason. Patients (by token) only outside the cancellation window. */
export async function cancelAppointment(db: Db, actor: Actor, id: string, auth: CancelAuth, rawInput: unknown, now = new Date()): Promise<BookingDto> {
  const input = cancelBookingSchema.parse(rawInput ?? {});
  return db.transaction(async (tx) => {
    let row;
    if ("token" in auth) {
      row = await appointmentForToken(tx, id, auth.token, { lock: true });
    } else {
      if (actor.kind !== "staff" || actor.role === "practitioner") throw new Forbidden("Only reception and admins can cancel appointments.");
      [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for("update");
      if (!row) throw new NotFound("We could not find that appointment.");
    }
    if (row.status === "cancelled") throw new Conflict("This booking is already cancelled.");
    if (row.status !== "booked") throw new Conflict(`This appointment is marked ${row.status} and can no longer be cancelled.`);
    const detail = (await loadBookingDetail(tx, row.id))!;
    if ("token" in auth) assertOutsideCancellationWindow(row.startsAt, detail.service.cancellationWindowHours, now, detail.location.phone, "cancel");
    const by = actor.kind === "staff" ? actor.userId : "patient";
    await tx
      .update(appointments)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: input.reason || (actor.kind === "staff" ? "Cancelled by the clinic" : "Cancelled by the patient"), cancelledBy: by, updatedAt: now })
      .where(eq(appointments.id, row.id));
    await recordAudit(tx, actor, { action: "appointment.cancel", entityType: "appointment", entityId: row.id, patientId: row.patientId });
    await publishBookingEvent(tx, { kind: "cancelled", appointmentId: row.id, now });
    return toBookingDto({ ...detail, a: { ...detail.a, status: "cancelled" } });
  });
}
