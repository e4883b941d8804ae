import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, practitioners, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { Conflict, SlotUnavailable } from "@/lib/errors";
import { type BookingCreated, placeBooking } from "@/lib/scheduling/book-appointment";
import { toOffsetIso } from "@/lib/scheduling/local-time";
import { entryForToken } from "./entry-dto";
import { waitAgain } from "./expire-offers";
import { enqueueWaitlistJobs } from "./queue";

const GONE =
  "Sorry, that time has just gone to someone else, or the offer has run out. You are still on the wait list.";

/**
 * The patient takes the time their entry was offered: it is booked through the one booking verb (source `waitlist`,
 * so the database's exclusion constraint still refuses any double booking), the other offers of that time are
 * withdrawn and their entries wait again. Every offer of the time is locked first, in one order, so two accepts
 * queue instead of deadlocking: the second finds its offer withdrawn and gets 409.
 */
export async function acceptOffer(
  db: Db,
  actor: Actor,
  id: string,
  token: string | null,
  now = new Date(),
): Promise<BookingCreated> {
  // a refusal still commits its clean-up (the offer closed, the entry waiting again), then answers 409
  const outcome = await db.transaction(async (tx) => {
    const entry = await entryForToken(tx, id, token);
    const [latest] = await tx
      .select()
      .from(waitlistOffers)
      .where(eq(waitlistOffers.entryId, id))
      .orderBy(desc(waitlistOffers.createdAt))
      .limit(1);
    if (!latest)
      return {
        refused: new Conflict("There is no time on offer for this entry yet. We will email you when there is."),
      };
    const time = await tx
      .select()
      .from(waitlistOffers)
      .where(
        and(eq(waitlistOffers.practitionerId, latest.practitionerId), eq(waitlistOffers.startsAt, latest.startsAt)),
      )
      .orderBy(asc(waitlistOffers.id))
      .for("update");
    const offer = time.find((o) => o.id === latest.id)!;
    const [current] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)).for("update");
    if (current!.status === "booked") return { refused: new Conflict("This entry has already been booked.") };
    if (offer.status !== "open" || offer.expiresAt <= now) {
      if (offer.status === "open") {
        await tx
          .update(waitlistOffers)
          .set({ status: "expired", closedAt: now })
          .where(eq(waitlistOffers.id, offer.id));
        await waitAgain(tx, [id], now);
      }
      return { refused: new SlotUnavailable(GONE) };
    }
    const [detail] = await tx
      .select({
        service: services.slug,
        location: locations.slug,
        timezone: locations.timezone,
        practitioner: practitioners.slug,
        capacity: services.capacity,
      })
      .from(services)
      .innerJoin(locations, eq(locations.id, offer.locationId))
      .innerJoin(practitioners, eq(practitioners.id, offer.practitionerId))
      .where(eq(services.id, offer.serviceId));
    let created: BookingCreated;
    try {
      // a savepoint: a refused booking rolls back alone, and the offer's clean-up below still commits
      created = await placeBooking(
        tx as unknown as Db,
        actor,
        {
          service: detail!.service,
          location: detail!.location,
          practitioner: detail!.practitioner,
          start: toOffsetIso(offer.startsAt, detail!.timezone),
          patient: { id: entry.patientId },
          triage: entry.triageId ?? undefined,
        },
        { now, source: "waitlist", viaOfferId: offer.id },
      );
    } catch (error) {
      if (!(error instanceof SlotUnavailable)) throw error;
      await closeTime(
        tx,
        time.map((o) => o.id),
        now,
        null,
      );
      await waitAgain(
        tx,
        time.map((o) => o.entryId),
        now,
      );
      return { refused: new SlotUnavailable(GONE) };
    }
    const bookingId = created.booking.id;
    await tx
      .update(waitlistOffers)
      .set({ status: "accepted", closedAt: now, appointmentId: bookingId })
      .where(eq(waitlistOffers.id, offer.id));
    const others = time.filter((o) => o.id !== offer.id && o.status === "open");
    await closeTime(
      tx,
      others.map((o) => o.id),
      now,
      null,
    );
    await waitAgain(
      tx,
      others.map((o) => o.entryId),
      now,
    );
    await tx
      .update(waitlistEntries)
      .set({ status: "booked", appointmentId: bookingId, updatedAt: now })
      .where(eq(waitlistEntries.id, id));
    // a class place was taken: another free place of that class (if any) goes to the next batch, a place at a time
    if (detail!.capacity > 1)
      await enqueueWaitlistJobs(tx, [
        {
          data: {
            kind: "freed",
            locationId: offer.locationId,
            practitionerId: offer.practitionerId,
            start: offer.blocked.start.toISOString(),
            end: offer.blocked.end.toISOString(),
            serviceId: offer.serviceId,
            preferredStart: offer.startsAt.toISOString(),
          },
        },
      ]);
    await recordAudit(tx, actor, {
      action: "waitlist.accept",
      entityType: "waitlist_entry",
      entityId: id,
      patientId: entry.patientId,
      detail: { appointmentId: bookingId, offerId: offer.id, withdrawn: others.length },
    });
    return { created };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.created;
}

async function closeTime(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], ids: string[], now: Date, _: null) {
  if (ids.length === 0) return;
  await tx
    .update(waitlistOffers)
    .set({ status: "withdrawn", closedAt: now })
    .where(
      and(inArray(waitlistOffers.id, ids), eq(waitlistOffers.status, "open"), ne(waitlistOffers.status, "accepted")),
    );
}
