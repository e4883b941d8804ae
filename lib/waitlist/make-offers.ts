import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { locations, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueWaitlistEmails } from "@/lib/notifications/enqueue";
import type { WaitlistEmailJob } from "@/lib/notifications/jobs";
import { loadSlotQuery } from "@/lib/scheduling/load-slot-query";
import { localDateOf } from "@/lib/scheduling/local-time";
import { blockedInterval, computeSlots } from "@/lib/scheduling/slots";
import type { FreedJob } from "./jobs";
import { type FreeTime, holdUntil, nextBatch, type WaitingEntry } from "./matching";
import { enqueueWaitlistJobs, type WaitlistJobInsert } from "./queue";

export interface FreedTime {
  locationId: string;
  practitionerId: string | null;
  start: Date;
  end: Date;
  serviceId?: string;
  preferredStart?: Date;
}

export interface OfferSettings {
  batch?: number;
  holdMinutes?: number;
}

export function freedFromJob(job: FreedJob): FreedTime {
  return {
    locationId: job.locationId,
    practitionerId: job.practitionerId,
    start: new Date(job.start),
    end: new Date(job.end),
    serviceId: job.serviceId,
    preferredStart: job.preferredStart ? new Date(job.preferredStart) : undefined,
  };
}

/**
 * One location's offers are made one transaction at a time (an advisory lock), so two workers never both offer one
 * time; the unique keys on waitlist_offers refuse it anyway.
 */
