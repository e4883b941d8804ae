import "server-only";
import { and, eq } from "drizzle-orm";
import { type Db, planOncePerConnection } from "@/db/client";
import { appointments, classes } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, Forbidden, NotFound, SlotUnavailable } from "@/lib/errors";
import { publishBookingEvent } from "./booking-events";
import { mapBookingError } from "./book-appointment";
import { appointmentForToken } from "./booking-access";
import { type BookingDto, bookingDto, loadBookingDetail, manageUrl } from "./booking-dto";
import { assertInsideBookingWindow, assertOutsideCancellationWindow } from "./booking-rules";
import { loadSlotQuery } from "./load-slot-query";
import { localDateOf } from "./local-time";
import { rescheduleBookingSchema } from "./schemas";
import { blockedInterval, isSlotAvailable } from "./slots";
import type { CancelAuth } from "./cancel-appointment";

/** Moves a booking to a new free time. If the new time is taken the transaction rolls back and the old time stays. */
export async function rescheduleAppointment(db: Db, actor: Actor, id: string, auth: CancelAuth, rawInput: unknown, now = new Date()): Promise<BookingDto> {
  const input = rescheduleBookingSchema.parse(rawInput);
  const isStaff = "staff" in auth;
  try {
    return await db.transaction(async (tx) => {
      await planOncePerConnection(tx);
      let row;
      if (!isStaff) {
        row = await appointmentForToken(tx, id, auth.token, { lock: true });
      } else {
        if (actor.kind !== "staff" || actor.role === "practitioner") throw new Forbidden("Only reception and admins can move appointments.");
        [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for("update");
        if (!row) throw new NotFound("We could not find that appointment.");
      }
      if (row.status !== "booked") throw new Conflict(row.status === "cancelled" ? "This booking is cancelled and cannot be moved." : `This appointment is marked ${row.status} and can no longer be moved.`);
      const detail = (await loadBookingDetail(tx, row.id))!;
      if (!isStaff) assertOutsideCancellationWindow(row.startsAt, detail.service.cancellationWindowHours, now, detail.location.phone, "move");

      const start = new Date(input.start);
      const loc = detail.location;
      const day = localDateOf(start, loc.timezone);
      const practitioner = input.practitioner ?? detail.practitioner.slug;
      const { query, service, practitionerIds } = await loadSlotQuery(tx, {
        location: loc.slug, service: detail.service.slug, practitioner, from: day, to: day, now, ignoreMinNotice: isStaff, ignoreAppointmentId: row.id,
      });
      assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: isStaff, phone: loc.phone });
      const slot = isSlotAvailable(query, start, practitioner);
      if (!slot) throw new SlotUnavailable("That time is not available. Your booking has not changed.");
      const practitionerId = practitionerIds.get(practitioner)!;
      let classId: string | null = null;
      if (service.capacity > 1) {
        await tx.insert(classes).values({ serviceId: service.id, locationId: loc.id, practitionerId, startsAt: slot.start, endsAt: slot.end, capacity: service.capacity }).onConflictDoNothing();
        const [cls] = await tx.select({ id: classes.id }).from(classes).where(and(eq(classes.practitionerId, practitionerId), eq(classes.startsAt, slot.start)));
        classId = cls!.id;
      }
      await tx
        .update(appointments)
        .set({ practitionerId, classId, during: { start: slot.start, end: slot.end }, blocked: blockedInterval(slot.start, query.service), updatedAt: now })
        .where(eq(appointments.id, row.id));
      await recordAudit(tx, actor, {
        action: "appointment.reschedule", entityType: "appointment", entityId: row.id, patientId: row.patientId,
        detail: { from: row.startsAt.toISOString(), to: slot.start.toISOString(), practitioner },
      });
      await publishBookingEvent(tx, { kind: "moved", appointmentId: row.id, startsAt: slot.start, manageUrl: !isStaff && auth.token ? manageUrl(auth.token) : undefined, now });
      return bookingDto({
        id: row.id, status: row.status, service: detail.service.slug, location: loc.slug, practitioner, startsAt: slot.start, endsAt: slot.end, timezone: loc.timezone,
      });
    });
  } catch (error) {
    const mapped = mapBookingError(error);
    if (mapped instanceof SlotUnavailable && mapped.message.startsWith("That time was just taken")) {
      throw new SlotUnavailable("That time was just taken. Your booking has not changed; please choose another time.");
    }
    throw mapped;
  }
}
