import "server-only";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { waitlistEntries, waitlistOffers } from "@/db/schema";
import { lockLocation, makeOffers, type OfferSettings } from "./make-offers";

/**
 * Expires a location's offers whose hold has run out (their entries wait again), then offers each time that now has
 * no open offer to the next entries. One transaction: a crash leaves the offers open and the job is retried.
 */
export async function expireOffers(db: Db, locationId: string, now = new Date(), settings: OfferSettings = {}) {
  return db.transaction(async (tx) => {
    await lockLocation(tx, locationId);
    const expired = await tx
      .update(waitlistOffers)
      .set({ status: "expired", closedAt: now })
      .where(
        and(
          eq(waitlistOffers.locationId, locationId),
          eq(waitlistOffers.status, "open"),
          lte(waitlistOffers.expiresAt, now),
        ),
      )
      .returning({
        entryId: waitlistOffers.entryId,
        practitionerId: waitlistOffers.practitionerId,
        blocked: waitlistOffers.blocked,
        startsAt: waitlistOffers.startsAt,
        serviceId: waitlistOffers.serviceId,
      });
    if (expired.length === 0) return 0;
    await waitAgain(
      tx,
      expired.map((o) => o.entryId),
      now,
    );
    const times = new Map(expired.map((o) => [`${o.practitionerId}|${o.startsAt.getTime()}`, o]));
    let made = 0;
    for (const o of times.values()) {
      // makeOffers sees the time as free only once no open offer holds it
      made += await makeOffers(
        tx,
        {
          locationId,
          practitionerId: o.practitionerId,
          start: o.blocked.start,
          end: o.blocked.end,
          serviceId: o.serviceId,
          preferredStart: o.startsAt,
        },
        now,
        settings,
      );
    }
    return made;
  });
}

/** Entries whose offer ended without a booking wait again (or leave, when their latest date has passed). */
export async function waitAgain(tx: Tx, entryIds: string[], now: Date): Promise<void> {
  if (entryIds.length === 0) return;
  await tx
    .update(waitlistEntries)
    .set({
      status: sql`case when ${waitlistEntries.latest} < ${now.toISOString().slice(0, 10)}::date then 'expired'::waitlist_status else 'waiting'::waitlist_status end`,
      updatedAt: now,
    })
    .where(and(inArray(waitlistEntries.id, entryIds), eq(waitlistEntries.status, "offered")));
}
