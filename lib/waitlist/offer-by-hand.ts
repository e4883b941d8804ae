import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, NotFound, OutsideBookingWindow, SlotUnavailable } from "@/lib/errors";
import { env } from "@/lib/env";
import { loadSlotQuery } from "@/lib/scheduling/load-slot-query";
import { localDateOf, toOffsetIso } from "@/lib/scheduling/local-time";
import { blockedInterval, isSlotAvailable } from "@/lib/scheduling/slots";
import { FRONT_DESK, requireRole } from "@/lib/staff/staff-access";
import { lockLocation } from "./make-offers";
import { holdUntil } from "./matching";
import { enqueueWaitlistEmails } from "@/lib/notifications/enqueue";
import { enqueueWaitlistJobs } from "./queue";
import { offerByHandSchema } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reception offers a free time to one waiting entry by hand (say, after a phone call freed it): the same hold, email
 * and expiry as an automatic offer. The time must be free to the public now, as the patient books it online.
 */
export async function offerByHand(db: Db, actor: Actor, id: string, rawInput: unknown, now = new Date()) {
  const staff = await requireRole(db, actor, FRONT_DESK, "waitlist.offer");
  const input = offerByHandSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [entry] = UUID.test(id)
      ? await tx
          .select({ e: waitlistEntries, service: services, location: locations })
          .from(waitlistEntries)
          .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
          .innerJoin(locations, eq(locations.id, waitlistEntries.locationId))
          .where(eq(waitlistEntries.id, id))
      : [];
    if (!entry) throw new NotFound("We could not find that wait-list entry.");
    await lockLocation(tx, entry.location.id);
    const [current] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)).for("update");
    if (current!.status !== "waiting")
      throw new Conflict(
        current!.status === "offered" ? "This entry already has an open offer." : "This entry is no longer waiting.",
      );
    const start = new Date(input.start);
    const day = localDateOf(start, entry.location.timezone);
    const context = await loadSlotQuery(tx, {
      location: entry.location.slug,
      service: entry.service.slug,
      practitioner: input.practitioner,
      from: day,
      to: day,
      now,
    });
    const slot = isSlotAvailable(context.query, start, input.practitioner);
    if (!slot) throw new SlotUnavailable("That time is not free to offer. Choose a free time from the calendar.");
    const expiresAt = holdUntil(now, start, entry.service.minNoticeMinutes, env.WAITLIST_HOLD_MINUTES);
    if (!expiresAt)
      throw new OutsideBookingWindow("That time is too soon to offer: the patient could not book it online.");
    const practitionerId = context.practitionerIds.get(input.practitioner)!;
    const [offer] = await tx
      .insert(waitlistOffers)
      .values({
        entryId: id,
        serviceId: entry.service.id,
        locationId: entry.location.id,
        practitionerId,
        startsAt: slot.start,
        endsAt: slot.end,
        blocked: blockedInterval(slot.start, context.query.service),
        expiresAt,
        createdByUserId: staff.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: waitlistOffers.id });
    if (!offer) throw new Conflict("This patient has already been offered that time.");
    await tx.update(waitlistEntries).set({ status: "offered", updatedAt: now }).where(eq(waitlistEntries.id, id));
    await recordAudit(tx, staff, {
      action: "waitlist.offer",
      entityType: "waitlist_entry",
      entityId: id,
      patientId: current!.patientId,
      detail: {
        before: { status: "waiting" },
        after: { status: "offered", start: slot.start.toISOString(), practitioner: input.practitioner },
      },
    });
    await enqueueWaitlistJobs(tx, [
      { data: { kind: "expire", locationId: entry.location.id }, startAfter: new Date(expiresAt.getTime() + 1000) },
    ]);
    await enqueueWaitlistEmails(tx, [{ kind: "waitlist-offer", offerId: offer.id }]);
    return {
      offer: {
        id: offer.id,
        start: toOffsetIso(slot.start, entry.location.timezone),
        practitioner: input.practitioner,
        expiresAt: toOffsetIso(expiresAt, entry.location.timezone),
      },
    };
  });
}
