import "server-only";
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, waitlistEntries, waitlistOffers } from "@/db/schema";
import { lockLocation, makeOffers } from "./make-offers";

/**
 * Housekeeping after a booking: the patient's other open entries for that service leave the list (they booked
 * anyway); any offer they held is withdrawn and its time goes to the next entries.
 */
export async function leaveAfterBooking(db: Db, appointmentId: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(appointments).where(eq(appointments.id, appointmentId));
    if (!a || a.status === "cancelled") return 0;
    await lockLocation(tx, a.locationId);
    const left = await tx
      .update(waitlistEntries)
      .set({ status: "left", updatedAt: now })
      .where(
        and(
          eq(waitlistEntries.patientId, a.patientId),
          eq(waitlistEntries.serviceId, a.serviceId),
          inArray(waitlistEntries.status, ["waiting", "offered"]),
          or(isNull(waitlistEntries.appointmentId), ne(waitlistEntries.appointmentId, appointmentId)),
        ),
      )
      .returning({ id: waitlistEntries.id });
    if (left.length === 0) return 0;
    const withdrawn = await tx
      .update(waitlistOffers)
      .set({ status: "withdrawn", closedAt: now })
      .where(
        and(
          inArray(
            waitlistOffers.entryId,
            left.map((l) => l.id),
          ),
          eq(waitlistOffers.status, "open"),
        ),
      )
      .returning();
    for (const o of withdrawn)
      await makeOffers(
        tx,
        {
          locationId: o.locationId,
          practitionerId: o.practitionerId,
          start: o.blocked.start,
          end: o.blocked.end,
          serviceId: o.serviceId,
          preferredStart: o.startsAt,
        },
        now,
      );
    return left.length;
  });
}
