import "server-only";
import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, patients, practitioners, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { localDateSchema, slugSchema } from "@/lib/scheduling/schemas";
import { toOffsetIso } from "@/lib/scheduling/local-time";
import { FRONT_DESK, requireRole } from "@/lib/staff/staff-access";
import { z } from "zod";

export const waitlistFilterSchema = z.object({
  location: slugSchema,
  service: slugSchema.optional(),
  practitioner: slugSchema.optional(),
  /** entries whose date range covers this day */
  date: localDateSchema.optional(),
});

export interface StaffWaitlistRow {
  id: string;
  status: string;
  urgent: boolean;
  service: { slug: string; name: string };
  practitioner: { slug: string; name: string } | null;
  earliest: string;
  latest: string;
  partsOfDay: string[];
  patient: { id: string; name: string; phone: string; hasEmail: boolean };
  joinedAt: string;
  source: string;
  offer: { id: string; start: string; practitioner: string; expiresAt: string } | null;
}

/** One location's wait list for the front desk: open entries, urgent first then oldest, with any open offer. */
export async function listWaitlist(db: Db, actor: Actor, rawQuery: unknown) {
  await requireRole(db, actor, FRONT_DESK, "waitlist.list");
  const q = waitlistFilterSchema.parse(rawQuery);
  const [loc] = await db.select().from(locations).where(eq(locations.slug, q.location));
  if (!loc) throw new NotFound("There is no location with that name.");
  const conditions = [eq(waitlistEntries.locationId, loc.id), inArray(waitlistEntries.status, ["waiting", "offered"])];
  if (q.service) conditions.push(eq(services.slug, q.service));
  if (q.practitioner) conditions.push(eq(practitioners.slug, q.practitioner));
  if (q.date) conditions.push(lte(waitlistEntries.earliest, q.date), gte(waitlistEntries.latest, q.date));
  const rows = await db
    .select({
      e: waitlistEntries,
      serviceSlug: services.slug,
      serviceName: services.name,
      practitionerSlug: practitioners.slug,
      practitionerName: practitioners.name,
      firstName: patients.firstName,
      lastName: patients.lastName,
      phone: patients.phone,
      email: patients.email,
    })
    .from(waitlistEntries)
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .leftJoin(practitioners, eq(practitioners.id, waitlistEntries.practitionerId))
    .where(and(...conditions))
    .orderBy(desc(waitlistEntries.urgent), asc(waitlistEntries.createdAt))
    .limit(500);
  const ids = rows.map((r) => r.e.id);
  const offers = ids.length
    ? await db
        .select({ o: waitlistOffers, practitioner: practitioners.slug })
        .from(waitlistOffers)
        .innerJoin(practitioners, eq(practitioners.id, waitlistOffers.practitionerId))
        .where(and(inArray(waitlistOffers.entryId, ids), eq(waitlistOffers.status, "open")))
    : [];
  const offerOf = new Map(offers.map((o) => [o.o.entryId, o]));
  const tz = loc.timezone;
  const entries: StaffWaitlistRow[] = rows.map((r) => {
    const o = offerOf.get(r.e.id);
    return {
      id: r.e.id,
      status: r.e.status,
      urgent: r.e.urgent,
      service: { slug: r.serviceSlug, name: r.serviceName },
      practitioner: r.practitionerSlug ? { slug: r.practitionerSlug, name: r.practitionerName! } : null,
      earliest: r.e.earliest,
      latest: r.e.latest,
      partsOfDay: r.e.partsOfDay,
      patient: { id: r.e.patientId, name: `${r.lastName}, ${r.firstName}`, phone: r.phone, hasEmail: !!r.email },
      joinedAt: toOffsetIso(r.e.createdAt, tz),
      source: r.e.source,
      offer: o
        ? {
            id: o.o.id,
            start: toOffsetIso(o.o.startsAt, tz),
            practitioner: o.practitioner,
            expiresAt: toOffsetIso(o.o.expiresAt, tz),
          }
        : null,
    };
  });
  return { location: { slug: loc.slug, name: loc.name, timezone: tz }, entries };
}
