import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { waitlistEntries, waitlistOffers } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { entryForToken, loadEntryDto, type WaitlistEntryDto } from "./entry-dto";
import { enqueueWaitlistJobs } from "./queue";

/**
 * The patient leaves the list (manage token). An open offer is withdrawn and its time goes to the next entries.
 * Leaving twice, or after booking, changes nothing and answers the entry as it is.
 */
export async function leaveWaitlist(db: Db, actor: Actor, id: string, token: string | null, now = new Date()) {
  return db.transaction(async (tx): Promise<WaitlistEntryDto> => {
    const entry = await entryForToken(tx, id, token, { lock: true });
    if (entry.status === "waiting" || entry.status === "offered") {
      const withdrawn = await tx
        .update(waitlistOffers)
        .set({ status: "withdrawn", closedAt: now })
        .where(and(eq(waitlistOffers.entryId, id), eq(waitlistOffers.status, "open")))
        .returning();
      await tx.update(waitlistEntries).set({ status: "left", updatedAt: now }).where(eq(waitlistEntries.id, id));
      await recordAudit(tx, actor, {
        action: "waitlist.leave",
        entityType: "waitlist_entry",
        entityId: id,
        patientId: entry.patientId,
      });
      await enqueueWaitlistJobs(
        tx,
        withdrawn.map((o) => ({
          data: {
            kind: "freed" as const,
            locationId: o.locationId,
            practitionerId: o.practitionerId,
            start: o.blocked.start.toISOString(),
            end: o.blocked.end.toISOString(),
            serviceId: o.serviceId,
            preferredStart: o.startsAt.toISOString(),
          },
        })),
      );
    }
    return loadEntryDto(tx, id, now);
  });
}