export async function lockLocation(tx: Tx, locationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`waitlist:${locationId}`}, 0))`);
}

/** Runs a freed-time job: offers the time to the next entries it suits. Returns the number of offers made. */
export async function offerFreedTime(db: Db, freed: FreedTime, now = new Date(), settings: OfferSettings = {}) {
  return db.transaction(async (tx) => {
    await lockLocation(tx, freed.locationId);
    return makeOffers(tx, freed, now, settings);
  });
}

/**
 * Offers the free starts inside `freed` (the freed appointment's own start first when the service is the same, then
 * the earliest) to the waiting entries they suit: urgent first, then oldest, a batch per time, each entry one time.
 * The caller holds the location's lock. The offers, their emails and the job that expires them commit together.
 */
export async function makeOffers(tx: Tx, freed: FreedTime, now: Date, settings: OfferSettings = {}): Promise<number> {
  const batch = settings.batch ?? env.WAITLIST_OFFER_BATCH;
  const holdMinutes = settings.holdMinutes ?? env.WAITLIST_HOLD_MINUTES;
  const [location] = await tx.select().from(locations).where(eq(locations.id, freed.locationId));
  if (!location) return 0;
  const today = localDateOf(now, location.timezone);
  // housekeeping: an entry whose latest date has passed leaves the list
  await tx
    .update(waitlistEntries)
    .set({ status: "expired", updatedAt: now })
    .where(
      and(
        eq(waitlistEntries.locationId, location.id),
        eq(waitlistEntries.status, "waiting"),
        lt(waitlistEntries.latest, today),
      ),
    );
  const waiting: WaitingEntry[] = await tx
    .select({
      id: waitlistEntries.id,
      serviceId: waitlistEntries.serviceId,
      locationId: waitlistEntries.locationId,
      practitionerId: waitlistEntries.practitionerId,
      earliest: waitlistEntries.earliest,
      latest: waitlistEntries.latest,
      partsOfDay: waitlistEntries.partsOfDay,
      urgent: waitlistEntries.urgent,
      createdAt: waitlistEntries.createdAt,
    })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.locationId, location.id), eq(waitlistEntries.status, "waiting")));
  if (waiting.length === 0) return 0;

  const offered = await offeredBefore(
    tx,
    waiting.map((e) => e.id),
  );
  const serviceIds = [...new Set(waiting.map((e) => e.serviceId))];
  // the freed appointment's own service first: its own start goes to its own waiters
  serviceIds.sort((a, b) => (a === freed.serviceId ? -1 : b === freed.serviceId ? 1 : 0));
  const catalog = await tx.select().from(services).where(inArray(services.id, serviceIds));
  const taken = new Set<string>(); // entries offered in this run
  const used: { practitionerId: string; start: number; end: number }[] = []; // time offered in this run
  const jobs: WaitlistJobInsert[] = [];
  const emails: WaitlistEmailJob[] = [];
  let made = 0;
  const expiries = new Set<number>();

  for (const serviceId of serviceIds) {
    const service = catalog.find((s) => s.id === serviceId);
    if (!service || !service.active) continue;
    // a class is offered a place at a time: a free place (capacity less places booked and held) goes to one batch,
    // and no other batch is made for that class while its offers are open
    const isClass = service.capacity > 1;
    const classHeld = isClass ? await openClassOffers(tx, location.id, service.id) : new Set<string>();
    const context = await loadSlotQuery(tx, {
      location: location.slug,
      service: service.slug,
      from: localDateOf(freed.start, location.timezone),
      to: localDateOf(new Date(freed.end.getTime() - 1), location.timezone),
      now,
    });
    const idOf = context.practitionerIds;
    const fitting = computeSlots(context.query)
      .map((slot) => ({
        slot,
        practitionerId: idOf.get(slot.practitioner)!,
        blocked: blockedInterval(slot.start, context.query.service),
      }))
      .filter(
        ({ practitionerId, blocked }) =>
          (!freed.practitionerId || practitionerId === freed.practitionerId) &&
          blocked.start >= freed.start &&
          blocked.end <= freed.end,
      );
    const preferred = freed.serviceId === serviceId ? freed.preferredStart?.getTime() : undefined;
    fitting.sort(
      (a, b) =>
        Number(b.slot.start.getTime() === preferred) - Number(a.slot.start.getTime() === preferred) ||
        a.slot.start.getTime() - b.slot.start.getTime(),
    );
    for (const { slot, practitionerId, blocked } of fitting) {
      const s = blocked.start.getTime();
      const e = blocked.end.getTime();
      if (used.some((u) => u.practitionerId === practitionerId && u.start < e && s < u.end)) continue;
      if (classHeld.has(`${practitionerId}|${slot.start.getTime()}`)) continue;
      const time: FreeTime = {
        serviceId,
        locationId: location.id,
        practitionerId,
        start: slot.start,
        timezone: location.timezone,
      };
      const key = (entryId: string) => `${entryId}|${practitionerId}|${slot.start.getTime()}`;
      const candidates = waiting.filter((w) => !taken.has(w.id) && !offered.has(key(w.id)));
      const chosen = nextBatch(candidates, time, batch);
      if (chosen.length === 0) continue;
      const expiresAt = holdUntil(now, slot.start, service.minNoticeMinutes, holdMinutes);
      if (!expiresAt) continue;
      const rows = await tx
        .insert(waitlistOffers)
        .values(
          chosen.map((entry) => ({
            entryId: entry.id,
            serviceId,
            locationId: location.id,
            practitionerId,
            startsAt: slot.start,
            endsAt: slot.end,
            blocked,
            expiresAt,
            createdAt: now,
          })),
        )
        .returning({ id: waitlistOffers.id });
      await tx
        .update(waitlistEntries)
        .set({ status: "offered", updatedAt: now })
        .where(
          inArray(
            waitlistEntries.id,
            chosen.map((c) => c.id),
          ),
        );
      for (const c of chosen) taken.add(c.id);
      used.push({ practitionerId, start: s, end: e });
      for (const r of rows) emails.push({ kind: "waitlist-offer", offerId: r.id });
      expiries.add(expiresAt.getTime());
      made += rows.length;
    }
  }
  for (const at of expiries)
    jobs.push({ data: { kind: "expire", locationId: location.id }, startAfter: new Date(at + 1000) });
  await enqueueWaitlistJobs(tx, jobs);
  await enqueueWaitlistEmails(tx, emails);
  return made;
}

/** The (entry, practitioner, start) keys already offered: a time is never offered to one entry twice. */
async function offeredBefore(tx: Tx, entryIds: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({
      entryId: waitlistOffers.entryId,
      practitionerId: waitlistOffers.practitionerId,
      startsAt: waitlistOffers.startsAt,
    })
    .from(waitlistOffers)
    .where(inArray(waitlistOffers.entryId, entryIds));
  return new Set(rows.map((r) => `${r.entryId}|${r.practitionerId}|${r.startsAt.getTime()}`));
}

/** A class's occurrences with an open offer of one of its places ("practitioner|start"): one place at a time. */
async function openClassOffers(tx: Tx, locationId: string, serviceId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ practitionerId: waitlistOffers.practitionerId, startsAt: waitlistOffers.startsAt })
    .from(waitlistOffers)
    .where(
      and(
        eq(waitlistOffers.locationId, locationId),
        eq(waitlistOffers.serviceId, serviceId),
        eq(waitlistOffers.status, "open"),
      ),
    );
  return new Set(rows.map((r) => `${r.practitionerId}|${r.startsAt.getTime()}`));
}
