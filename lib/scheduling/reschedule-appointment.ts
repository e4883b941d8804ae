import "server-only";
import { eq } from "drizzle-orm";
import { type Db, planOncePerConnection } from "@/db/client";
import { appointments } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, SlotTaken, SlotUnavailable } from "@/lib/errors";
import { publishBookingEvent } from "./booking-events";
import { appointmentToChange, type ChangeAuth } from "./booking-access";
import { type BookingDto, bookingDto, loadBookingDetail, manageUrl } from "./booking-dto";
import { assertInsideBookingWindow, assertOutsideCancellationWindow } from "./booking-rules";
import { classFor } from "./class-for";
import { loadSlotQuery } from "./load-slot-query";
import { localDateOf } from "./local-time";
import { refusalOf, retryingDeadlocks } from "./refusals";
import { rescheduleBookingSchema } from "./schemas";
import { blockedInterval, isSlotAvailable } from "./slots";

/**
 * Moves a booking to a new free time, for the patient (manage token; notice and cancellation window apply) or the
 * front desk (both waived, another practitioner allowed). If the new time is taken the transaction rolls back and
 * the old time stays.
 */
export async function rescheduleAppointment(
  db: Db,
  actor: Actor,
  id: string,
  auth: ChangeAuth,
  rawInput: unknown,
  now = new Date(),
): Promise<BookingDto> {
  const input = rescheduleBookingSchema.parse(rawInput);
  const byStaff = "staff" in auth;
  try {
    return await retryingDeadlocks(() =>
      db.transaction(async (tx) => {
        await planOncePerConnection(tx);
        const row = await appointmentToChange(tx, id, auth);
        if (row.status !== "booked")
          throw new Conflict(
            row.status === "cancelled"
              ? "This booking is cancelled and cannot be moved."
              : `This appointment is marked ${row.status} and can no longer be moved.`,
          );
        const detail = (await loadBookingDetail(tx, row.id))!;
        if (!byStaff)
          assertOutsideCancellationWindow(
            row.startsAt,
            detail.service.cancellationWindowHours,
            now,
            detail.location.phone,
            "move",
          );

        const start = new Date(input.start);
        const loc = detail.location;
        const day = localDateOf(start, loc.timezone);
        const practitioner = input.practitioner ?? detail.practitioner.slug;
        const context = await loadSlotQuery(tx, {
          location: loc.slug,
          service: detail.service.slug,
          practitioner,
          from: day,
          to: day,
          now,
          ignoreMinNotice: byStaff,
          ignoreAppointmentId: row.id,
        });
        const { query, practitionerIds } = context;
        assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: byStaff, phone: loc.phone });
        const slot = isSlotAvailable(query, start, practitioner);
        if (!slot) throw new SlotUnavailable("That time is not available. Your booking has not changed.");
        const practitionerId = practitionerIds.get(practitioner)!;
        const classId = await classFor(tx, context, slot, practitionerId);
        await tx
          .update(appointments)
          .set({
            practitionerId,
            classId,
            during: { start: slot.start, end: slot.end },
            blocked: blockedInterval(slot.start, query.service),
            // the new time came from the slot engine, so it is inside working time: no longer "needs moving"
            needsMovingSince: null,
            updatedAt: now,
          })
          .where(eq(appointments.id, row.id));
        await recordAudit(tx, actor, {
          action: "appointment.reschedule",
          entityType: "appointment",
          entityId: row.id,
          patientId: row.patientId,
          detail: { from: row.startsAt.toISOString(), to: slot.start.toISOString(), practitioner },
        });
        await publishBookingEvent(tx, {
          kind: "moved",
          appointmentId: row.id,
          startsAt: slot.start,
          freed: { practitionerId: row.practitionerId, start: row.startsAt, end: row.endsAt },
          manageUrl: !byStaff && auth.token ? manageUrl(auth.token) : undefined,
          now,
        });
        return bookingDto({
          id: row.id,
          status: row.status,
          service: detail.service.slug,
          location: loc.slug,
          practitioner,
          startsAt: slot.start,
          endsAt: slot.end,
          timezone: loc.timezone,
        });
      }),
    );
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal instanceof SlotTaken)
      throw new SlotTaken("That time was just taken. Your booking has not changed; please choose another time.");
    throw refusal;
  }
}
